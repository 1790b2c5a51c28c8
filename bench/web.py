#!/usr/bin/env python3
"""The web part of `make bench`: for every query of the bench's mix, requests per second,
p99 latency and errors of a search over HTTP, 16 connections on loopback (wrk), against
`archive serve` (/api/search and the search page, with its kept answers and without)
and against Datasette serving the same archive file (its FTS search, ?_search=); the same
for many words under each filter of the mix (a word list from the archive's titles); and
the whole-request p50/p95 of one client asking one query at a time.

Standalone: python3 bench/web.py --archive .build/release/archive --db ARCHIVE
            [--queries bench/out/corpus-quick/queries.json | --query WORD] [--seconds 30]
Both servers listen on 127.0.0.1 only and are stopped at the end."""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
DATASETTE_VERSION = "0.65.1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    """Polls until the server answers (a start-up wait, not a measurement)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} in {seconds} s")


def ensure_wrk(log):
    found = shutil.which("wrk")
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk with apt-get")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], stdout=subprocess.DEVNULL, env=env)
        found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk is needed (sudo apt-get install -y wrk)")
    return found


def ensure_datasette(log):
    exe = os.path.join(VENV, "bin", "datasette")
    if os.path.exists(exe):
        return exe
    python = shutil.which("python3") or sys.executable
    if not os.path.exists(os.path.join(VENV, "bin", "pip")):
        subprocess.run([python, "-m", "venv", VENV], check=True)
    log(f"installing datasette {DATASETTE_VERSION} into bench/.venv")
    subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", f"datasette=={DATASETTE_VERSION}"], check=True)
    return exe


def parse_wrk(text):
    """Requests/s, the 99th percentile latency in ms and the errors (non-2xx answers and
    socket errors, timeouts included) from `wrk --latency` output."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    match = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(match.group(1)), match.group(2)
    p99 = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    return {"requests_per_s": rate, "p99_ms": p99, "non_2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": sum(int(n) for n in sockets.groups()) if sockets else 0}


def load(wrk, url, seconds, connections, log):
    log(f"wrk: {connections} connections, {seconds} s: {url}")
    r = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                       capture_output=True, text=True, check=True)
    return parse_wrk(r.stdout)


def latencies(port, path, runs):
    """Milliseconds of `runs` requests one after another on one kept-alive connection:
    a whole request each (the server's work plus loopback), nothing overlapping."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    times = []
    try:
        for _ in range(runs):
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return times


WORD_SLOT = "WORDSLOT"


def word_list(db, count=1000):
    """`count` distinct words of 4 or more letters from the titles of the archive's first
    articles (sorted, then evenly spaced): the words a load under one filter asks for."""
    import sqlite3
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        titles = connection.execute("SELECT title FROM articles ORDER BY id LIMIT 20000").fetchall()
    finally:
        connection.close()
    words = sorted({w for (title,) in titles for w in re.findall(r"[a-z]{4,}", title.lower())})
    step = max(1, len(words) // count)
    return words[::step][:count]


def load_words(wrk, url, words, seconds, connections, log):
    """wrk asking `url` (a path with WORD_SLOT for the query) with another word of
    `words` at each request: each connection walks the list from its own place, so few
    requests repeat an answer a server keeps."""
    log(f"wrk: {connections} connections, {seconds} s, {len(words)} words: {url}")
    parts = urllib.parse.urlsplit(url)
    host = f"{parts.scheme}://{parts.netloc}"
    path = parts.path + ("?" + parts.query if parts.query else "")
    script = ("words = {" + ",".join(json.dumps(w) for w in words) + "}\n"
              "local n = 0\n"
              "request = function()\n"
              "  n = n + 1\n"
              "  local w = words[(n * 7919 + math.random(#words)) % #words + 1]\n"
              f"  return wrk.format('GET', (string.gsub({json.dumps(path)}, '{WORD_SLOT}', w)))\n"
              "end\n")
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write(script)
        lua.flush()
        r = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua.name, host],
                           capture_output=True, text=True, check=True)
    return parse_wrk(r.stdout)


def filtered(queries):
    """One query of the mix for each distinct filter (dates, tags) in it."""
    seen = {}
    for q in queries:
        key = (q.get("since"), q.get("until"), tuple(q.get("tags", [])))
        if key != (None, None, ()) and key not in seen:
            seen[key] = {"name": q["name"], "query": WORD_SLOT, **{k: q[k] for k in ("since", "until", "tags") if q.get(k)}}
    return list(seen.values())


