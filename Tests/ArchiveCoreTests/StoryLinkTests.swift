import Foundation
import Testing
@testable import ArchiveCore

/// Imports an original and every kind of copy, and checks how the archive links them.
@Suite("Story links")
struct StoryLinkTests {
    static let words = prose(seed: 42, words: 500).split(separator: " ").map(String.init)
    static var original: String { words.joined(separator: " ") }

    static func line(_ title: String, _ body: String, _ date: String = "2024-05-01") -> String {
        "{\"title\": \(JSONText.string(title)), \"body\": \(JSONText.string(body)), \"published\": \"\(date)\"}\n"
    }

    /// (title, body) of each kind of copy.
    static var copies: [(kind: String, title: String, body: String)] {
        var edited = words
        for index in stride(from: 7, to: edited.count, by: 60) { edited[index] = "edited" }
        return [
            ("prefix", "New comment: Harbour story", original),
            ("date", "Harbour story", original),
            ("whitespace", "Harbour  story", original.replacingOccurrences(of: ". ", with: ".\n\n  ")),
            ("edits", "Harbour story", edited.joined(separator: " ")),
            ("truncated", "Harbour story", words.prefix(380).joined(separator: " ") + " 【"),
        ]
    }

    static func links(_ db: String) throws -> [Int64: Int64?] {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        var links: [Int64: Int64?] = [:]
        try archive.connection.prepare("SELECT id, duplicate_of FROM articles").forEachRow {
            // updateValue: assigning nil through the subscript would drop the key.
            links.updateValue($0.optionalInt(1).map(Int64.init), forKey: Int64($0.int(0)))
        }
        return links
    }

