// Crash safety, end to end: every writing command (import, dedup, repair) is killed with
// SIGKILL at random moments and run again, over and over; the archive it ends with must
// be healthy (SQLite's and FTS5's own checks, `archive check`) and hold exactly what one
// uninterrupted run leaves. The delays are drawn from a seeded generator (the seed is
// printed; ARCHIVE_SAFETY_SEED replays it) over the whole length of an uninterrupted run,
// so kills land while parsing, mid-batch, while indexing (FTS5 segment merges) and while
// committing. Moments too short for a random kill to hit (between a file's last commit
// and its "complete" mark, a write to the log in the middle of a commit) are hit exactly
// with gdb when it is there. Also: standard input, grown dumps, a file read as Latin-1.
//
// Run against another build: ARCHIVE_TEST_BINARY=.build-safety/debug/archive.

import Foundation
import Testing

@Suite("Crash safety: SIGKILL at random moments, end to end", .serialized)
struct CrashTests {
    /// Many small transactions, hand-overs and index steps: many moments to die in.
    static let importKnobs = ["ARCHIVE_COMMIT_RECORDS": "7", "ARCHIVE_FEED_RECORDS": "3", "ARCHIVE_INDEX_CHUNK": "5"]

    /// The archive's health by three independent judges; returns the problems.
    static func health(_ sandbox: Sandbox, db: String) throws -> [String] {
        var problems = try ArchiveFiles.sqliteProblems(db, in: sandbox.directory) ?? []
        let check = try sandbox.archive("check", db: db)
        if check.status != 0 { problems.append("archive check: \(check)") }
        return problems
    }

    /// Runs a command without interruption and returns how long it took.
    static func timed(_ sandbox: Sandbox, _ arguments: [String], environment: [String: String] = [:],
                      expect status: Set<Int32> = [0]) throws -> (ProcessResult, Double) {
        let started = Date()
        let result = try sandbox.archiveWithoutDB(arguments, environment: environment)
        let seconds = Date().timeIntervalSince(started)
        try #require(status.contains(result.status), "\(result)")
        return (result, seconds)
    }

    /// Spoils what `archive repair` rebuilds (with the sqlite3 shell; false without it):
    /// tag rows, near-duplicate keys and links, the whole full-text index, and adds a
    /// sighting of an article that does not exist.
    @discardableResult
    static func damage(_ sandbox: Sandbox, db: String) throws -> Bool {
        guard let sqlite3 = ArchiveFiles.sqlite3 else { return false }
        let result = try runProcess(sqlite3, [db, """
            DELETE FROM article_tags WHERE article_id % 3 = 0;
            DELETE FROM near_keys WHERE article_id % 4 = 0;
            DELETE FROM near_keys_recent WHERE article_id % 4 = 0;
            UPDATE articles SET duplicate_of = NULL, similarity = NULL, match_rule = NULL WHERE id % 2 = 0;
            INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');
            INSERT INTO sightings (file_id, byte_offset, line, article_id, seen_at) VALUES (1, 999999999, 1, 999999, 'x');
            """], environment: ProcessInfo.processInfo.environment, directory: sandbox.directory)
        try #require(result.status == 0 && result.stderr.isEmpty, "\(result)")
        return true
    }

    /// How long the binary takes to start and open an archive.
    static func startup(_ sandbox: Sandbox, db: String) throws -> Double {
        try timed(sandbox, ["sql", "--db", db, "SELECT 1"]).1
    }