def serve(command, health_url, log):
    log("starting " + " ".join(command[:2]))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # A start-up wait, not a measurement: Datasette once took over 60 s to answer its
    # first request on the full size's 7 GB archive, soon after the archive was built.
    wait_until_up(health_url, process, seconds=900)
    return process


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def period_end(text):
    """The first day after a `YYYY` or `YYYY-MM` period (the bench's `until` values)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return f"{parts[0] + 1:04d}-01-01"
    year, month = parts[0], parts[1]
    return f"{year + 1:04d}-01-01" if month == 12 else f"{year:04d}-{month + 1:02d}-01"


def period_start(text):
    parts = text.split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def archive_path(base, q):
    """The query as `archive serve` takes it: the CLI's filters as URL parameters."""
    pairs = [("q", q["query"])]
    if q.get("raw"):
        pairs.append(("raw", "1"))
    if q.get("since"):
        pairs.append(("since", q["since"]))
    if q.get("until"):
        pairs.append(("until", q["until"]))
    pairs += [("tag", t) for t in q.get("tags", [])]
    return base + "?" + urllib.parse.urlencode(pairs)


def datasette_path(name, q):
    """The same search as Datasette's table view takes it: ?_search= on articles, raw
    FTS5 syntax when the query is raw, the dates as column filters, the tag as a JSON
    array member, and only the canonical version of each story, as archive search shows."""
    pairs = [("_search", q["query"]), ("_size", "10"), ("_shape", "array"), ("duplicate_of__isnull", "1")]
    if q.get("raw"):
        pairs.append(("_searchmode", "raw"))
    if q.get("since"):
        pairs.append(("published__gte", period_start(q["since"])))
    if q.get("until"):
        pairs.append(("published__lt", period_end(q["until"])))
    pairs += [("tags__arraycontains", t) for t in q.get("tags", [])]
    return f"/{name}/articles.json?" + urllib.parse.urlencode(pairs)


def run(archive, db, queries, log, seconds=30, connections=16, latency_runs=20):
    """Every query of the mix: `archive serve` as it starts by default (each reader keeps
    its recent answers while the archive is unchanged), then with nothing kept
    (--cache-answers 0: every request computes its answer, as Datasette's do), then
    Datasette on the same file."""
    wrk = ensure_wrk(log)
    datasette = ensure_datasette(log)
    results = {"seconds": seconds, "connections": connections, "latency_runs": latency_runs,
               "queries": [{"name": q["name"], "query": q["query"]} for q in queries],
               "words": []}
    words = word_list(db)
    if words:
        results["words"] = [{"filter": f} for f in filtered(queries)]
        results["word_count"] = len(words)
    else:
        log("no words of 4 letters in the archive's titles: the word loads are left out")

    for kept, label in ((None, "kept"), ("0", "none")):
        port = free_port()
        extra = ["--cache-answers", kept] if kept else []
        process = serve([archive, "serve", "--db", db, "--port", str(port), *extra], f"http://127.0.0.1:{port}/healthz", log)
        try:
            for q, row in zip(queries, results["queries"]):
                api = archive_path("/api/search", q) + "&limit=10"
                page = archive_path("/", q)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{api}") as response:
                    row["archive_total"] = json.load(response)["total"]
                if label == "none":
                    row["api_ms"] = latencies(port, api, latency_runs)
                    row["page_ms"] = latencies(port, page, latency_runs)
                row[f"api_{label}"] = load(wrk, f"http://127.0.0.1:{port}{api}", seconds, connections, log)
                row[f"page_{label}"] = load(wrk, f"http://127.0.0.1:{port}{page}", seconds, connections, log)
            for row in results["words"]:
                api = archive_path("/api/search", row["filter"]) + "&limit=10"
                row[f"api_{label}"] = load_words(wrk, f"http://127.0.0.1:{port}{api}", words, seconds, connections, log)
                row[f"page_{label}"] = load_words(wrk, f"http://127.0.0.1:{port}{archive_path('/', row['filter'])}",
                                                  words, seconds, connections, log)
        finally:
            stop(process)

    in_process(archive, db, queries, results, latency_runs, log)

    port = free_port()
    name = os.path.splitext(os.path.basename(db))[0]
    process = serve([datasette, "serve", db, "--immutable", db, "--host", "127.0.0.1", "--port", str(port),
                     "--setting", "sql_time_limit_ms", "5000"], f"http://127.0.0.1:{port}/-/versions.json", log)
    try:
        for q, row in zip(queries, results["queries"]):
            row["datasette"] = load(wrk, f"http://127.0.0.1:{port}{datasette_path(name, q)}", seconds, connections, log)
        for row in results["words"]:
            row["datasette"] = load_words(wrk, f"http://127.0.0.1:{port}{datasette_path(name, row['filter'])}", words,
                                          seconds, connections, log)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json") as response:
            results["datasette_version"] = json.load(response)["datasette"]["version"]
    finally:
        stop(process)
    return results