    @Test("each kind of copy ends up in the original's story, exact ones as sightings")
    func everyKindLinks() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("original.jsonl", Self.line("Harbour story", Self.original))], into: db)
        for copy in Self.copies {
            let summary = try importDumps([directory.write("\(copy.kind).jsonl", Self.line(copy.title, copy.body, "2024-06-0\(Int.random(in: 1...9))"))], into: db)
            switch copy.kind {
            case "date", "whitespace":
                #expect(summary.duplicates == 1, "\(copy.kind) is the same text: an exact duplicate")
            default:
                #expect(summary.inserted == 1 && summary.nearDuplicates == 1, "\(copy.kind) is a near duplicate")
            }
        }
        let links = try Self.links(db)
        #expect(links.count == 4)  // original, prefix, edits, truncated
        #expect(links[1] == .some(nil))
        #expect(links.filter { $0.key != 1 }.allSatisfy { $0.value == 1 })
        let unrelated = try importDumps([directory.write("other.jsonl", Self.line("Other", prose(seed: 43, words: 500)))], into: db)
        #expect(unrelated.nearDuplicates == 0)
    }

    @Test("a cut-short copy imported first gives way to the full text")
    func fullTextBecomesCanonical() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let truncated = Self.copies.first { $0.kind == "truncated" }!
        try importDumps([directory.write("cut.jsonl", Self.line(truncated.title, truncated.body))], into: db)
        try importDumps([directory.write("full.jsonl", Self.line("Harbour story", Self.original)
                                         + Self.line("New comment: Harbour story", Self.original))], into: db)
        let links = try Self.links(db)
        #expect(links[2] == .some(nil), "the full text (2) is canonical")
        #expect(links[1] == 2, "the cut-short copy (1) points to it")
        #expect(links[3] == 2)
        let archive = try Archive(path: db, mode: .read)
        #expect(try archive.connection.scalar("SELECT match_rule FROM articles WHERE id = 1") == .text("containment"))
        let versions = try ArticleQueries(connection: archive.connection).versions(of: 2, policy: .standard)
        #expect(versions.map(\.id) == [1, 3])
        #expect(versions[0].isTruncatedCopy)
        #expect(!versions[1].isTruncatedCopy)
    }

    @Test("duplicates inside one dump are found too; importing twice changes nothing")
    func withinOneDump() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let dump = directory.write("all.jsonl", Self.line("Harbour story", Self.original)
                                   + Self.copies.map { Self.line($0.title, $0.body) }.joined())
        let summary = try importDumps([dump], into: db)
        #expect(summary.inserted == 4)
        #expect(summary.nearDuplicates == 3)
        let before = try Self.links(db)
        try importDumps([dump], into: db, force: true)
        #expect(try Self.links(db) == before)
        #expect(try Archive(path: db, mode: .read).stories().map(\.members) == [[1, 2, 3, 4]])
    }

    /// Six stories with an unrelated article after each, then an edited copy of each:
    /// copy n (id 13 + n) is a version of story n (id 1 + 2n).
    static func sixStories() -> (stories: [String], copies: [String]) {
        var stories: [String] = []
        for story in 0..<6 {
            stories.append(line("Story \(story)", prose(seed: UInt64(100 + story), words: 400)))
            stories.append(line("Filler \(story)", prose(seed: UInt64(200 + story), words: 300)))
        }
        let copies = (0..<6).map { story in
            var words = prose(seed: UInt64(100 + story), words: 400).split(separator: " ").map(String.init)
            words[200] = "lighthouse"
            return line("Copy \(story)", words.joined(separator: " "))
        }
        return (stories, copies)
    }

    /// The links and the candidate key rows of an archive.
    static func linksAndKeys(_ db: String) throws -> (links: [Int64: Int64?], keys: [[Int64]]) {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        var keys: [[Int64]] = []
        try archive.connection.prepare("SELECT key, article_id FROM near_keys_all ORDER BY 1, 2").forEachRow {
            keys.append([Int64($0.int(0)), Int64($0.int(1))])
        }
        return (try links(db), keys)
    }

    /// The six stories and their copies imported in one dump with `configure`.
    static func importSixStories(_ directory: TemporaryDirectory, _ name: String,
                                 configure: (inout ImportOptions) -> Void = { _ in }) throws -> (links: [Int64: Int64?], keys: [[Int64]]) {
        let (stories, copies) = sixStories()
        let db = directory.path(name)
        let summary = try importDumps([directory.write("\(name).jsonl", (stories + copies).joined())], into: db, configure: configure)
        #expect(summary.nearDuplicates == 6)
        return try linksAndKeys(db)
    }

    @Test("candidate keys held in memory or written in between: the same links and the same key rows",
          arguments: [1, 17, 40])
    func heldKeys(held: Int) throws {
        // A copy's candidate is sometimes still held, sometimes written.
        let directory = TemporaryDirectory()
        let standard = try Self.importSixStories(directory, "standard")
        let small = try Self.importSixStories(directory, "held-\(held)") { $0.heldNearKeys = held }
        #expect(small.links == standard.links)
        #expect(small.keys == standard.keys)
        for story in 0..<6 { #expect(standard.links[Int64(13 + story)] == .some(Int64(1 + 2 * story))) }
        #expect(Set(standard.keys.map { $0[1] }).count == 18)
    }

    @Test("candidate keys in one run per transaction, moved into near_keys past 16 runs: the same links and the same key rows",
          arguments: [1, 2])
    func keyRuns(commitRecords: Int) throws {
        let directory = TemporaryDirectory()
        let standard = try Self.importSixStories(directory, "standard")
        let runs = try Self.importSixStories(directory, "commit-\(commitRecords)") {
            $0.commitRecords = commitRecords
            $0.feedRecords = 1
        }
        #expect(runs.links == standard.links)
        #expect(runs.keys == standard.keys)
        let db = directory.path("commit-\(commitRecords)")
        let written = try count("SELECT count(DISTINCT run) FROM near_keys_recent", in: db)
        // One run per transaction, at most 16 left: with one record a transaction, 18 runs
        // were written, so they moved into near_keys; with two, they are all still runs.
        #expect(written >= 1 && written <= KeyRuns.maximumRuns)
        let moved = try count("SELECT count(*) FROM near_keys", in: db)
        if commitRecords == 1 { #expect(moved > 0) } else { #expect(moved == 0 && written > 1) }
    }

    @Test("an archive whose recent keys were written before runs: the migration keeps them, and copies still find their stories")
    func keysBeforeRuns() throws {
        let directory = TemporaryDirectory()
        let standard = try Self.importSixStories(directory, "standard")
        let (stories, copies) = Self.sixStories()
        let db = directory.path("old.db")
        try importDumps([directory.write("stories.jsonl", stories.joined())], into: db)
        // Back to migration 15's table: the keys by key alone, the saved filter kept.
        let connection = try Connection(path: db)
        try connection.execute("""
            DROP VIEW near_keys_all;
            CREATE TABLE old_keys (key INTEGER NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (key, article_id)) WITHOUT ROWID;
            INSERT INTO old_keys SELECT key, article_id FROM near_keys_recent;
            DROP TABLE near_keys_recent;
            ALTER TABLE old_keys RENAME TO near_keys_recent;
            CREATE VIEW near_keys_all AS
                SELECT key, article_id FROM near_keys UNION ALL SELECT key, article_id FROM near_keys_recent;
            DELETE FROM schema_migrations WHERE version IN (16, 17);
            """)
        #expect(try connection.scalarInt("SELECT count(*) FROM near_keys_recent") == 12 * (CandidateKeys.bandCount + 1))
        connection.close()
        let summary = try importDumps([directory.write("copies.jsonl", copies.joined())], into: db)
        #expect(summary.nearDuplicates == 6)
        let migrated = try Self.linksAndKeys(db)
        #expect(migrated.links == standard.links)
        #expect(migrated.keys == standard.keys)
        #expect(try count("SELECT count(*) FROM near_keys_recent WHERE run = 1", in: db) == 12 * (CandidateKeys.bandCount + 1))
    }

    @Test("archive dedup: the same links as import; resumable after an interruption; other thresholds relink")
    func dedupRun() throws {
        let directory = TemporaryDirectory()
        let text = Self.line("Harbour story", Self.original) + Self.copies.map { Self.line($0.title, $0.body) }.joined()
            + Self.line("Other", prose(seed: 44, words: 300)) + Self.line("Other, reprinted", prose(seed: 44, words: 300))
        let dump = directory.write("all.jsonl", text)
        let checked = directory.path("checked.db")
        try importDumps([dump], into: checked)
        let expected = try Self.links(checked)

        let later = directory.path("later.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: later, observer: observer) { $0.nearDuplicates = false }
        #expect(summary.nearDuplicates == 0)
        #expect(observer.recorded.contains(.nearDuplicatesNotChecked), "the user is told the check is left to `archive dedup`")
        struct Stop: Error {}
        let archive = try Archive(path: later, mode: .write)
        var run = DedupRun(connection: archive.connection)
        run.batchSize = 2
        #expect(throws: Stop.self) { try run.run(policy: nil, restart: false) { checked, _ in if checked >= 2 { throw Stop() } } }
        #expect(try DedupState.load(archive.connection).isRunning)
        let resumed = try run.run(policy: nil, restart: false)
        #expect(resumed.resumed)
        #expect(resumed.checked == 4)
        #expect(try Self.links(later) == expected)

        let strict = try run.run(policy: NearDuplicatePolicy(jaccard: 0.99, containment: 0.999, minimumShingles: 50), restart: false)
        #expect(strict.versions < resumed.versions + 2)
        #expect(try Self.links(later) != expected)
        _ = try run.run(policy: .standard, restart: false)
        #expect(try Self.links(later) == expected)
        archive.close()
    }
}

extension StoryLinkTests {
    @Test("a copy that arrived before its original is merged into the story when the original bridges them")
    func storiesMerge() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        // The cut-short copy and the edited copy do not match each other (the edits fall
        // in the part the cut copy has); the original matches both.
        let cut = Self.words.prefix(350).joined(separator: " ")
        var edited = Self.words
        for index in stride(from: 20, to: 340, by: 40) { edited[index] = "altered" }
        let cutShingles = Shingles(text: cut), editedShingles = Shingles(text: edited.joined(separator: " "))
        #expect(NearDuplicatePolicy.standard.match(cutShingles, editedShingles) == nil)
        try importDumps([directory.write("1.jsonl", Self.line("Cut", cut))], into: db)
        try importDumps([directory.write("2.jsonl", Self.line("Edited", edited.joined(separator: " ")))], into: db)
        #expect(try Self.links(db) == [1: nil, 2: nil])
        let summary = try importDumps([directory.write("3.jsonl", Self.line("Original", Self.original))], into: db)
        #expect(summary.nearDuplicates == 1)
        // One story: the edited copy (first imported of the full-length versions)... the
        // cut copy was first, but both full-length texts contain it, so a full text leads.
        let links = try Self.links(db)
        let canonical = try #require(links.first { $0.value == nil }?.key)
        #expect(links.values.filter { $0 == nil }.count == 1)
        #expect(canonical != 1, "a cut-short copy never stays canonical over the full text")
        #expect(links.filter { $0.key != canonical }.allSatisfy { $0.value == canonical })
    }
}
