import Foundation
import Testing
@testable import ArchiveCore

@Suite("Importer")
struct ImporterTests {
    @Test("each article is stored once; every copy is recorded where it was seen")
    func exactDuplicates() throws {
        let directory = TemporaryDirectory()
        let first = directory.write("a.txt", textDump(0..<5))
        // The same stories again, with other spacing, case and dates.
        let reprint = textDump(2..<7).replacingOccurrences(of: "Paragraph one", with: "PARAGRAPH   one")
            .replacingOccurrences(of: "Release time:2024-03-", with: "Release time:2023-01-")
        let second = directory.write("b.txt", reprint)
        let db = directory.path("a.db")
        let summary = try importDumps([first, second], into: db)
        #expect(summary.records == 10)
        #expect(summary.inserted == 7)
        #expect(summary.duplicates == 3)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 7)
        #expect(try count("SELECT count(*) FROM sightings", in: db) == 10)
        #expect(try count("SELECT count(*) FROM sightings WHERE article_id = 3", in: db) == 2)
        #expect(try count("SELECT sum(duplicates) FROM files", in: db) == 3)
    }

    @Test("a duplicate fills in what the first copy lacked, never overwrites")
    func duplicateFillsGaps() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let first = directory.write("a.jsonl", #"{"title": "T", "body": "B", "source": "First"}"# + "\n")
        let second = directory.write("b.jsonl", #"{"title": "t", "body": "b", "source": "Second", "url": "https://u", "published": "2024-01-02"}"# + "\n")
        try importDumps([first, second], into: db)
        let archive = try Archive(path: db, mode: .read)
        let row = try archive.connection.prepare("SELECT source, url, published FROM articles").firstRow {
            [$0.optionalString(0), $0.optionalString(1), $0.optionalString(2)]
        }
        #expect(row == ["First", "https://u", "2024-01-02T00:00:00"])
    }

    @Test("an unchanged file is skipped; --force reads it again without new rows")
    func skipAndForce() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("a.txt", textDump(0..<4))
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        let observer = RecordingObserver()
        let again = try importDumps([dump], into: db, observer: observer)
        #expect(again.filesSkipped == 1)
        #expect(again.records == 0)
        #expect(observer.notes.first?.contains("already imported") == true)
        let forced = try importDumps([dump], into: db, force: true)
        #expect(forced.records == 4)
        #expect(forced.inserted == 0)
        #expect(forced.duplicates == 4)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 4)
        #expect(try count("SELECT count(*) FROM sightings", in: db) == 4)
    }

    @Test("the same bytes under another path are skipped as a copy")
    func copyElsewhere() throws {
        let directory = TemporaryDirectory()
        let text = textDump(0..<3)
        let a = directory.write("a.txt", text)
        let b = directory.write("b.txt", text)
        let db = directory.path("a.db")
        try importDumps([a], into: db)
        let observer = RecordingObserver()
        let summary = try importDumps([b], into: db, observer: observer)
        #expect(summary.filesSkipped == 1)
        #expect(observer.notes.first?.contains("same bytes as") == true)
    }

