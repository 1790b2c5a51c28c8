import Foundation
import Testing
@testable import ArchiveCore

/// Ranking reads each article's length from `article_lengths` (RankLengths,
/// migrations/0013_rank_lengths.sql) instead of FTS5's docsize table, and must give the
/// scores FTS5's own lengths give.
@Suite("packed lengths for ranking")
struct RankLengthsTests {
    /// Articles whose lengths need one, two and three bytes in FTS5's varints, and one
    /// longer than the 16 bits a packed length holds.
    static func dump() -> String {
        [3, 60, 200, 20_000, 70_000].enumerated().map { n, words in
            let body = (0..<words).map { $0 % 50 == 0 ? "harbour" : "word\($0 % 7)" }.joined(separator: " ")
            return #"{"title": "Harbour story \#(n)", "body": "\#(body)", "tags": ["T\#(n)"]}"#
        }.joined(separator: "\n") + "\n" + (0..<30).map { n in
            #"{"title": "Note \#(n)", "body": "The harbour \#(String(repeating: "quay ", count: n)) end.", "tags": []}"#
        }.joined(separator: "\n") + "\n"
    }

    static let queries = [("harbour", false), ("harbour quay", false), ("\"the harbour\"", true), ("harb*", false), ("quay OR word1", true)]

    /// Every query's hits (every version) with their scores.
    static func ranks(_ db: String, _ queries: [(String, Bool)] = queries) throws -> [[String]] {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        return try queries.map { query, raw in
            try archive.search(ArticleFilter(query: SearchQuery(query, raw: raw), allVersions: true), limit: 100).hits
                .map { "\($0.id) \(String(format: "%.12f", $0.rank ?? .nan))" }
        }
    }

    /// An archive holding `dump()`.
    static func archive(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", dump())], into: db)
        return db
    }

    /// One more import, of one new article: its end writes what is missing.
    static func importAgain(_ directory: TemporaryDirectory, into db: String) throws {
        try importDumps([directory.write("b.jsonl", #"{"title": "Late harbour", "body": "harbour news", "tags": []}"# + "\n")], into: db)
    }

    static func execute(_ sql: String, in db: String) throws {
        let connection = try Connection(path: db)
        defer { connection.close() }
        try connection.execute(sql)
    }

    @Test("an import writes the lengths, and ranking with them scores as FTS5's own lengths do")
    func sameScoresAsDocsize() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        #expect(try count("SELECT count(*) FROM article_lengths", in: db) == 1)
        // 35 articles, two bytes each; the longest one is stored as "ask FTS5".
        #expect(try count("SELECT length(lengths) FROM article_lengths WHERE block = 0", in: db) == 2 * 36)
        #expect(try count("SELECT hex(substr(lengths, 2 * 5 + 1, 2)) = 'FFFF' FROM article_lengths", in: db) == 1)
        let packed = try Self.ranks(db)
        #expect(packed.allSatisfy { !$0.isEmpty }, "\(packed)")

        try Self.execute("DELETE FROM article_lengths", in: db)
        #expect(try Self.ranks(db) == packed)
    }

    @Test("ranking reads the stored lengths: a different stored length changes the score")
    func storedLengthsAreRead() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let before = try Self.ranks(db)
        // Note 0 (id 6): its length of a few tokens stored as 4,000.
        try Self.execute("UPDATE article_lengths SET lengths = substr(lengths, 1, 12) || x'A00F' || substr(lengths, 15)", in: db)
        let after = try Self.ranks(db)
        #expect(after[0] != before[0])
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        #expect(try ArchiveCheck(connection: archive.connection).run().first { $0.name == "ranking lengths" }?.problem
                == "1 stored article lengths differ from the full-text indexes'")
    }

    @Test("another program's writes drop the blocks they touch; the next import writes them again, for ids in any block")
    func otherWritersAndSparseIDs() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let scored = try Self.ranks(db)
        try Self.execute("""
            UPDATE articles SET body = body || ' harbour harbour' WHERE id = 7;
            INSERT INTO articles (id, title, body, tags, fingerprint, imported_at)
                SELECT 5000, 'Far harbour', 'harbour quay', '[]', fingerprint || 'a', imported_at FROM articles WHERE id = 1;
            INSERT INTO articles (id, title, body, tags, fingerprint, imported_at)
                SELECT 9000, 'Farther harbour', 'harbour harbour', '[]', fingerprint || 'b', imported_at FROM articles WHERE id = 1;
            """, in: db)
        #expect(try count("SELECT count(*) FROM article_lengths", in: db) == 0)
        #expect(try Self.ranks(db) != scored)

