import Foundation
import Testing
@testable import ArchiveCore

@Suite("archive check and repair")
struct CheckRepairTests {
    static func archive(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.path("a.db")
        let text = StoryLinkTests.line("Harbour story", StoryLinkTests.original)
            + StoryLinkTests.copies.map { StoryLinkTests.line($0.title, $0.body) }.joined()
            + "{\"title\": \"Tagged\", \"body\": \"Short.\", \"tags\": [\"x\", \"y\"]}\n"
        try importDumps([directory.write("a.jsonl", text)], into: db)
        return db
    }

    static func problems(_ db: String) throws -> [String] {
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        return try ArchiveCheck(connection: archive.connection).run().filter { !$0.isOK }.map(\.name)
    }

    @Test("a freshly imported archive passes every check")
    func healthy() throws {
        let directory = TemporaryDirectory()
        #expect(try Self.problems(Self.archive(directory)) == [])
    }

    @Test("damage to derived data is found, and repair rebuilds it", arguments: [
        ("full-text index", "INSERT INTO articles_fts(articles_fts, rowid, title, body, tags) VALUES ('delete', 1, 'x', 'y', 'z')"),
        // Article 1's length in the packed lengths ranking reads set to 32,766 tokens.
        ("ranking lengths", "UPDATE article_lengths SET lengths = substr(lengths, 1, 2) || x'FE7F' || substr(lengths, 5) WHERE block = 0"),
        ("tag rows", "DELETE FROM article_tags WHERE tag = 'x'"),
        ("story links", "UPDATE articles SET duplicate_of = 999 WHERE id = 2"),
        ("near-duplicate keys", "DELETE FROM near_keys WHERE article_id = 1; DELETE FROM near_keys_recent WHERE article_id = 1"),
        ("sightings", "INSERT INTO sightings (file_id, byte_offset, line, article_id, seen_at) VALUES (1, 99999, 1, 12345, 'x')"),
    ])
    func damageFoundAndRepaired(name: String, damage: String) throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let before = try StoryLinkTests.links(db)
        let connection = try Connection(path: db)
        try connection.execute("PRAGMA foreign_keys = OFF; " + damage)
        connection.close()
        #expect(try Self.problems(db).contains(name))
        let archive = try Archive(path: db, mode: .write)
        try ArchiveRepair(connection: archive.connection).run()
        archive.close()
        #expect(try Self.problems(db) == [])
        #expect(try StoryLinkTests.links(db) == before)
    }

    @Test("an interrupted import is reported, and finished by the next import")
    func interrupted() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let connection = try Connection(path: db)
        // What a kill leaves: the ledger says importing, and the newest articles are
        // not in the full-text index yet, nor their lengths in article_lengths.
        try connection.execute("""
            UPDATE files SET status = 'importing';
            INSERT INTO articles_fts(articles_fts, rowid, title, body, tags) SELECT 'delete', id, title, body, tags FROM articles WHERE id > 2;
            INSERT INTO fts_pending (id, after_id, since) VALUES (1, 2, 'x');
            UPDATE article_lengths SET lengths = substr(lengths, 1, 6);
            """)
        connection.close()
        #expect(Set(try Self.problems(db)) == ["full-text index", "import ledger"])
        try importDumps([directory.path("a.jsonl")], into: db)
        #expect(try Self.problems(db) == [])
    }
}