    @Test("a grown file is read from its last record on: only the tail is new")
    func grownFile() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("a.txt", textDump(0..<5))
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        directory.append("a.txt", "\n" + textDump(5..<8))
        let observer = RecordingObserver()
        let grown = try importDumps([dump], into: db, observer: observer)
        #expect(observer.notes.first?.contains("has grown") == true)
        #expect(grown.inserted == 3)
        // Only the old last record (it might have been cut off) is read again.
        #expect(grown.records == 4)
        #expect(grown.duplicates == 1)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 8)
    }

    @Test("a cut-off last record completed by a later append is imported whole")
    func truncatedLastRecordCompleted() throws {
        let directory = TemporaryDirectory()
        let full = textDump(0..<3)
        let cut = String(full.prefix(full.count - 20))
        let dump = directory.write("a.txt", cut)
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        directory.append("a.txt", String(full.suffix(20)))
        try importDumps([dump], into: db)
        let archive = try Archive(path: db, mode: .read)
        let fullBody = try readAll(.text, full).compactMap(\.record).last!.body!
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM articles WHERE body = ?", .text(fullBody)) == 1)
    }

    @Test("an interrupted import resumes at its last commit and ends with exactly the articles")
    func interruptedResumes() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("a.txt", textDump(0..<9))
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        let records = try readAll(.text, textDump(0..<9)).compactMap(\.record)
        // The state a kill after the fourth record's commit leaves behind.
        let archive = try Archive(path: db, mode: .write)
        try archive.connection.transaction {
            try archive.connection.execute("DELETE FROM articles WHERE id > 4")
            try archive.connection.prepare("UPDATE files SET status = 'importing', resume_offset = ?, resume_line = ?")
                .bind(.integer(records[4].span.start.offset), .integer(Int64(records[4].span.start.line))).run()
        }
        archive.close()
        let observer = RecordingObserver()
        let resumed = try importDumps([dump], into: db, observer: observer)
        #expect(observer.notes.first?.contains("resuming") == true)
        #expect(resumed.records == 5)
        #expect(resumed.inserted == 5)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 9)
        #expect(try count("SELECT count(*) FROM files WHERE status = 'complete'", in: db) == 1)
    }

    @Test("small batches commit the ledger with the articles")
    func batchesAdvanceLedger() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("a.txt", textDump(0..<10))
        let db = directory.path("a.db")
        let summary = try importDumps([dump], into: db) { $0.commitRecords = 3; $0.feedRecords = 2 }
        #expect(summary.inserted == 10)
        #expect(try count("SELECT records FROM files", in: db) == 10)
        let last = try readAll(.text, textDump(0..<10)).compactMap(\.record).last!
        #expect(try count("SELECT resume_offset FROM files", in: db) == Int(last.span.start.offset))
    }

    @Test("bad records are reported with file and line, kept in import_errors, the rest imported")
    func badRecords() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("a.jsonl", """
            {"title": "Good", "body": "one"}
            {"title": "No body"}
            {"title": 3}
            {"title": "Odd date", "body": "two", "published": "the day after"}
            """)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(summary.inserted == 2)
        #expect(summary.errors == 2)
        #expect(summary.warnings == 1)
        #expect(observer.warnings.contains("\(dump):2: record has a title but no body"))
        #expect(observer.warnings.contains { $0.hasPrefix("\(dump):3: ") })
        #expect(observer.warnings.contains("\(dump):4: unreadable date \"the day after\" kept as published_raw"))
        #expect(try count("SELECT count(*) FROM import_errors", in: db) == 2)
        #expect(try count("SELECT count(*) FROM import_errors WHERE line = 3 AND raw = CAST('{\"title\": 3}' AS BLOB)", in: db) == 1)
        #expect(try count("SELECT count(*) FROM articles WHERE published IS NULL AND published_raw = 'the day after'", in: db) == 1)
        // Importing the same bad file again (forced) does not repeat its errors.
        try importDumps([dump], into: db, force: true)
        #expect(try count("SELECT count(*) FROM import_errors", in: db) == 2)
    }

    @Test("a directory imports its dumps in name order; missing paths are reported, others go on")
    func directories() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("in/sub"), withIntermediateDirectories: true)
        directory.write("in/b.jsonl", #"{"title": "B", "body": "b"}"# + "\n")
        directory.write("in/a.csv", "title,body\nA,a\n")
        directory.write("in/sub/c.txt", "C title. X\n\nc body\n")
        directory.write("in/notes.md", "# not a dump\n")
        directory.write("in/.hidden.txt", "Hidden. X\n\nh\n")
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([directory.path("in"), directory.path("missing.txt")], into: db, observer: observer)
        #expect(summary.files == 3)
        #expect(summary.filesFailed == 1)
        #expect(observer.warnings.contains { $0.contains("missing.txt: no such file") })
        let archive = try Archive(path: db, mode: .read)
        var titles: [String] = []
        try archive.connection.prepare("SELECT title FROM articles ORDER BY id").forEachRow { titles.append($0.string(0)) }
        #expect(titles == ["A", "B", "C title. X"])  // no " | ": all of the header is the title
    }

    @Test("tags are rows too, kept in step by the schema's triggers")
    func tagRows() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("a.jsonl", #"{"title": "T", "body": "B", "tags": ["x", "Y", "x"]}"# + "\n")
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        #expect(try count("SELECT count(*) FROM article_tags", in: db) == 2)
        let archive = try Archive(path: db, mode: .write)
        try archive.connection.execute(#"UPDATE articles SET tags = '["z"]'"#)
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM article_tags WHERE tag = 'z'") == 1)
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM article_tags") == 1)
        try archive.connection.execute("DELETE FROM articles")
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM article_tags") == 0)
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'z'") == 0)
    }
}

