import Foundation
import Testing
@testable import ArchiveCore

/// Imports merge full-text index segments only a little at a time
/// (migrations/0014_bounded_merges.sql) and `archive optimize` merges each index into
/// one segment; merging changes no answer.
@Suite("archive optimize")
struct OptimizeTests {
    /// Four imports, each with English and Chinese articles: each import adds at least
    /// one segment to each index.
    static func archive(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.path("a.db")
        for round in 0..<4 {
            let english = textDump(round * 20..<round * 20 + 20)
            let chinese = (0..<3).map { n in
                "上海港第\(round)批新闻\(n)。经济\n上海港第\(round)批新闻\(n)。经济\n发布时间：2024-04-1\(n) 09:00\n\n上海港的集装箱吞吐量再创新高，第\(round)批第\(n)条。\n\n"
            }.joined()
            try importDumps([directory.write("day-\(round).txt", english + "\n" + chinese)], into: db)
        }
        return db
    }

    static func answers(_ db: String) throws -> [[String]] {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        return try ["Story", "story 7", "上海港", "吞吐量", "\"集装箱吞吐量\"", "stor*"].map { query in
            try archive.search(ArticleFilter(query: SearchQuery(query, raw: query.hasPrefix("\"") || query.hasSuffix("*"))), limit: 100)
                .hits.map { "\($0.id) \($0.title)" }
        }
    }

    @Test("small imports leave their segments; optimize merges each index into one, and every answer stays the same")
    func mergesWithoutChangingAnswers() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        for index in ["articles_fts", "articles_cjk"] {
            #expect(try count("SELECT v FROM \(index)_config WHERE k = 'automerge'", in: db) == 16)
            #expect(try count("SELECT v FROM \(index)_config WHERE k = 'crisismerge'", in: db) == 64)
        }
        #expect(try count("SELECT count(DISTINCT segid) FROM articles_fts_idx", in: db) >= 4)
        let before = try Self.answers(db)
        #expect(before.allSatisfy { !$0.isEmpty }, "\(before)")

        let archive = try Archive(path: db, mode: .write)
        var reports: [IndexMergeReport] = []
        try archive.optimize { reports.append($0) }
        #expect(try ArchiveCheck(connection: archive.connection).run().allSatisfy(\.isOK))
        archive.close()

        #expect(reports.map(\.index) == ["full-text index", "CJK index"])
        #expect(reports.allSatisfy { $0.segmentsBefore >= 4 && $0.segmentsAfter == 1 }, "\(reports)")
        #expect(try Self.answers(db) == before)

        // Once merged, optimizing again has nothing to do.
        let again = try Archive(path: db, mode: .write)
        defer { again.close() }
        var second: [IndexMergeReport] = []
        try again.optimize { second.append($0) }
        #expect(second.map(\.segmentsBefore) == [1, 1] && second.map(\.segmentsAfter) == [1, 1], "\(second)")
    }
}