    @Test("import killed 20+ times at random moments, rerun each time: the same archive as one uninterrupted import")
    func importSurvivesKills() throws {
        try withSandbox { sandbox in
            var (generator, seed) = SeededGenerator.seeded(for: "crash-import")
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            // Record errors make the import end with exit code 2 (README, "Exit codes").
            let (refRun, duration) = try Self.timed(sandbox, ["import"] + files + ["--db", ref, "--json"],
                                                    environment: Self.importKnobs, expect: [2])
            let summary = try decode(ImportSummaryJSON.self, refRun.stdout)
            print("[crash-import] reference: \(refRun.stdout.trimmingCharacters(in: .newlines)) in \(String(format: "%.2f", duration)) s")
            // The dump set is what it claims to be: copies of every kind, errors, warnings.
            #expect(summary.files == 4)
            #expect(summary.duplicates >= 20)
            #expect(summary.near_duplicates >= 60)
            #expect(summary.errors == 4)
            #expect(summary.warnings >= 2, "an unreadable date, invalid UTF-8")
            do {
                let problems = try Self.health(sandbox, db: ref)
                #expect(problems == [])
            }
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            #expect(reference.tables["links"]?.contains { $0.contains("\"containment\"") } == true)
            #expect(reference.tables["links"]?.contains { $0.contains("\"jaccard\"") } == true)

            // The size of the transactions changes nothing.
            let plain = sandbox.path("plain.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", plain], expect: [2])
            do {
                let problems = try ArchiveSnapshot.capture(sandbox, db: plain).differences(from: reference)
                #expect(problems == [])
            }

            // Start-up of a run that carries on: everything skipped.
            let (_, startup) = try Self.timed(sandbox, ["import"] + files + ["--db", ref], environment: Self.importKnobs)

            let work = sandbox.path("work.db")
            let harness = KillHarness(
                name: "crash-import", sandbox: sandbox, arguments: ["import"] + files + ["--db", work],
                environment: Self.importKnobs, acceptedStatus: [0, 2], minimumKills: 20,
                startup: startup,
                prepare: { ArchiveFiles.remove(work) },
                verify: { _ in
                    let problems = try Self.health(sandbox, db: work)
                        + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
                    if !problems.isEmpty { print("[crash-import] kept the archive at \(keepForInspection(work, name: "import", seed: seed))") }
                    return problems
                })
            let report = try harness.run(&generator)
            #expect(report.failures == [], "seed \(seed)")
            #expect(report.kills >= 20)
        }
    }

    @Test("archive dedup killed 20+ times, rerun each time: the links and keys of one uninterrupted run")
    func dedupSurvivesKills() throws {
        try withSandbox { sandbox in
            var (generator, seed) = SeededGenerator.seeded(for: "crash-dedup")
            let files = try SafetyDumps.write(into: sandbox)
            let base = sandbox.path("base.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", base, "--no-near-duplicates"], expect: [2])
            let environment = ["ARCHIVE_DEDUP_BATCH": "3"]
            let ref = sandbox.path("ref.db")
            try ArchiveFiles.copy(base, to: ref)
            let (_, duration) = try Self.timed(sandbox, ["dedup", "--db", ref], environment: environment)
            print("[crash-dedup] reference dedup in \(String(format: "%.2f", duration)) s")
            do {
                let problems = try Self.health(sandbox, db: ref)
                #expect(problems == [])
            }
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)

            // README: dedup checks the archive "as if it were imported again".
            let checked = sandbox.path("checked.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", checked], expect: [2])
            let asImported = try ArchiveSnapshot.capture(sandbox, db: checked, only: ["links", "near_keys"], searches: false)
            let linkTables = ArchiveSnapshot(tables: reference.tables.filter { ["links", "near_keys"].contains($0.key) })
            #expect(linkTables.differences(from: asImported) == [], "dedup after --no-near-duplicates differs from an import that checks")

            let work = sandbox.path("work.db")
            let harness = KillHarness(
                name: "crash-dedup", sandbox: sandbox, arguments: ["dedup", "--db", work], environment: environment,
                minimumKills: 20, startup: try Self.startup(sandbox, db: ref),
                prepare: { try ArchiveFiles.copy(base, to: work) },
                verify: { _ in
                    let problems = try Self.health(sandbox, db: work)
                        + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
                    if !problems.isEmpty { print("[crash-dedup] kept the archive at \(keepForInspection(work, name: "dedup", seed: seed))") }
                    return problems
                })
            let report = try harness.run(&generator)
            #expect(report.failures == [], "seed \(seed)")
            #expect(report.kills >= 20)
        }
    }

    @Test("archive repair of a damaged archive killed 10+ times, rerun each time: a healthy archive, as before the damage")
    func repairSurvivesKills() throws {
        try withSandbox { sandbox in
            var (generator, seed) = SeededGenerator.seeded(for: "crash-repair")
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", ref], expect: [2])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            let repaired = sandbox.path("repaired.db")
            try ArchiveFiles.copy(ref, to: repaired)
            if try Self.damage(sandbox, db: repaired) {
                let check = try sandbox.archive("check", db: repaired)
                #expect(check.status == 5, "the damage is real: \(check)")
            }
            let (_, duration) = try Self.timed(sandbox, ["repair", "--db", repaired])
            print("[crash-repair] reference repair in \(String(format: "%.2f", duration)) s")
            do {
                let problems = try Self.health(sandbox, db: repaired)
                #expect(problems == [])
            }
            do {
                let differences = try ArchiveSnapshot.capture(sandbox, db: repaired).differences(from: reference)
                #expect(differences == [], "repair restores what the damage spoilt")
            }

            let work = sandbox.path("work.db")
            let harness = KillHarness(
                name: "crash-repair", sandbox: sandbox, arguments: ["repair", "--db", work], environment: [:],
                minimumKills: 10, startup: try Self.startup(sandbox, db: ref),
                prepare: {
                    try ArchiveFiles.copy(ref, to: work)
                    try Self.damage(sandbox, db: work)
                },
                verify: { _ in
                    let problems = try Self.health(sandbox, db: work)
                        + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
                    if !problems.isEmpty { print("[crash-repair] kept the archive at \(keepForInspection(work, name: "repair", seed: seed))") }
                    return problems
                })
            let report = try harness.run(&generator)
            #expect(report.failures == [], "seed \(seed)")
            #expect(report.kills >= 10)
        }
    }

    // MARK: Exact moments

    @Test("killed right after a file's last records commit, before the file is marked complete: the rerun counts nothing twice",
          .enabled(if: Debugger.available, "needs gdb to stop the binary at that moment"))
    func killBeforeFileIsMarkedComplete() throws {
        try withSandbox { sandbox in
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", ref], expect: [2])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)

            // Run 1 dies as the first file is being marked complete; each later run first
            // completes the file the run before died on, then dies on the next one.
            let work = sandbox.path("work.db")
            for (run, file) in files.enumerated() {
                let (killed, output) = try Debugger.killAtStatement(
                    sandbox, ["import"] + files + ["--db", work], matching: "SET status = .complete.", occurrence: run == 0 ? 1 : 2)
                try #require(killed, "run \(run + 1) was to die while marking \(file) complete: \(output.suffix(2_000))")
            }
            let last = try sandbox.archiveWithoutDB(["import"] + files + ["--db", work])
            #expect([0, 2].contains(last.status), "\(last)")
            do {
                let problems = try Self.health(sandbox, db: work)
                #expect(problems == [])
            }
            do {
                let problems = try ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
                #expect(problems == [])
            }
        }
    }

    @Test("killed after each commit in turn (hold points), in each format, the last record cut short: the rerun counts nothing twice",
          arguments: [0, 1, 2])
    func killAfterEachCommit(dumpIndex: Int) throws {
        try withSandbox { sandbox in
            let dump = try SafetyDumps.writeCutShort(into: sandbox)[dumpIndex]
            // One record a transaction: a commit after every record, the last one included.
            let knobs = ["ARCHIVE_COMMIT_RECORDS": "1", "ARCHIVE_FEED_RECORDS": "1"]
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import", dump, "--db", ref], environment: knobs)
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            #expect(reference.tables["files"]?.first?.contains("\"duplicates\":2") == true, "\(reference.tables["files"] ?? [])")

            let kills = try Self.killAfterEachCommit(sandbox, dump, knobs: knobs, reference: reference)
            // Seven records, one commit each at most (the cut-short one commits with the end).
            #expect(kills >= 6, "\(kills) commits to kill after")
        }
    }

    @Test("killed after each commit in turn, a gzipped dump and a tar.gz bundle of dumps: the rerun counts nothing twice",
          arguments: ["cut-lines.jsonl.gz", "dumps.tgz"])
    func killCompressedAfterEachCommit(input: String) throws {
        try withSandbox { sandbox in
            let dumps = try SafetyDumps.writeCutShort(into: sandbox)
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gzip.currentDirectoryURL = URL(fileURLWithPath: sandbox.path(""))
            gzip.arguments = input.hasSuffix(".tgz") ? ["tar", "czf", input] + dumps.map { URL(fileURLWithPath: $0).lastPathComponent }
                                                     : ["sh", "-c", "gzip -c cut-lines.jsonl > \(input)"]
            try gzip.run()
            gzip.waitUntilExit()
            let dump = sandbox.path(input)
            let knobs = ["ARCHIVE_COMMIT_RECORDS": "1", "ARCHIVE_FEED_RECORDS": "1"]
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import", dump, "--db", ref], environment: knobs)
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            let kills = try Self.killAfterEachCommit(sandbox, dump, knobs: knobs, reference: reference)
            #expect(kills >= (input.hasSuffix(".tgz") ? 18 : 6), "\(kills) commits to kill after")
        }
    }

    @Test("killed after each commit in turn, CJK articles indexed from the entries made while reading: the rerun finds what an uninterrupted run finds")
    func killCJKAfterEachCommit() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.write("cjk.txt", CJKEndToEndTests.dump + CJKEndToEndTests.dump.replacingOccurrences(of: "。", with: "！"))
            // A commit after every record, and the pending articles indexed after every
            // hand-over, from the entries the reading thread made.
            let knobs = ["ARCHIVE_COMMIT_RECORDS": "1", "ARCHIVE_FEED_RECORDS": "1", "ARCHIVE_CJK_ENTRY_BYTES": "1"]
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import", dump, "--db", ref], environment: knobs)
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            func found(_ db: String) throws -> [String] {
                try ["人工智能", "駅", "改札 solar", "ＡＩ"].map { query in
                    let search = try sandbox.archiveWithoutDB(["search", query, "--all-versions", "--format", "csv", "--db", db])
                    return "\(query): \(search.status) \(search.stdout)"
                }
            }
            let expected = try found(ref)
            #expect(expected.first?.contains("**人工智能**") == true, "\(expected)")
            let kills = try Self.killAfterEachCommit(sandbox, dump, knobs: knobs, reference: reference) { db in
                try found(db) == expected ? [] : ["CJK searches: \(try found(db)) instead of \(expected)"]
            }
            #expect(kills >= 5, "\(kills) commits to kill after")
        }
    }

    /// Imports `dump` again and again, killed right after its first commit, then its
    /// second, and so on until a run ends by itself; after each kill a rerun must give
    /// `reference` and a healthy archive (and no `problems` of the caller's).
    /// Returns how many runs were killed.
    static func killAfterEachCommit(_ sandbox: Sandbox, _ dump: String, knobs: [String: String], reference: ArchiveSnapshot,
                                    problems: (String) throws -> [String] = { _ in [] }) throws -> Int {
        let work = sandbox.path("work.db")
        let hold = try HoldPoint(in: sandbox, name: "commit")
        var kills = 0
        for commit in 1...80 {
            ArchiveFiles.remove(work)
            let child = try BackgroundArchive(["import", dump, "--db", work], environment: knobs.merging(hold.environment("after-commit#\(commit)")) { $1 },
                                              in: sandbox, name: "commit-\(commit)")
            guard hold.waitUntilHeld(child) else {
                // It ran to its end: every commit it makes has been tried.
                let result = child.finish()
                #expect(result.status == 0, "\(result)")
                break
            }
            #expect(hold.kill(child), "killed while held after commit \(commit)")
            kills += 1
            let rerun = try sandbox.archiveWithoutDB(["import", dump, "--db", work], environment: knobs)
            #expect(rerun.status == 0, "\(rerun)")
            let found = try health(sandbox, db: work) + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
                + problems(work)
            #expect(found == [], "killed right after commit \(commit) of \(dump)")
        }
        return kills
    }

    @Test("killed at exact moments (gdb): writing a commit to the log, storing articles mid-batch, indexing for full-text search, advancing the ledger",
          .enabled(if: Debugger.available, "needs gdb to stop the binary at those moments"))
    func killsAtExactMoments() throws {
        try withSandbox { sandbox in
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", ref], expect: [2])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            let register = try #require(Debugger.secondArgument)

            // Each run carries on from the one before; the counts are within each run.
            let moments: [(String, String, Int)] = [
                // An uninterrupted run of this import with these knobs makes about 5,900
                // writes, binds 1,400 fingerprints and indexes 37 chunks.
                ("a write to the log during a commit", "pwrite64", 300),
                ("storing an article (binding its fingerprint)", "sqlite3_bind_blob", 150),
                ("indexing a chunk for full-text search", "sqlite3_prepare_v3 if $_regex((char *)\(register), \".*INSERT INTO articles_fts.rowid\")", 5),
                ("advancing the ledger before a commit", "sqlite3_prepare_v3 if $_regex((char *)\(register), \".*SET resume_offset\")", 1),
                ("a write to the log during a commit", "pwrite64", 1_500),
                ("storing an article (binding its fingerprint)", "sqlite3_bind_blob", 300),
                ("indexing a chunk for full-text search", "sqlite3_prepare_v3 if $_regex((char *)\(register), \".*INSERT INTO articles_fts.rowid\")", 5),
                ("a write to the log during a commit", "pwrite64", 800),
            ]
            let work = sandbox.path("work.db")
            var killed: [String] = []
            for (what, breakpoint, occurrence) in moments {
                let (hit, output) = try Debugger.killAt(sandbox, ["import"] + files + ["--db", work], breakpoint: breakpoint,
                                                        occurrence: occurrence, environment: Self.importKnobs)
                if hit { killed.append("\(what) #\(occurrence)") } else {
                    print("[crash-exact] the run ended before \(what) #\(occurrence): \(output.suffix(300))")
                }
            }
            print("[crash-exact] \(killed.count) kills at exact moments: \(killed)")
            // How much work is left for the later runs depends on how the two threads of
            // each earlier run overlapped (chunks are indexed while the reader is busy),
            // so a late moment may come after the end; every kind of moment must be hit.
            let kinds = Set(moments.map(\.0))
            #expect(Set(kinds.filter { kind in killed.contains { $0.hasPrefix(kind + " #") } }) == kinds,
                    "each kind of moment came before the import ended: \(killed)")
            let last = try sandbox.archiveWithoutDB(["import"] + files + ["--db", work])
            #expect([0, 2].contains(last.status), "\(last)")
            let problems = try Self.health(sandbox, db: work) + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
            #expect(problems == [])
        }
    }

    /// A dump whose first MiB is ASCII but for one Windows-1252 byte (so the whole file
    /// is read as Latin-1) and whose later records hold UTF-8 text.
    static func mixedEncodingDump() -> Data {
        var data = Data("{\"title\": \"Owners".utf8)
        data.append(0x92)
        data.append(Data(" meeting in the old town\", \"body\": \"\(SafetyDumps.Story(1).sentences.joined(separator: " "))\"}\n".utf8))
        var number = 0
        while data.count < 1_250_000 {
            number += 1
            let title = "Story \(number) of the mixed dump" + (data.count > 1_120_000 ? " from Zürich" : "")
            let body = SafetyDumps.Story(10_000 + number).sentences.joined(separator: " ")
            data.append(Data(SafetyDumps.jsonRecord(["title": title, "body": body]).utf8))
        }
        return data
    }

    /// One integer the archive holds, read while another process may be writing; nil
    /// when it cannot be read (yet).
    static func integer(_ sandbox: Sandbox, db: String, _ query: String) throws -> Int64? {
        guard FileManager.default.fileExists(atPath: db) else { return nil }
        if let sqlite3 = ArchiveFiles.sqlite3 {
            let result = try runProcess(sqlite3, ["-readonly", "-cmd", ".timeout 2000", db, query + ";"],
                                        environment: ProcessInfo.processInfo.environment, directory: sandbox.directory)
            return result.status == 0 ? Int64(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        }
        let result = try sandbox.archive("sql", query, "--format", "csv", db: db)
        guard result.status == 0 else { return nil }
        return result.stdout.split(whereSeparator: \.isNewline).dropFirst().first.flatMap { Int64($0) }
    }

    /// Where the import has committed to in its first file (nil before its first commit).
    static func committedOffset(_ sandbox: Sandbox, db: String) throws -> Int64? {
        try integer(sandbox, db: db, "SELECT resume_offset FROM files LIMIT 1")
    }

    @Test("a first import writes through a rollback journal: killed mid-transaction, a search reads its last commit, and the rerun completes the archive in WAL mode")
    func firstImportKilledMidTransaction() throws {
        try withSandbox { sandbox in
            let dump = try SafetyDumps.write(into: sandbox)[1]
            let knobs = ["ARCHIVE_COMMIT_RECORDS": "5", "ARCHIVE_FEED_RECORDS": "1"]
            let ref = sandbox.path("ref.db")
            let (uninterrupted, _) = try Self.timed(sandbox, ["import", dump, "--db", ref], environment: knobs, expect: [0, 2])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)

            let work = sandbox.path("work.db")
            let hold = try HoldPoint(in: sandbox, name: "journal")
            let child = try BackgroundArchive(["import", dump, "--db", work], environment: knobs.merging(hold.environment("before-commit#2")) { $1 },
                                              in: sandbox, name: "journal")
            try #require(hold.waitUntilHeld(child), "the import ended before its second commit: \(child.finish())")
            // Inside the second transaction: the file is in rollback-journal mode, and the
            // journal holds what it changed.
            #expect(try ArchiveFiles.headerJournalMode(work) == [1, 1])
            #expect(FileManager.default.fileExists(atPath: work + "-journal"))
            #expect(hold.kill(child))

            // A reader sees the first commit. (SQLite marks the journal as one to roll back
            // only when it syncs it, at the commit or when the cache spills, so this one may
            // be left as it is; ArchiveFileEndToEndTests holds a reader to a hot one.)
            let committed = try #require(try Self.integer(sandbox, db: work, "SELECT count(*) FROM articles"))
            let total = try #require(try Self.integer(sandbox, db: ref, "SELECT count(*) FROM articles"))
            #expect(committed > 0 && committed < total, "\(committed) of \(total) articles")
            #expect(try Self.committedOffset(sandbox, db: work) ?? 0 > 0)

            let rerun = try sandbox.archiveWithoutDB(["import", dump, "--db", work], environment: knobs)
            #expect(rerun.status == uninterrupted.status, "\(rerun)")
            let found = try Self.health(sandbox, db: work) + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
            #expect(found == [])
            #expect(try ArchiveFiles.headerJournalMode(work) == [2, 2], "back in WAL mode")
        }
    }

    @Test("an import killed after its first commits reads the rest of the file in the encoding chosen for the whole file")
    func resumedImportKeepsTheEncoding() throws {
        try withSandbox { sandbox in
            let dump = sandbox.path("mixed.jsonl")
            try Self.mixedEncodingDump().write(to: URL(fileURLWithPath: dump))
            let ref = sandbox.path("ref.db")
            _ = try Self.timed(sandbox, ["import", dump, "--db", ref])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref, only: ["articles", "files", "sightings"], searches: false)

            let work = sandbox.path("work.db")
            let hold = try HoldPoint(in: sandbox, name: "mixed")
            let child = try BackgroundArchive(["import", dump, "--db", work],
                                              environment: ["ARCHIVE_COMMIT_RECORDS": "5", "ARCHIVE_FEED_RECORDS": "2"].merging(hold.environment("after-commit#1")) { $1 },
                                              in: sandbox, name: "mixed")
            try #require(hold.waitUntilHeld(child), "the import ended before its first commit: \(child.finish())")
            #expect(hold.kill(child))
            let offset = try #require(try Self.committedOffset(sandbox, db: work))
            #expect(offset > 0 && offset < Int64(Self.mixedEncodingDump().count))
            print("[crash-encoding] killed with \(offset) of \(Self.mixedEncodingDump().count) bytes committed")
            let rerun = try sandbox.archiveWithoutDB(["import", dump, "--db", work])
            #expect(rerun.status == 0, "\(rerun)")
            let differences = try ArchiveSnapshot.capture(sandbox, db: work, only: ["articles", "files", "sightings"], searches: false)
                .differences(from: reference)
            #expect(differences == [], "the resumed import decided the encoding from where it resumed: \(rerun.stderr)")
        }
    }

    @Test("an import from standard input killed after its first commits, then run again in full: the same articles, and a healthy archive")
    func killedStandardInputImport() throws {
        try withSandbox { sandbox in
            let files = try SafetyDumps.write(into: sandbox)
            let data = try Data(contentsOf: URL(fileURLWithPath: files[1]))
            let ref = sandbox.path("ref.db")
            let reference = try sandbox.archive("import", "-", "--format", "jsonl", db: ref, stdin: data)
            #expect(reference.status == 2, "\(reference)")

            let work = sandbox.path("work.db")
            let hold = try HoldPoint(in: sandbox, name: "stdin")
            let child = try BackgroundArchive(["import", "-", "--format", "jsonl", "--db", work],
                                              environment: ["ARCHIVE_COMMIT_RECORDS": "5", "ARCHIVE_FEED_RECORDS": "1"].merging(hold.environment("after-commit#1")) { $1 },
                                              in: sandbox, name: "stdin", standardInput: true)
            // The first 100 lines (over the 64 kB it reads before it starts), then the pipe
            // stays open: the import commits what it has and would wait for more.
            let firstLines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(100)
            try child.input?.write(contentsOf: Data(firstLines.joined(separator: [UInt8(ascii: "\n")])) + Data([UInt8(ascii: "\n")]))
            try #require(hold.waitUntilHeld(child), "the import made no commit from 100 lines of standard input: \(child.finish())")
            #expect(hold.kill(child), "the import was still running")
            let committed = try Self.integer(sandbox, db: work, "SELECT count(*) FROM articles") ?? 0
            #expect(committed > 0, "its first commit holds articles")
            let rerun = try sandbox.archive("import", "-", "--format", "jsonl", db: work, stdin: data)
            #expect(rerun.status == 2, "\(rerun)")

            let tables: Set<String> = ["articles", "links", "near_keys", "article_tags"]
            let differences = try ArchiveSnapshot.capture(sandbox, db: work, only: tables, searches: false)
                .differences(from: try ArchiveSnapshot.capture(sandbox, db: ref, only: tables, searches: false))
            #expect(differences == [])
            let check = try sandbox.archive("check", db: work)
            #expect(check.status == 0, "README: running the same import again finishes an interrupted one; \(check)")
            let stats = try jsonObject(try sandbox.archive("stats", "--json", db: work).stdout)
            #expect(stats["files_incomplete"] as? Int == 0, "\(stats)")
        }
    }

    @Test("an import of grown dumps killed 10+ times at random moments: the same archive as one import of the grown dumps")
    func grownImportSurvivesKills() throws {
        try withSandbox { sandbox in
            var (generator, seed) = SeededGenerator.seeded(for: "crash-grown")
            let files = try SafetyDumps.write(into: sandbox)
            let base = sandbox.path("base.db")
            _ = try Self.timed(sandbox, ["import"] + files + ["--db", base], expect: [2])
            try SafetyDumps.grow(files)
            let ref = sandbox.path("ref.db")
            try ArchiveFiles.copy(base, to: ref)
            let (refRun, duration) = try Self.timed(sandbox, ["import"] + files + ["--db", ref, "--json"], environment: Self.importKnobs)
            print("[crash-grown] reference: \(refRun.stdout.trimmingCharacters(in: .newlines)) in \(String(format: "%.2f", duration)) s")
            do {
                let problems = try Self.health(sandbox, db: ref)
                #expect(problems == [])
            }
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)
            let (_, startup) = try Self.timed(sandbox, ["import"] + files + ["--db", ref], environment: Self.importKnobs)

            let work = sandbox.path("work.db")
            let harness = KillHarness(
                name: "crash-grown", sandbox: sandbox, arguments: ["import"] + files + ["--db", work],
                environment: Self.importKnobs, acceptedStatus: [0, 2], minimumKills: 10,
                startup: startup,
                prepare: { try ArchiveFiles.copy(base, to: work) },
                verify: { _ in
                    let problems = try Self.health(sandbox, db: work)
                        + ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
                    if !problems.isEmpty { print("[crash-grown] kept the archive at \(keepForInspection(work, name: "grown", seed: seed))") }
                    return problems
                })
            let report = try harness.run(&generator)
            #expect(report.failures == [], "seed \(seed)")
            #expect(report.kills >= 10)
        }
    }

    @Test("a text dump that ended mid-record grows: the completed record is kept with where it was seen, and archive check passes")
    func grownCutShortRecord() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.write("late.txt", SafetyDumps.textRecord(
                title: "First story of the day.", tags: ["Local"], date: "2024-04-14", body: SafetyDumps.Story(1).body)
                + "Second story cut short. Local\nSecond story cut short. Local\n\nRelease time:2024-04-15\n\nThe mayor said that the")
            try sandbox.importJSON(dump)
            try sandbox.append("late.txt", " budget would be published next week.\n\n"
                + SafetyDumps.textRecord(title: "Third story.", tags: ["Local"], date: nil, body: SafetyDumps.Story(3).body))
            let grown = try sandbox.importJSON(dump)
            #expect(grown.inserted == 2, "the completed second story and the third")
            let unseen = try sandbox.sqlRows("""
                SELECT a.id, a.body FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id)
                """)
            #expect(unseen.isEmpty, "every article has a sighting (README: every copy is recorded in sightings): \(unseen)")
            let check = try sandbox.archive("check")
            #expect(check.status == 0, "\(check)")
            let repair = try sandbox.archive("repair")
            #expect(repair.status == 0, "\(repair)")
            let afterRepair = try sandbox.archive("check")
            #expect(afterRepair.status == 0, "the remedy archive check names works: \(afterRepair)")
        }
    }
}
