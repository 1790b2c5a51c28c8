// Concurrent use, end to end: the read commands (search, show, sql, export, stats) run
// while an import writes, and never see "database is locked" or a half-written state;
// a writing command started while another writes waits for it (saying so) and they
// leave the archive one uninterrupted run would. Hold points (HoldPoint.swift) make the
// commands overlap on any machine: no assertion depends on timing.

import Foundation
import Testing

@Suite("Concurrent use: reading while an import writes, two writers at once, end to end", .serialized)
struct ConcurrencyTests {
    /// Small transactions and index steps: the import takes a few seconds and commits
    /// often, so readers meet it in every phase.
    static let slowImport = ["ARCHIVE_COMMIT_RECORDS": "10", "ARCHIVE_FEED_RECORDS": "4", "ARCHIVE_INDEX_CHUNK": "8"]

    /// Records in an RFC 4180 text (header excluded); nil when it does not end with a
    /// complete record.
    static func csvRecords(_ text: String) -> Int? {
        var quoted = false
        var lines = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if byte == UInt8(ascii: "\n") && !quoted { lines += 1 }
        }
        guard !quoted, text.utf8.last == UInt8(ascii: "\n") else { return nil }
        return lines - 1
    }

    /// What one read command did wrong, if anything: a failure, or a word about locks.
    static func problem(_ result: ProcessResult, allowing statuses: Set<Int32> = [0]) -> String? {
        let lowered = result.stderr.lowercased()
        if !statuses.contains(result.status) || lowered.contains("locked") || lowered.contains("busy") {
            return "\(result)"
        }
        return nil
    }

    @Test("search, show, sql, export and stats run while an import writes: never locked, counts never go down, output whole")
    func readersDuringImport() throws {
        try withSandbox { sandbox in
            // About 3,500 records: a few seconds of importing in a debug build.
            let files = try SafetyDumps.write(into: sandbox, scale: 8)
            let work = sandbox.db
            let knobs = ["ARCHIVE_COMMIT_RECORDS": "2", "ARCHIVE_FEED_RECORDS": "1", "ARCHIVE_INDEX_CHUNK": "2"]
            // Three moments at which the import stops until a round of reads has run, so
            // that reads meet it however fast it is; between them it runs free.
            let hold = try HoldPoint(in: sandbox, name: "readers")
            let holds = [10, 100, 400]
            let importer = try BackgroundArchive(["import"] + files + ["--db", work],
                                                 environment: knobs.merging(hold.environment(holds.map { "after-commit#\($0)" }.joined(separator: ","))) { $1 },
                                                 in: sandbox, name: "writer")
            // Until the first commit there is nothing to read (the archive may not even exist).
            while importer.process.isRunning {
                let result = try sandbox.archive("sql", "SELECT count(*) AS n FROM articles", "--format", "json")
                if result.status == 0, let n = try jsonArray(result.stdout).first?["n"] as? Int, n > 0 { break }
                usleep(10_000)
            }
            var problems: [String] = []
            var rounds = 0
            var lastCount = 0
            var lastStatsArticles = 0
            var lastExported = 0
            var lastStories = 0
            var notSearchableWarnings = 0
            var roundsWhileHeld = 0
            while importer.process.isRunning && problems.count < 5 {
                rounds += 1
                let held = hold.isHeld()
                if held { roundsWhileHeld += 1 }
                defer { if held { hold.release() } }
                // search: JSON that parses; every hit can be shown.
                let search = try sandbox.archive("search", "inquiry witnesses", "--format", "json", "--limit", "5")
                if let problem = Self.problem(search) { problems.append("search: \(problem)") }
                if search.stderr.contains("not searchable yet") { notSearchableWarnings += 1 }
                let hits = (try? decode([SearchHitJSON].self, search.stdout)) ?? []
                if search.status == 0 && (try? jsonArray(search.stdout)) == nil { problems.append("search printed no JSON array: \(search)") }
                for hit in hits.prefix(2) {
                    let show = try sandbox.archive("show", String(hit.id), "--format", "json")
                    if let problem = Self.problem(show) { problems.append("show: \(problem)") }
                    if show.status == 0, (try? decode(ShowJSON.self, show.stdout))?.id != hit.id {
                        problems.append("show \(hit.id) printed something else: \(show)")
                    }
                }
                // sql: the count of articles never goes down.
                let sql = try sandbox.archive("sql", "SELECT count(*) AS n FROM articles", "--format", "json")
                if let problem = Self.problem(sql) { problems.append("sql: \(problem)") }
                if let n = (try? jsonArray(sql.stdout))?.first?["n"] as? Int {
                    if n < lastCount { problems.append("sql: \(n) articles after \(lastCount)") }
                    lastCount = n
                } else {
                    problems.append("sql printed no count: \(sql)")
                }
                // export: whole CSV, one row per story, never fewer.
                let export = try sandbox.archive("export")
                if let problem = Self.problem(export) { problems.append("export: \(problem)") }
                if let rows = Self.csvRecords(export.stdout) {
                    if rows < lastExported { problems.append("export: \(rows) rows after \(lastExported)") }
                    lastExported = rows
                } else {
                    problems.append("export printed a cut-short CSV: \(export.stdout.suffix(200))")
                }
                // stats: JSON; articles and stories never go down.
                let stats = try sandbox.archive("stats", "--json")
                if let problem = Self.problem(stats) { problems.append("stats: \(problem)") }
                if let object = try? jsonObject(stats.stdout), let articles = object["articles"] as? Int,
                   let stories = object["stories"] as? Int {
                    if articles < lastStatsArticles || stories < lastStories {
                        problems.append("stats: \(articles) articles, \(stories) stories after \(lastStatsArticles), \(lastStories)")
                    }
                    lastStatsArticles = articles
                    lastStories = stories
                } else {
                    problems.append("stats printed no JSON object with articles and stories: \(stats)")
                }
            }
            let finished = importer.finish()
            print("[concurrency] \(rounds) rounds of reads (search, show, sql, export, stats) during a \(String(format: "%.1f", importer.elapsed)) s import; "
                  + "'not searchable yet' warnings: \(notSearchableWarnings); last counts: \(lastCount) articles, \(lastExported) exported")
            #expect(problems == [])
            #expect([0, 2].contains(finished.status), "\(finished)")
            #expect(roundsWhileHeld == holds.count, "a round of reads at each hold point (\(rounds) rounds in all)")

            // The readers changed nothing: the archive is the one an import alone makes.
            let ref = sandbox.path("ref.db")
            _ = try sandbox.archiveWithoutDB(["import"] + files + ["--db", ref])
            let differences = try ArchiveSnapshot.capture(sandbox, db: work).differences(from: try ArchiveSnapshot.capture(sandbox, db: ref))
            #expect(differences == [])
            let check = try sandbox.archive("check")
            #expect(check.status == 0, "\(check)")
        }
    }

    /// Starts `first` (an import) and holds it after its second commit, with the
    /// writer's lock in hand; starts `second` and waits until it says it is waiting;
    /// checks that it is still waiting, then lets the first go on. So the two always
    /// overlap, however fast or busy the machine. Returns both results.
    static func overlapping(_ sandbox: Sandbox, first: [String], second: [String], secondEnvironment: [String: String])
        throws -> (first: ProcessResult, second: ProcessResult)
    {
        let hold = try HoldPoint(in: sandbox, name: "writer")
        let firstRun = try BackgroundArchive(first, environment: slowImport.merging(hold.environment("after-commit#2")) { $1 },
                                             in: sandbox, name: "first")
        try #require(hold.waitUntilHeld(firstRun), "the first command ended before its second commit: \(firstRun.finish())")
        let secondRun = try BackgroundArchive(second, environment: secondEnvironment, in: sandbox, name: "second")
        let waits = secondRun.waitForStandardError(containing: "waiting for it to finish")
        #expect(waits, "the second command does not wait for the first, which holds the archive: \(secondRun.result)")
        #expect(secondRun.process.isRunning, "the second command ended while the first held the archive: \(secondRun.result)")
        hold.release()
        return (firstRun.finish(), secondRun.finish())
    }

    @Test("two imports of the same dumps overlap: the second waits, saying so, until the first ends; the archive is that of one import")
    func twoImportsAtOnce() throws {
        try withSandbox { sandbox in
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try sandbox.archiveWithoutDB(["import"] + files + ["--db", ref])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)

            let work = sandbox.db
            let command = ["import"] + files + ["--db", work, "--json"]
            let (first, second) = try Self.overlapping(sandbox, first: command, second: command, secondEnvironment: Self.slowImport)
            for result in [first, second] {
                // 2: the dumps hold records that cannot be imported (README, "Exit codes").
                #expect([0, 2].contains(result.status), "\(result)")
                #expect(!result.stderr.lowercased().contains("locked"), "\(result)")
            }
            #expect(!first.stderr.contains("waiting for it to finish"), "\(first)")
            #expect(second.stderr.contains("another command is writing to \(work)"), "\(second)")
            // The first read everything; the second found every file already imported.
            let firstSummary = try decode(ImportSummaryJSON.self, first.stdout)
            let secondSummary = try decode(ImportSummaryJSON.self, second.stdout)
            #expect(firstSummary.files_skipped == 0 && firstSummary.inserted == reference.tables["articles"]?.count, "\(firstSummary)")
            #expect(secondSummary.files_skipped == 4 && secondSummary.inserted == 0 && secondSummary.records == 0, "\(secondSummary)")

            let differences = try ArchiveSnapshot.capture(sandbox, db: work).differences(from: reference)
            #expect(differences == [])
            let check = try sandbox.archive("check")
            #expect(check.status == 0, "\(check)")
        }
    }

    @Test("archive dedup started during an import waits for it, then checks what it imported: the versions are linked as by one import")
    func importAndDedupAtOnce() throws {
        try withSandbox { sandbox in
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try sandbox.archiveWithoutDB(["import"] + files + ["--db", ref])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref, searches: false)

            let work = sandbox.db
            let (imported, deduplicated) = try Self.overlapping(
                sandbox, first: ["import"] + files + ["--db", work], second: ["dedup", "--db", work],
                secondEnvironment: ["ARCHIVE_DEDUP_BATCH": "3"])
            #expect([0, 2].contains(imported.status), "\(imported)")
            #expect(deduplicated.status == 0, "\(deduplicated)")

            let differences = try ArchiveSnapshot.capture(sandbox, db: work, searches: false).differences(from: reference)
            #expect(differences == [])
            let check = try sandbox.archive("check")
            #expect(check.status == 0, "\(check)")
        }
    }
}