        try Self.importAgain(directory, into: db)
        var blocks: [Int] = []
        let archive = try Archive(path: db, mode: .write)
        try archive.connection.prepare("SELECT block FROM article_lengths ORDER BY block").forEachRow { blocks.append($0.int(0)) }
        #expect(blocks == [0, 1, 2])
        #expect(try archive.connection.scalarInt("SELECT max(id) FROM articles") == 9001)
        // (The articles written with SQL have no near-duplicate keys; that check is not this one.)
        let findings = try ArchiveCheck(connection: archive.connection).run()
        #expect(findings.filter { ["full-text index", "ranking lengths"].contains($0.name) }.map(\.isOK) == [true, true])
        archive.close()

        let packed = try Self.ranks(db)
        #expect(packed[0].contains { $0.hasPrefix("9000 ") } && packed[0].contains { $0.hasPrefix("9001 ") })
        try Self.execute("DELETE FROM article_lengths", in: db)
        #expect(try Self.ranks(db) == packed)
    }

    @Test("the CJK index's lengths too: the same scores, and rewritten when another program's change rebuilds that index")
    func cjkLengths() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let chinese = (0..<12).map { n in
            let body = String(repeating: "上海港的集装箱吞吐量再创新高。", count: n % 4 + 1) + String(repeating: "经济", count: n)
            return #"{"title": "上海港新闻\#(n)", "body": "\#(body)", "tags": ["经济"]}"#
        }.joined(separator: "\n") + "\n"
        try importDumps([directory.write("a.jsonl", chinese + Self.dump())], into: db)
        #expect(try count("SELECT count(*) FROM cjk_article_lengths", in: db) == 1)
        func cjkRanks() throws -> [[String]] { try Self.ranks(db, ["上海港", "吞吐量", "经济", "港"].map { ($0, false) }) }
        let packed = try cjkRanks()
        #expect(packed.allSatisfy { $0.count >= 10 }, "\(packed)")
        // Read, not only written: article 1's length stored as 4,000 pairs changes its score.
        try Self.execute("UPDATE cjk_article_lengths SET lengths = substr(lengths, 1, 2) || x'A00F' || substr(lengths, 5)", in: db)
        #expect(try cjkRanks() != packed)
        try Self.execute("DELETE FROM cjk_article_lengths", in: db)
        #expect(try cjkRanks() == packed)

        // Another program lengthens an article: the next import rebuilds the CJK index,
        // and its lengths with it.
        try Self.execute("UPDATE articles SET body = body || '经济经济经济' WHERE id = 3", in: db)
        try Self.importAgain(directory, into: db)
        #expect(try count("SELECT count(*) FROM cjk_article_lengths", in: db) == 1)
        let archive = try Archive(path: db, mode: .write)
        #expect(try ArchiveCheck(connection: archive.connection).run().allSatisfy(\.isOK))
        archive.close()
        let rebuilt = try cjkRanks()
        #expect(rebuilt != packed)
        try Self.execute("DELETE FROM cjk_article_lengths", in: db)
        #expect(try cjkRanks() == rebuilt)
    }

    @Test("repair writes every block again")
    func repairRewrites() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        func stored(_ connection: Connection) throws -> [String] {
            var blocks: [String] = []
            try connection.prepare("SELECT block || ' ' || hex(lengths) FROM article_lengths ORDER BY block").forEachRow { blocks.append($0.string(0)) }
            return blocks
        }
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let written = try stored(archive.connection)
        #expect(written.count == 1)
        try archive.connection.execute("UPDATE article_lengths SET lengths = x'0100'")
        try ArchiveRepair(connection: archive.connection).run()
        #expect(try stored(archive.connection) == written)
        #expect(try ArchiveCheck(connection: archive.connection).run().allSatisfy(\.isOK))
    }

    @Test("FTS5's varints are read as SQLite writes them")
    func varints() {
        func total(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBytes { RankLengths.tokenCount(docsize: $0) } }
        #expect(total([3, 0x81, 0x48, 0]) == 3 + 200)
        #expect(total([0x82, 0x9C, 0x20]) == 2 << 14 | 0x1C << 7 | 0x20)
        #expect(total([]) == 0)
    }
}
