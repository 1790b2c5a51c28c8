"""The CJK table of `make bench` (bench/cjk.py's results), beside the English one."""

from measure import median, percentile
from report import mb, spread, verdict

SETS = [("1", "one-character", "LIKE scan"), ("2", "two-character", "LIKE scan"), ("4", "four-character", "MATCH")]


def render(results):
    cjk = results["cjk"]
    corpus = cjk["corpus"]
    rounds = cjk["imports"]
    search = cjk["search"]
    trigram = cjk["trigram"]
    queries = search["queries"]
    input_mb = corpus["bytes"] / 1e6

    rates = [input_mb / r["seconds"] for r in rounds]
    english_mb = results["corpus"]["base_bytes"] / 1e6
    english = [english_mb / r["first"]["seconds"] for r in results["imports"]]
    ratios = [c / e for c, e in zip(rates, english)]
    size = rounds[-1]["bytes"] / corpus["bytes"]
    trigram_size = trigram["bytes"] / corpus["bytes"]
    runs = len(rounds)
    once = "1 run" if runs == 1 else f"median of {runs} runs (min-max)"
    languages = ", ".join(f"{corpus['languages'].get(code, 0):,} {name}" for code, name in
                          (("zh", "Chinese"), ("ja", "Japanese"), ("ko", "Korean")))

    def times(key, names):
        return [ms for name in names for ms in search[key][name]]

    def same(name):
        return search["matches"].get(name) == search["trigram_matches"].get(name)

    lines = []
    add = lines.append
    add(f"### CJK: {corpus['records']:,} generated articles ({languages}; {mb(corpus['bytes'])} in {corpus['files']} text dumps)")
    add("")
    add(f"Imports: {once}, each into a fresh archive; ratio = CJK MB/s / English first-import MB/s of the same round. "
        f"Search: whole process (`archive search Q --limit 20`), {len(queries)} queries x {len(search['whole_ms'][queries[0]['name']])} runs, "
        "p50 / p95 over the runs of each set. Reference: SQLite's `trigram` tokenizer, an FTS5 table of the title, body and tags of the "
        "articles `archive search` shows, built once by the sqlite3 shell from the archive's rows (no parsing, no dedup). Trigrams cannot "
        "index fewer than three characters, so one- and two-character queries need a `LIKE '%q%'` scan. Its times are sqlite3 shell "
        "processes: a page of 20 (MATCH ranked by bm25; a LIKE scan has no rank, so the newest 20) / every match counted.")
    add("")
    add("| what | archive | SQLite trigram (reference) | target | met? |")
    add("|---|---|---|---|---|")
    add(f"| import, MB/s | {spread(rates)}, {spread(ratios)}x English ({spread(english)}) | table built from the archive's rows: "
        f"{input_mb / trigram['seconds']:.2f} MB/s ({trigram['seconds']:.0f} s, 1 run) | >= 0.5x English | {verdict(median(ratios) >= 0.5)} |")
    free = rounds[-1].get("free_bytes")
    free_note = f"; {mb(free)} of it free pages left by FTS5's merges, {(rounds[-1]['bytes'] - free) / corpus['bytes']:.2f}x without them" if free else ""
    add(f"| size / input size | {size:.2f} ({mb(rounds[-1]['bytes'])}{free_note}) | {trigram_size:.2f} ({mb(trigram['bytes'])}) | <= 3x | "
        f"{verdict(size <= 3)} |")
    for key, label, how in SETS:
        names = [q["name"] for q in queries if q["set"] == key]
        whole = times("whole_ms", names)
        page = times("trigram_page_ms", names)
        every = times("trigram_count_ms", names)
        add(f"| {label} queries ({len(names)}), p50 / p95 ms | {percentile(whole, 0.5):.1f} / {percentile(whole, 0.95):.1f} | "
            f"{how}: page {percentile(page, 0.5):.1f} / {percentile(page, 0.95):.1f}; all matches {percentile(every, 0.5):.1f} / "
            f"{percentile(every, 0.95):.1f} | p95 < 50 ms | {verdict(percentile(whole, 0.95) < 50)} |")
    for key, label, _ in SETS:
        names = [q["name"] for q in queries if q["set"] == key]
        ours = " / ".join(f"{search['matches'].get(n, 0):,}" for n in names)
        theirs = " / ".join(f"{search['trigram_matches'].get(n, 0):,}" for n in names)
        agree = sum(1 for n in names if same(n))
        add(f"| {label} queries: articles matched, each query | {ours} | {theirs} | the same counts | "
            f"{verdict(agree == len(names))} ({agree} of {len(names)}) |")
    got = rounds[0]["summary"]
    versions = ", ".join(f"{count} {kind}" for kind, count in sorted(corpus["versions"].items()))
    add(f"| duplicates (planted) / near duplicates (planted), round 1 | {got['duplicates']:,} ({corpus['exact_copies']:,}) / "
        f"{got['near_duplicates']:,} ({corpus['near_duplicates']:,}: {versions}) | - | - | - |")
    add(f"| peak RSS of import, MB | {max(r['peak_mb'] for r in rounds):.0f} | build {trigram['peak_mb']:.0f} | - | - |")
    add("")

    add("CJK queries (chosen from a sample of the corpus by the share of articles holding them; "
        "matches as counted by the archive and by the trigram table; ms):")
    add("")
    add("| query | sample share | archive matches | trigram matches | same? | archive p50 | archive p95 | trigram page p50 | trigram all p50 |")
    add("|---|---|---|---|---|---|---|---|---|")
    for q in queries:
        name = q["name"]
        whole = search["whole_ms"][name]
        add(f"| {name}: `{q['query']}` | {q['sampleShare'] * 100:.2f}% | {search['matches'].get(name, 0):,} | "
            f"{search['trigram_matches'].get(name, 0):,} | {verdict(same(name))} | {median(whole):.1f} | {percentile(whole, 0.95):.1f} | "
            f"{median(search['trigram_page_ms'][name]):.1f} | {median(search['trigram_count_ms'][name]):.1f} |")
    add("")
    made = "reused, generated earlier in" if corpus.get("reused") else "generated in"
    add(f"CJK corpus: built-in phrasebooks (SyntheticNews/CJKStories); {made} {corpus['generated_seconds']} s.")
    add("")
    return lines
