"""The CJK part of `make bench` (both sizes): a generated corpus of Chinese, Japanese and
Korean articles (`archive-bench cjk-corpus`), imported by `archive` into a fresh archive
each round, searched with one-, two- and four-character queries, and the alternative the
archive's bigram index is measured against: SQLite's built-in trigram tokenizer over
the same articles, which cannot index queries under three characters and needs a
LIKE scan for them."""

import json
import os
import sqlite3

from measure import StepFailed, file_bytes, remove_db, run

# The statements the trigram reference runs, through the sqlite3 shell like the other
# reference tools. The table holds what `archive search` searches: the title, body and
# tags of each article it shows (not the versions hidden under a canonical one).
TRIGRAM_BUILD = """PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
ATTACH 'file:{source}?mode=ro' AS source;
CREATE VIRTUAL TABLE t USING fts5(title, body, tags, tokenize='trigram');
INSERT INTO t(rowid, title, body, tags) SELECT id, title, body, tags FROM source.articles WHERE duplicate_of IS NULL;
"""


def sql_text(value):
    return "'" + value.replace("'", "''") + "'"


def trigram_condition(query):
    """MATCH where trigrams can answer (three or more characters); else the LIKE scan."""
    if len(query) >= 3:
        return "t MATCH " + sql_text('"' + query.replace('"', '""') + '"')
    pattern = sql_text("%" + query + "%")
    return f"(title LIKE {pattern} OR body LIKE {pattern} OR tags LIKE {pattern})"


def trigram_page(query):
    """A page of 20, as `archive search --limit 20` gives: ranked for MATCH; the LIKE
    scan has no rank, so it takes the newest 20 (a lower bound on what ranking costs)."""
    order = "rank" if len(query) >= 3 else "rowid DESC"
    return f"SELECT rowid, title FROM t WHERE {trigram_condition(query)} ORDER BY {order} LIMIT 20"


class CJKBench:
    def __init__(self, bench, log):
        self.bench = bench
        self.args = bench.args
        self.log = log
        self.folder = os.path.join(os.path.dirname(bench.corpus), "corpus-cjk")
        self.results = {}

    def db(self, name):
        return self.bench.db(name)

    def corpus(self):
        self.log(f"CJK corpus ({self.args.cjk_records:,} articles, seed {self.args.seed}) in {self.folder}")
        made = run([self.bench.tool, "cjk-corpus", "--out", self.folder, "--records", str(self.args.cjk_records),
                    "--seed", str(self.args.seed)], out_dir=self.bench.work)
        with open(os.path.join(self.folder, "manifest.json")) as f:
            self.manifest = json.load(f)
        with open(os.path.join(self.folder, "queries.json")) as f:
            self.queries = json.load(f)["queries"]
        self.files = [os.path.join(self.folder, name) for name in self.manifest["files"]]
        self.bytes = file_bytes(*self.files)
        self.results["corpus"] = {"records": self.manifest["records"], "bytes": self.bytes, "files": len(self.files),
                                  "languages": self.manifest["languages"], "exact_copies": self.manifest["exactCopies"],
                                  "near_duplicates": self.manifest["nearDuplicates"], "versions": self.manifest["versions"],
                                  "generated_seconds": self.manifest["seconds"], "reused": "up to date" in made.stdout,
                                  "seconds": round(made.seconds, 1)}

    def imports(self):
        """One fresh import per round (as many rounds as the English imports, to pair
        them); the last round's archive is kept for the searches and the trigram table."""
        rounds = []
        for number in range(1, self.args.runs + 1):
            db = self.db(f"archive-cjk-{number}.db")
            remove_db(db)
            entry = self.bench.archive_import(db, self.files, f"CJK import round {number} of {self.args.runs}")
            entry["bytes"] = file_bytes(db, db + "-wal")
            # Pages FTS5's merges freed: part of the file, reused by later imports, and
            # varying from run to run with where the merges fell.
            with sqlite3.connect(db) as connection:
                free, page = (connection.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_size"))
            connection.close()
            entry["free_bytes"] = free * page
            rounds.append(entry)
            if number < self.args.runs:
                remove_db(db)
        self.archive_db = self.db(f"archive-cjk-{self.args.runs}.db")
        self.results["imports"] = rounds

    def trigram(self):
        """The trigram table built once from the kept archive's rows: no parsing, no
        deduplication, so its time is a lower bound on an import that would use it."""
        self.trigram_db = self.db("trigram-cjk.db")
        remove_db(self.trigram_db)
        script = os.path.join(self.bench.work, "trigram-cjk.sql")
        with open(script, "w") as f:
            f.write(TRIGRAM_BUILD.format(source=self.archive_db))
        r = run(["sqlite3", "-bail", self.trigram_db], stdin_path=script, out_dir=self.bench.work)
        if "error" in r.stderr.lower():
            raise StepFailed("sqlite3 trigram reference: " + r.stderr[-2000:])
        rows = run(["sqlite3", self.trigram_db, "SELECT count(*) FROM t"], out_dir=self.bench.work)
        self.log(f"trigram table: {r.seconds:.2f} s, {r.peak_mb:.0f} MB peak")
        self.results["trigram"] = {"seconds": r.seconds, "peak_mb": r.peak_mb, "rows": int(rows.stdout.strip()),
                                   "bytes": file_bytes(self.trigram_db, self.trigram_db + "-wal")}

    def search(self):
        runs = self.args.search_runs
        self.log(f"CJK search: {len(self.queries)} queries x {runs} runs, whole process")
        whole = {q["name"]: [] for q in self.queries}
        hits = {}
        for _ in range(runs):
            for q in self.queries:
                r = run([self.bench.archive, "search", q["query"], "--db", self.archive_db, "--limit", "20", "--format", "json"],
                        out_dir=self.bench.work)
                hits[q["name"]] = len(json.loads(r.stdout))
                whole[q["name"]].append(r.seconds * 1000)
        # The archive's match counts (and one in-process time) from the benchmark tool.
        r = run([self.bench.tool, "search", "--db", self.archive_db, "--queries", os.path.join(self.folder, "queries.json"),
                 "--runs", "1", "--limit", "20", "--count"], out_dir=self.bench.work)
        matches = {q["name"]: q["matches"] for q in json.loads(r.stdout)["queries"]}

        trigram_runs = self.args.trigram_runs
        self.log(f"CJK search: trigram reference, {trigram_runs} runs (LIKE scans for 1 and 2 characters)")
        page = {q["name"]: [] for q in self.queries}
        every = {q["name"]: [] for q in self.queries}
        counts = {}
        for _ in range(trigram_runs):
            for q in self.queries:
                r = run(["sqlite3", self.trigram_db, trigram_page(q["query"])], out_dir=self.bench.work)
                page[q["name"]].append(r.seconds * 1000)
                r = run(["sqlite3", self.trigram_db, f"SELECT count(*) FROM t WHERE {trigram_condition(q['query'])}"],
                        out_dir=self.bench.work)
                every[q["name"]].append(r.seconds * 1000)
                counts[q["name"]] = int(r.stdout.strip())
        self.results["search"] = {"queries": self.queries, "whole_ms": whole, "hits": hits, "matches": matches,
                                  "trigram_page_ms": page, "trigram_count_ms": every, "trigram_matches": counts}

    def run(self):
        self.corpus()
        self.imports()
        self.trigram()
        self.search()
        if not self.args.keep:
            remove_db(self.archive_db)
            remove_db(self.trigram_db)
        return self.results
