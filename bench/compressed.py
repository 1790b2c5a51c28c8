"""The compressed-dump part of `make bench`: the quick corpus's base dumps imported as
they are, gzipped, zstd-compressed and as one .tar.gz bundle, each into a fresh archive,
in turn (plain, gzip, zstd, bundle; then again), so that each compressed import is
paired with the plain import of its round. Throughput counts the decoded bytes, the
same for all four, so the ratio is the compressed import's speed against the plain one."""

import os
import subprocess

from measure import StepFailed, file_bytes, remove_db


class CompressedBench:
    def __init__(self, bench, log):
        self.bench = bench
        self.log = log
        self.folder = os.path.join(os.path.dirname(bench.corpus), "corpus-compressed")

    def prepare(self):
        """gzip -6 and zstd -3 (the tools' defaults) of each base dump, and one tar.gz of
        them all, made once per corpus."""
        os.makedirs(self.folder, exist_ok=True)
        plain = self.bench.base_files
        self.sets = {"plain": plain, "gzip": [], "zstd": [], "bundle": [os.path.join(self.folder, "base.tar.gz")]}
        for path in plain:
            name = os.path.basename(path)
            for kind, suffix, command in (("gzip", ".gz", ["gzip", "-c"]), ("zstd", ".zst", ["zstd", "-q", "-c"])):
                target = os.path.join(self.folder, name + suffix)
                if not os.path.exists(target) or os.path.getmtime(target) < os.path.getmtime(path):
                    with open(target, "wb") as out:
                        if subprocess.run(command + [path], stdout=out).returncode != 0:
                            raise StepFailed(f"{command[0]} {path} failed")
                self.sets[kind].append(target)
        bundle = self.sets["bundle"][0]
        if not os.path.exists(bundle) or any(os.path.getmtime(bundle) < os.path.getmtime(p) for p in plain):
            folder = os.path.dirname(plain[0])
            if subprocess.run(["tar", "czf", bundle, "-C", folder, *[os.path.basename(p) for p in plain]]).returncode != 0:
                raise StepFailed("tar czf failed")
        self.stored = {kind: file_bytes(*paths) for kind, paths in self.sets.items()}
        self.log(f"compressed corpus in {self.folder}: " + ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in self.stored.items()))

    def run(self):
        self.prepare()
        rounds = []
        for number in range(1, self.bench.args.runs + 1):
            entry = {}
            for kind, files in self.sets.items():
                db = self.bench.db(f"archive-compressed-{kind}.db")
                remove_db(db)
                entry[kind] = self.bench.archive_import(db, files, f"{kind} import round {number} of {self.bench.args.runs}")
                remove_db(db)
            rounds.append(entry)
        return {"rounds": rounds, "stored_bytes": self.stored, "decoded_bytes": file_bytes(*self.sets["plain"])}