def in_process(archive, db, queries, results, runs, log):
    """What the server's handlers ask of the archive for a page and for the API, timed in
    process by the bench tool built beside `archive` (nothing kept): no HTTP, no HTML."""
    tool = os.path.join(os.path.dirname(archive), "archive-bench")
    if not os.path.exists(tool):
        log(f"no {tool}: the in-process columns are left out")
        return
    log("web requests in process (archive-bench search --web)")
    with tempfile.NamedTemporaryFile("w", suffix=".json") as listing:
        json.dump({"queries": queries}, listing)
        listing.flush()
        out = subprocess.run([tool, "search", "--db", db, "--queries", listing.name, "--runs", str(runs), "--web"],
                             capture_output=True, text=True, check=True).stdout
    for timed, row in zip(json.loads(out)["queries"], results["queries"]):
        row["api_in_process_ms"] = timed["api_ms"]
        row["page_in_process_ms"] = timed["page_ms"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def render(web):
    """Markdown rows for the report."""
    def cell(r):
        errors = r["non_2xx"] + r.get("socket_errors", 0)
        return f"{r['requests_per_s']:.0f} ({r['p99_ms']:.0f} ms{'' if errors == 0 else f', {errors} errors'})"

    def loads(row):
        """The four loads of archive serve, Datasette's, and the two ratios."""
        reference = row["datasette"]["requests_per_s"]
        return (f"{cell(row['api_kept'])} | {cell(row['api_none'])} | {cell(row['page_kept'])} | {cell(row['page_none'])} | "
                f"{cell(row['datasette'])} | {row['api_kept']['requests_per_s'] / reference:.1f}x | "
                f"{row['api_none']['requests_per_s'] / reference:.1f}x")
    lines = ["", f"Search over HTTP, {web['connections']} connections on loopback for {web['seconds']} s each (wrk): "
             "requests/s (p99). `archive serve` as started by default (each reader keeps its recent answers while "
             "the archive is unchanged) and with `--cache-answers 0` (every request computes its answer, as "
             f"Datasette's do); Datasette {web.get('datasette_version', '')} `?_search=` on the same file. "
             "Ratio: requests/s over Datasette's.", "",
             "| query | matches | /api/search | /api/search, nothing kept | search page | search page, nothing kept "
             "| Datasette | ratio | ratio, nothing kept |", "|---|---|---|---|---|---|---|---|---|"]
    for row in web["queries"]:
        if "datasette" not in row:
            continue
        # The API's total is null past the server's count limit (README, Web).
        matches = row.get("archive_total")
        matches = "more than 10000" if matches is None else matches
        lines.append(f"| {row['name']}: `{row['query']}` | {matches} | {loads(row)} |")
    if web.get("words"):
        lines += ["", f"Many words under one filter: each request another of {web.get('word_count', 1000)} words from the "
                  "archive's titles, with the filter of a query of the mix, so that few answers repeat (wrk, as above); "
                  "Datasette the same words and filter", "",
                  "| filter | /api/search | /api/search, nothing kept | search page | search page, nothing kept | Datasette "
                  "| ratio | ratio, nothing kept |", "|---|---|---|---|---|---|---|---|"]
        for row in web["words"]:
            if "datasette" not in row:
                continue
            f = row["filter"]
            label = ", ".join(([f"{f.get('since', '…')} to {f.get('until', '…')}"] if f.get("since") or f.get("until") else [])
                              + [f"tag {t}" for t in f.get("tags", [])])
            lines.append(f"| {label} (as {f['name']}) | {loads(row)} |")
    lines += ["", f"One client, one request at a time ({web['latency_runs']} each, nothing kept): whole request ms "
              "over loopback, an upper bound of the time in the server; and in process, what the server's "
              "handlers ask of the archive (the search, and the facets or the count), without HTTP or HTML", "",
              "| query | /api/search p50 | p95 | in process p50 | p95 | search page (facets) p50 | p95 | in process p50 | p95 |",
              "|---|---|---|---|---|---|---|---|---|"]

    def pair(values):
        return f"{percentile(values, 0.5):.1f} | {percentile(values, 0.95):.1f}" if values else "- | -"
    for row in web["queries"]:
        if "api_ms" in row:
            lines.append(f"| {row['name']} | {pair(row['api_ms'])} | {pair(row.get('api_in_process_ms'))} | "
                         f"{pair(row['page_ms'])} | {pair(row.get('page_in_process_ms'))} |")
    return lines + [""]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", help="the bench's queries.json (default: one plain query, --query)")
    parser.add_argument("--query", default="council")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    log = lambda message: print(f"[bench-web {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
    if args.queries:
        with open(args.queries) as f:
            queries = json.load(f)["queries"]
    else:
        queries = [{"name": "query", "query": args.query}]
    web = run(os.path.abspath(args.archive), os.path.abspath(args.db), queries, log, args.seconds, args.connections)
    print(json.dumps(web, indent=1))
    print("\n".join(render(web)))


if __name__ == "__main__":
    main()
