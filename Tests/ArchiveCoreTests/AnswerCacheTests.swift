import CSQLite
import Testing
@testable import ArchiveCore

/// `Archive(answersKept:)`: a reader gives a kept answer again only while nothing has
/// been committed to the archive since it was computed.
@Suite("Kept answers")
struct AnswerCacheTests {
    /// Pages the connection has asked its page cache for, found there or read.
    static func pagesAsked(_ connection: Connection) -> Int {
        var total = 0
        for status in [SQLITE_DBSTATUS_CACHE_HIT, SQLITE_DBSTATUS_CACHE_MISS] {
            var current: Int32 = 0, highest: Int32 = 0
            sqlite3_db_status(connection.handle, status, &current, &highest, 0)
            total += Int(current)
        }
        return total
    }

    @Test("a repeated search, count and facets are answered without reading the archive again")
    func repeatedQuestions() throws {
        let directory = TemporaryDirectory()
        let db = try SearchTests.fixture(directory)
        let filter = try ArticleFilter(query: SearchQuery("harbour"))
        for kept in [0, 8] {
            let archive = try Archive(path: db, mode: .read, answersKept: kept)
            defer { archive.close() }
            var asked: [Int] = []
            var answers: [SearchPage] = []
            for _ in 0..<2 {
                let before = Self.pagesAsked(archive.connection)
                answers.append(try archive.search(filter, limit: 10))
                _ = try archive.count(filter)
                _ = try archive.facets(filter)
                asked.append(Self.pagesAsked(archive.connection) - before)
            }
            #expect(answers[0] == answers[1])
            #expect(answers[0].hits.count == 2)
            if kept == 0 {
                #expect(asked[1] > 10, "without the cache every question reads the archive again")
            } else {
                #expect(asked[0] > 10)
                #expect(asked[1] <= 3, "the second round read \(asked[1]) pages; the first \(asked[0])")
            }
        }
    }

    @Test("after another connection commits, every kept answer is computed again")
    func commitEmptiesTheCache() throws {
        let directory = TemporaryDirectory()
        let db = try SearchTests.fixture(directory)
        let reader = try Archive(path: db, mode: .read, answersKept: 8)
        defer { reader.close() }
        let harbour = try ArticleFilter(query: SearchQuery("harbour"))
        #expect(try reader.search(harbour, limit: 10).hits.count == 2)
        #expect(try reader.count(harbour) == 2)
        #expect(try reader.facets(harbour).total == 2)
        #expect(try reader.count(try ArticleFilter()) == 4)

        let more = directory.write("b.jsonl", """
            {"title": "Harbour reopens after the storm", "body": "Boats left the harbour at dawn.", "tags": ["Coast"], "published": "2024-05-01"}
            """)
        try importDumps([more], into: db)

        let hits = try reader.search(harbour, limit: 10).hits
        #expect(hits.count == 3)
        #expect(hits.contains { $0.title == "Harbour reopens after the storm" })
        #expect(try reader.count(harbour) == 3)
        #expect(try reader.facets(harbour).total == 3)
        #expect(try reader.count(try ArticleFilter()) == 5)
    }

    @Test("the cache keeps at most its capacity, dropping the oldest answer first, and stays right")
    func capacity() throws {
        let directory = TemporaryDirectory()
        let db = try SearchTests.fixture(directory)
        let archive = try Archive(path: db, mode: .read, answersKept: 2)
        defer { archive.close() }
        let words = ["harbour", "council", "economy"]
        let filters = try words.map { try ArticleFilter(query: SearchQuery($0)) }
        let first = try filters.map { try archive.search($0, limit: 10) }
        // The first word's answer was dropped for the third's: asking again reads pages.
        let before = Self.pagesAsked(archive.connection)
        #expect(try archive.search(filters[2], limit: 10) == first[2])
        let afterKept = Self.pagesAsked(archive.connection)
        #expect(try archive.search(filters[0], limit: 10) == first[0])
        let afterDropped = Self.pagesAsked(archive.connection)
        #expect(afterKept - before <= 3)
        #expect(afterDropped - afterKept > 3)
    }

    @Test("an archive opened for writing keeps no answers (its own commits would not empty them)")
    func writerKeepsNone() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .write, answersKept: 8)
        defer { archive.close() }
        #expect(archive.answersKept == 0)
        _ = try archive.search(try ArticleFilter(query: SearchQuery("harbour")), limit: 10)
        #expect(archive.connection.answerCache == nil)
    }
}
