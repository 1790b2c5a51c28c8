import Foundation
import Testing
@testable import ArchiveCore

@Suite("Authors: stored, filled in, shown, exported, migrated")
struct AuthorsTests {
    @Test("authors are stored as a JSON array; a later copy fills them in, never overwrites")
    func storedAndFilled() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("one.jsonl", """
            {"title": "Bridge opens", "body": "The new bridge opened.", "authors": ["Ana Lima", "Smith, Jane"]}
            {"title": "Market day", "body": "Stalls filled the square."}

            """)], into: db)
        try importDumps([directory.write("two.jsonl", """
            {"title": "Bridge opens", "body": "The new bridge opened.", "author": "Someone Else"}
            {"title": "Market day", "body": "Stalls filled the square.", "author": "Ben Okafor"}

            """)], into: db)
        #expect(try count(#"SELECT count(*) FROM articles WHERE title = 'Bridge opens' AND authors = '["Ana Lima","Smith, Jane"]'"#, in: db) == 1)
        #expect(try count(#"SELECT count(*) FROM articles WHERE title = 'Market day' AND authors = '["Ben Okafor"]'"#, in: db) == 1)

        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let id = try archive.connection.scalarInt("SELECT id FROM articles WHERE title = 'Bridge opens'")
        let view = try #require(try archive.article(id: Int64(id)))
        #expect(view.authors == ["Ana Lima", "Smith, Jane"])
        #expect(try WireJSON.string(view).contains(#""source":null,"authors":["Ana Lima","Smith, Jane"],"published_raw""#))
        let hits = try archive.search(try ArticleFilter(query: SearchQuery("bridge")), limit: 5).hits
        #expect(hits.map(\.authors) == [["Ana Lima", "Smith, Jane"]])
        #expect(SearchHit.csvColumns.last == "authors")
        #expect(hits[0].csvRow.last == "Ana Lima | Smith, Jane")
    }

    @Test("CSV and JSON Lines exports carry authors and import back the same")
    func exportRoundTrip() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("one.jsonl", """
            {"title": "Bridge opens", "body": "The new bridge opened.", "authors": ["Ana Lima", "Smith, Jane"]}
            {"title": "Market day", "body": "Stalls filled the square."}

            """)], into: db)
        let archive = try Archive(path: db, mode: .read)
        for (name, format) in [("back.csv", ExportFormat.csv), ("back.jsonl", .jsonl)] {
            let sink = try OutputSink(path: directory.path(name))
            try archive.export(try ArticleFilter(), as: format, to: sink)
            try sink.finish()
        }
        archive.close()
        let csv = Array(try Data(contentsOf: URL(fileURLWithPath: directory.path("back.csv"))))
        let jsonl = Array(try Data(contentsOf: URL(fileURLWithPath: directory.path("back.jsonl"))))
        let csvText = String(decoding: csv, as: UTF8.self)
        #expect(csvText.hasPrefix("id,title,published,tags,body,url,source,published_raw,header,authors\r\n"))
        #expect(csvText.contains(",\"Ana Lima | Smith, Jane\"\r\n"))
        #expect(String(decoding: jsonl, as: UTF8.self).contains(#""authors":["Ana Lima","Smith, Jane"]}"#))
        #expect(String(decoding: jsonl, as: UTF8.self).contains(#""authors":[]}"#))

        for name in ["back.csv", "back.jsonl"] {
            let copy = directory.path(name + ".db")
            let summary = try importDumps([directory.path(name)], into: copy)
            #expect(summary.inserted == 2 && summary.errors == 0)
            #expect(try count(#"SELECT count(*) FROM articles WHERE authors = '["Ana Lima","Smith, Jane"]'"#, in: copy) == 1)
            #expect(try count("SELECT count(*) FROM articles WHERE authors = '[]'", in: copy) == 1)
        }
    }

    @Test("an archive made before authors existed gets the column empty, and every check passes")
    func migratedArchive() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("old.db")
        try importDumps([directory.write("old.jsonl", #"{"title": "Old", "body": "Old body.", "tags": ["x"]}"# + "\n")], into: db)
        // Back to the schema before 0009: the column and its record gone.
        let connection = try Connection(path: db)
        try connection.execute("ALTER TABLE articles DROP COLUMN authors; DELETE FROM schema_migrations WHERE version = 9")
        connection.close()
        try importDumps([directory.write("new.jsonl", #"{"title": "New", "body": "New body.", "author": "Ana Lima"}"# + "\n")], into: db)
        #expect(try count("SELECT count(*) FROM articles WHERE title = 'Old' AND authors = '[]'", in: db) == 1)
        #expect(try count(#"SELECT count(*) FROM articles WHERE title = 'New' AND authors = '["Ana Lima"]'"#, in: db) == 1)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        // The schema refuses anything but a JSON array, whatever writes.
        #expect(throws: SQLiteError.self) { try archive.connection.execute("UPDATE articles SET authors = 'Ana Lima'") }
        let report = try archive.check()
        #expect(report.isOK, "\(report.checks.filter { !$0.isOK })")
    }
}
