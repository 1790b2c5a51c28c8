"""Daily imports into a large archive under two ways of merging the full-text index.

Copies an archive once per policy, then imports the same days of new articles into
each copy, one import per day, and prints a table of each import's seconds, the file's
size and the index's levels. The days are the given incremental dump with each
record's body words shuffled (a seed per day), so every day's articles are new.

  crisis:  FTS5 merges only when a level holds LEVEL segments, all of them at once
           (automerge 0, crisismerge LEVEL; migration 12)
  bounded: FTS5's automerge merges LEVEL segments of a level a few pages per page
           written (automerge LEVEL, crisismerge 64; migration 14)

With --level 16 (FTS5's and our default) a level of the first import's large
segments fills only after weeks of daily imports; a smaller level size reaches that
day within the trial, for both policies alike. See the README, "Merging a little at a time".

  python3 bench/merge_trial.py --db BASE.db --dump bench/out/corpus-full/incremental.jsonl
"""

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measure import remove_db, run  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_days(dump, folder, days):
    paths = []
    for day in range(1, days + 1):
        path = os.path.join(folder, f"day-{day}.jsonl")
        paths.append(path)
        if os.path.exists(path):
            continue
        rng = random.Random(day)
        with open(dump) as source, open(path + ".part", "w") as out:
            for line in source:
                record = json.loads(line)
                words = record["body"].split()
                rng.shuffle(words)
                record["body"] = " ".join(words)
                record["title"] = f"d{day} {record['title']}"
                if record.get("url"):
                    record["url"] += f"?d={day}"
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(path + ".part", path)
    return paths


def levels(db):
    """The segments per level of articles_fts (FTS5's structure record, row 10), with
    '*' after a level whose merge is under way."""
    # A plain connection, closed at once: it takes part in the write-ahead log's locking
    # like any reader (a read-only one made without the shared-memory file may not).
    connection = sqlite3.connect(db)
    try:
        block = connection.execute("SELECT block FROM articles_fts_data WHERE id = 10").fetchone()[0]
    finally:
        connection.close()
    offset = 4

    def varint():
        nonlocal offset
        value = 0
        for _ in range(8):
            byte = block[offset]
            offset += 1
            value = (value << 7) | (byte & 0x7F)
            if byte < 0x80:
                return value
        value = (value << 8) | block[offset]
        offset += 1
        return value

    count = varint()
    varint(), varint()  # segments, write counter
    shown = []
    for _ in range(count):
        merging, segments = varint(), varint()
        for _ in range(segments * 3):
            varint()
        shown.append(f"{segments}{'*' if merging else ''}")
    return " ".join(shown)


def drop_caches():
    """Each import starts with the archive on disk, not in memory, as a daily import
    mostly does (when the process may: root)."""
    os.sync()
    try:
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
    except OSError:
        pass


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the archive to start from (it is copied, not changed)")
    parser.add_argument("--dump", required=True, help="a JSON Lines dump; each day is it, shuffled")
    parser.add_argument("--days", type=int, default=5)
    parser.add_argument("--level", type=int, default=16, help="segments that make a level full (default 16)")
    parser.add_argument("--archive", default=os.path.join(ROOT, ".build", "release", "archive"))
    parser.add_argument("--bench-tool", default=os.path.join(ROOT, ".build", "release", "archive-bench"))
    parser.add_argument("--queries", help="a bench queries.json: after the last day, each query's in-process "
                        "median of 7 runs on each copy")
    parser.add_argument("--work", default=os.path.join(ROOT, "bench", "out", "merge-trial"))
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    days = make_days(args.dump, args.work, args.days)
    policies = [("crisis", 0, args.level), ("bounded", args.level, 64)]
    table = {}
    searches = {}
    for name, automerge, crisismerge in policies:
        db = os.path.join(args.work, f"{name}.db")
        remove_db(db)
        shutil.copyfile(args.db, db)
        # Any command brings an older archive up to this binary's migrations (which set
        # the merge settings); the policy is set after that.
        run([args.archive, "stats", "--db", db], out_dir=args.work)
        with sqlite3.connect(db) as connection:
            connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', ?)", (automerge,))
            connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', ?)", (crisismerge,))
        rows = []
        for day, path in enumerate(days, 1):
            drop_caches()
            r = run([args.archive, "import", path, "--db", db, "--json"], out_dir=args.work)
            rows.append((r.seconds, os.path.getsize(db) / 1e6, levels(db)))
            print(f"{name} day {day}: {r.seconds:.1f} s, {rows[-1][1]:,.0f} MB, segments per level {rows[-1][2]}",
                  file=sys.stderr)
        table[name] = rows
        if args.queries:
            r = run([args.bench_tool, "search", "--db", db, "--queries", args.queries, "--runs", "7"], out_dir=args.work)
            searches[name] = {q["name"]: statistics.median(q["ms"]) for q in json.loads(r.stdout)["queries"]}
        remove_db(db)
    print(f"| day | {' | '.join(f'{n}: s, MB, segments per level' for n, _, _ in policies)} |")
    print(f"|---|{'---|' * len(policies)}")
    for day in range(args.days):
        cells = [f"{table[n][day][0]:.1f}, {table[n][day][1]:,.0f}, {table[n][day][2]}" for n, _, _ in policies]
        print(f"| {day + 1} | {' | '.join(cells)} |")
    for label, pick in (("median", statistics.median), ("slowest", max), ("all days", sum)):
        print(f"| {label}, s | {' | '.join(f'{pick([row[0] for row in table[n]]):.1f}' for n, _, _ in policies)} |")
    for query in searches.get("crisis", {}):
        print(f"| search after the last day, in process, ms: {query} | "
              f"{' | '.join(f'{searches[n][query]:.1f}' for n, _, _ in policies)} |")


if __name__ == "__main__":
    main()
