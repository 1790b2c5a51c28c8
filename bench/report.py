"""The table `make bench` prints, from the results of one run (bench.py)."""

from measure import median, percentile


def spread(values, fmt="{:.2f}"):
    """median, and (min-max) when there are several values."""
    if not values:
        return "-"
    text = fmt.format(median(values))
    if len(values) > 1:
        text += " (" + fmt.format(min(values)) + "-" + fmt.format(max(values)) + ")"
    return text


def verdict(ok):
    return "yes" if ok else "**no**"


def mb(value_bytes):
    return f"{value_bytes / 1e6:,.0f} MB"


def render(results):
    corpus = results["corpus"]
    rounds = results["imports"]
    base_mb = corpus["base_bytes"] / 1e6
    inc_mb = corpus["incremental_bytes"] / 1e6
    runs = len(rounds)
    full = results["size"] == "full"

    def seconds(key, sub=None):
        return [(r[key][sub] if sub else r[key]["seconds"]) for r in rounds]

    first = seconds("first")
    alone = seconds("sqlite_alone")
    utils = seconds("sqlite_utils")
    inc = seconds("incremental")
    utils_inc = seconds("sqlite_utils_incremental")
    re_inc = seconds("reimport_incremental")
    re_base = seconds("reimport_base")

    ratio_alone = [a / f for a, f in zip(alone, first)]
    ratio_utils = [u / f for u, f in zip(utils, first)]
    ratio_inc = [u / i for u, i in zip(utils_inc, inc)]
    per_gb_base = [s / (corpus["base_bytes"] / 1e9) for s in re_base]
    per_gb_inc = [s / (corpus["incremental_bytes"] / 1e9) for s in re_inc]

    def rate(total_mb, secs):
        return [total_mb / s for s in secs]

    import_peak = max(max(r["first"]["peak_mb"], r["incremental"]["peak_mb"], r["reimport_base"]["peak_mb"],
                          r["reimport_incremental"]["peak_mb"]) for r in rounds)

    search = results["search"]
    queries = search["queries"]
    whole_all = [ms for q in queries for ms in search["whole_ms"][q["name"]]]
    inproc_all = [ms for q in queries for ms in search["in_process"][q["name"]]["ms"]]
    rg = search["rg_ms"]
    rg_ratios = {name: median(times) / median(search["whole_ms"][name]) for name, times in rg.items()}
    rg_all = [ms for times in rg.values() for ms in times]

    export = results["export"]
    ex_ours = [e["archive"]["seconds"] for e in export["runs"]]
    ex_ref = [e["sqlite3"]["seconds"] for e in export["runs"]]
    ex_ratio = [r / o for r, o in zip(ex_ref, ex_ours)]
    ex_mb = export["runs"][-1]["archive"]["bytes"] / 1e6
    ex_ref_mb = export["runs"][-1]["sqlite3"]["bytes"] / 1e6

    total_input = corpus["base_bytes"] + corpus["incremental_bytes"]
    archive_size = rounds[-1]["archive_bytes"]
    alone_size = rounds[-1]["sqlite_alone"]["bytes"]
    utils_size = rounds[-1]["sqlite_utils"]["bytes"]

    at_size = "" if full else " (target is for 1,000,000 articles)"
    # Issue 13 asks 30 ms at 1,000,000 articles; the quick size keeps the earlier 50.
    search_p95_target = 30 if full else 50
    once = "1 run" if runs == 1 else f"median of {runs} runs (min-max)"

    lines = []
    add = lines.append
    add(f"## Benchmark: {results['size']} size, {corpus['base_records']:,} base articles "
        f"({mb(corpus['base_bytes'])} in {corpus['files']} dumps), seed {results['seed']}")
    add("")
    add(f"Imports: {once}, each into a fresh database, archive and references alternating. "
        f"Search: {len(queries)} queries x {len(search['whole_ms'][queries[0]['name']])} runs. "
        "Throughput is MB of the dumps (the same articles for every tool) per second of wall time; "
        "ratio = archive throughput / reference throughput (reference time / archive time), per pair of runs. "
        "Files are in the page cache for every tool (each database is read once before its incremental import).")
    add("")
    add("| what | archive | reference | ratio | target | met? |")
    add("|---|---|---|---|---|---|")
    add(f"| first import, exact + near dedup, MB/s | {spread(rate(base_mb, first))} | SQLite alone (sqlite3 .import, FTS5 'rebuild', "
        f"`{results['tokenizer']}`): {spread(rate(base_mb, alone))} | {spread(ratio_alone)}x | >= 1.0x | {verdict(median(ratio_alone) >= 1.0)} |")
    add(f"| first import, MB/s | {spread(rate(base_mb, first))} | sqlite-utils insert + enable-fts (FTS5, same tokenizer, no dedup): "
        f"{spread(rate(base_mb, utils))} | {spread(ratio_utils)}x | > 1x | {verdict(median(ratio_utils) > 1)} |")
    merges = [r["incremental"].get("merged_recent_keys") for r in rounds]
    merged_note = "" if None in merges else f"; merging the recent keys into near_keys: {sum(merges)} of {len(merges)}"
    add(f"| incremental import ({corpus['incremental_records']:,} records, {inc_mb:.1f} MB, 30% already in{merged_note}), MB/s | "
        f"{spread(rate(inc_mb, inc))} | sqlite-utils insert into a table with FTS triggers: {spread(rate(inc_mb, utils_inc))} | "
        f"{spread(ratio_inc)}x | >= 2x{at_size} | {verdict(median(ratio_inc) >= 2)} |")
    daily = results.get("daily")
    if daily and daily["days"]:
        day_mb = daily["bytes"] / 1e6
        day_s = [d["seconds"] for d in daily["days"]]
        reference = median(utils_inc) * day_mb / inc_mb
        add(f"| daily imports: {len(day_s)} days of {corpus['incremental_records']:,} new records ({day_mb:.1f} MB) one after "
            f"the other, median / slowest, s (segments per level after the slowest: "
            f"{daily['days'][day_s.index(max(day_s))]['levels']}) | {median(day_s):.1f} / {max(day_s):.1f} | "
            f"sqlite-utils with FTS triggers, the incremental row's time: {reference:.1f} | "
            f"{reference / median(day_s):.2f}x / {reference / max(day_s):.2f}x | - | - |")
    add(f"| re-import of the imported base dumps ({mb(corpus['base_bytes'])}), s per GB | {spread(per_gb_base, '{:.3f}')} | - | - | < 1 s/GB | "
        f"{verdict(median(per_gb_base) < 1)} |")
    add(f"| re-import of the incremental dump ({inc_mb:.1f} MB), s per GB | {spread(per_gb_inc, '{:.3f}')} "
        f"({spread([s * 1000 for s in re_inc], '{:.0f}')} ms; the fixed cost of starting a process dominates a small file) | - | - | "
        f"< 1 s/GB | {verdict(median(per_gb_inc) < 1)} |")
    add(f"| search, whole process (`archive search`), p50 / p95 ms | {percentile(whole_all, 0.5):.1f} / {percentile(whole_all, 0.95):.1f} | "
        f"rg over the dumps, per word: {spread(rg_all, '{:.0f}')} ms | {min(rg_ratios.values()):.1f}x (worst query, p50 vs rg) | "
        f"p95 < {search_p95_target} ms; >= 20x rg{at_size} | {verdict(percentile(whole_all, 0.95) < search_p95_target)}; "
        f"{verdict(min(rg_ratios.values()) >= 20) if rg_ratios else '-'} |")
    first_searches = [r["first_search"]["ms"] for r in rounds if "first_search" in r]
    if first_searches:
        add(f"| first search right after the incremental import (`{rounds[0]['first_search']['query']}`), whole process, ms | "
            f"{spread(first_searches, '{:.1f}')} | the same query in the mix below | - | < 30 ms | {verdict(median(first_searches) < 30)} |")
    startup = results.get("startup")
    if startup:
        for name, label, limit, times in (("version", "`archive --version`", 5, 2), ("search", "a search of the demo archive", 8, 3)):
            ours, ref = startup[name]["archive"], startup[name]["sqlite3"]
            reference = "`sqlite3 :memory: 'select 1'`" if name == "version" else "the sqlite3 shell, same FTS5 query"
            ratio = median(ours) / median(ref)
            add(f"| start-up: {label}, whole process, ms | {spread(ours, '{:.1f}')} ({startup[name]['archive_peak_mb']:.0f} MB) | "
                f"{reference}: {spread(ref, '{:.1f}')} | {ratio:.1f}x the reference's time | <= {limit} ms and <= {times}x | "
                f"{verdict(median(ours) <= limit and ratio <= times)} |")
    add(f"| search, in process (ArticleSearch), p50 / p95 ms | {percentile(inproc_all, 0.5):.1f} / {percentile(inproc_all, 0.95):.1f} | - | - | - | - |")
    durable = [e["archive_output"]["seconds"] for e in export["runs"] if "archive_output" in e]
    durable_note = f" (with `--output`, flushed to disk: {spread([ex_mb / s for s in durable])})" if durable else ""
    add(f"| export to CSV ({export['rows']:,} rows, {ex_mb:,.0f} MB), MB/s | {spread([ex_mb / s for s in ex_ours])}{durable_note} | "
        f"sqlite3 -csv, same columns ({ex_ref_mb:,.0f} MB): {spread([ex_ref_mb / s for s in ex_ref])} | {spread(ex_ratio)}x | >= 0.8x | "
        f"{verdict(median(ex_ratio) >= 0.8)} |")
    optimized = results.get("optimize")
    if optimized:
        merged = next((i for i in optimized["indexes"] if i["index"] == "full-text index"), None)
        after_all = [t for times in optimized["whole_ms_after"].values() for t in times]
        add(f"| `archive optimize` after the imports (full-text index: {merged['segments_before'] if merged else '?'} segments into 1), s | "
            f"{optimized['seconds']:.1f} ({optimized['peak_mb']:.0f} MB); search, whole process, after it: p50 / p95 "
            f"{percentile(after_all, 0.5):.1f} / {percentile(after_all, 0.95):.1f} ms | - | - | - | - |")
    add(f"| peak RSS of import (any), MB | {import_peak:.0f} | SQLite alone {max(r['sqlite_alone']['peak_mb'] for r in rounds):.0f}, "
        f"sqlite-utils {max(r['sqlite_utils']['peak_mb'] for r in rounds):.0f} | - | < 256 MB | {verdict(import_peak < 256)} |")
    add(f"| peak RSS: first / incremental / re-import / search / export, MB | "
        f"{max(r['first']['peak_mb'] for r in rounds):.0f} / {max(r['incremental']['peak_mb'] for r in rounds):.0f} / "
        f"{max(r['reimport_base']['peak_mb'] for r in rounds):.0f} / {search['peak_mb']:.0f} / "
        f"{max(e[k]['peak_mb'] for e in export['runs'] for k in ('archive', 'archive_output') if k in e):.0f} | sqlite3 -csv export "
        f"{max(e['sqlite3']['peak_mb'] for e in export['runs']):.0f} | - | - | - |")
    add(f"| archive size / input size | {archive_size / total_input:.2f} ({mb(archive_size)}, base + incremental) | "
        f"SQLite alone {alone_size / corpus['base_bytes']:.2f}, sqlite-utils {utils_size / corpus['base_bytes']:.2f} (base only) | - | - | - |")
    add("")

    add("Query mix (matches as counted by the archive; whole-process and in-process times in ms; rg: `rg -c` over all dumps):")
    add("")
    add("| query | matches | whole p50 | whole p95 | in-process p50 | in-process p95 | rg p50 | archive vs rg |")
    add("|---|---|---|---|---|---|---|---|")
    for q in queries:
        name = q["name"]
        shown = q["query"] + ("" if not q.get("raw") else " (raw)")
        filters = []
        if q.get("since") or q.get("until"):
            filters.append(f"{q.get('since') or '...'} to {q.get('until') or '...'}")
        filters += [f"tag {t}" for t in q.get("tags", [])]
        if filters:
            shown += ", " + ", ".join(filters)
        whole = search["whole_ms"][name]
        inproc = search["in_process"][name]
        rg_text = f"{median(rg[name]):.0f}" if name in rg else "-"
        ratio = f"{rg_ratios[name]:.0f}x" if name in rg_ratios else "-"
        add(f"| {name}: `{shown}` | {inproc.get('matches') if inproc.get('matches') is not None else '-'} | "
            f"{median(whole):.1f} | {percentile(whole, 0.95):.1f} | {median(inproc['ms']):.1f} | {percentile(inproc['ms'], 0.95):.1f} | "
            f"{rg_text} | {ratio} |")
    add("")

    expected = results["expected"]
    versions = ", ".join(f"{count} {kind}" for kind, count in sorted(expected["baseVersions"].items()))
    got = rounds[0]["first"]["summary"]
    got_inc = rounds[0]["incremental"]["summary"]
    add("Deduplication check (round 1; the corpus plants exact copies and near-duplicate versions):")
    add("")
    add("| import | records | duplicates (planted) | near duplicates (planted) | inserted |")
    add("|---|---|---|---|---|")
    add(f"| first | {got['records']:,} | {got['duplicates']:,} ({expected['baseExactCopies']:,}) | "
        f"{got['near_duplicates']:,} ({expected['baseNearDuplicates']:,}: {versions}) | "
        f"{got['inserted']:,} |")
    add(f"| incremental | {got_inc['records']:,} | {got_inc['duplicates']:,} ({expected['incrementalExactCopies']:,}) | "
        f"{got_inc['near_duplicates']:,} (0) | {got_inc['inserted']:,} |")
    add("")

    if "web" in results:
        import web  # here, not at the top: bench.py puts this folder on the path
        lines += web.render(results["web"])
    if "compressed" in results:
        import report_compressed  # here, not at the top: it takes its helpers from this module
        lines += report_compressed.render(results)
    if "cjk" in results:
        import report_cjk  # here, not at the top: it takes its helpers from this module
        lines += report_cjk.render(results)

    m = results["machine"]
    add(f"Machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory']} memory, {m['os']}; sqlite3 {m['sqlite3'].split(' ')[0]}; "
        f"{m['swift']}; {results['tools']['sqlite-utils']}; {results['tools']['rg'] or 'rg not installed'}; {m['date']}.")
    made = "reused, generated earlier in" if corpus.get("reused") else "generated in"
    add(f"Corpus: {corpus['source']}; {made} {corpus['generated_seconds']} s. Whole benchmark: {results['total_seconds']:.0f} s. "
        f"Load average (1 min) before / after: {results['load_before'][0]:.1f} / {results['load_after'][0]:.1f} "
        "(other work on the machine shows up here and in the spread of the runs).")
    add("")
    return "\n".join(lines)