extension ImporterTests {
    @Test("a rejected JSON record keeps its line's bytes")
    func rejectedKeepsBytes() throws {
        let directory = TemporaryDirectory()
        let line = #"{"title": "No body", "tags": ["kept"]}"#
        let dump = directory.write("a.jsonl", line + "\n")
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        let archive = try Archive(path: db, mode: .read)
        #expect(try archive.connection.scalar("SELECT raw FROM import_errors") == .blob(Array(line.utf8)))
    }
}

/// The reference dump in ../shared, when this checkout sits beside it (CI has it; the
/// suite must pass without it).
let seedSamplePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/fixtures/seed-sample.txt").standardizedFileURL.path

@Suite("The reference sample")
struct SeedSampleTests {
    @Test("seed-sample.txt gives its 6 articles with the titles, tags and dates the format defines",
          .enabled(if: FileManager.default.fileExists(atPath: seedSamplePath), "../shared/fixtures/seed-sample.txt is not beside this checkout"))
    func sixArticles() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let summary = try importDumps([seedSamplePath], into: db)
        #expect(summary.inserted == 6)
        #expect(summary.errors == 0)
        let archive = try Archive(path: db, mode: .read)
        var rows: [(String, [String], String?)] = []
        try archive.connection.prepare("SELECT title, tags, published FROM articles ORDER BY id").forEachRow {
            rows.append(($0.string(0), StoredTags.decode($0.string(1)), $0.optionalString(2)))
        }
        #expect(rows.map(\.0) == [
            "NATO conspires to \"move eastward\" to increase security risks in the Asia Pacific region.",
            "Two women were stabbed to death and reported to have committed a crime 4 days before the follow-up visit for schizophrenia. Suspect of a bloody murder case in a Hong Kong shopping mall appeared in court today.",
            "Secretary of the Provincial Party Committee: The focus of Henan's \"summer harvest\" has shifted to agricultural machinery in the northern region of Henan Province.",
            "Xinhua All Media+| Welcome home! What innovative technologies are protecting the return journey of Shenzhou 15?",
            "The Chinese naval fleet has arrived!",
            "New comment: Donkey like \"morale\" limit pulls US debt \"bomb\" fuse hard to dismantle US",
        ])
        #expect(rows.map(\.1) == [
            ["China", "NATO", "Security"], ["Male", "Last Friday", "Murder case"],
            ["Support", "Science", "Organization", "Province", "Northern Henan", "Summer Harvest", "Rush Harvest"],
            ["Spaceship", "Shenzhou", "Technology"], ["Assembly", "Navy", "Chinese Fleet"], ["debt", "morale"],
        ])
        #expect(rows.map(\.2) == ["2024-04-14T07:30:00", nil, nil, nil, nil, nil])
        #expect(try importDumps([seedSamplePath], into: db).inserted == 0)
    }
}
