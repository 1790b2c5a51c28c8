import Foundation
import Testing
@testable import ArchiveCore

/// The façade as a long-running process uses it: many tasks at once through one open
/// archive, a refused statement that leaves the connection as it was, and view types
/// that encode with every key the README lists.
@Suite("The Archive façade")
struct FacadeTests {
    /// What one task reads: a search, an article with its versions, the stats.
    struct Reading: Equatable {
        var hits: [SearchHit]
        var article: ArticleView?
        var stats: ArchiveStats
    }

    static func read(_ archive: Archive, query: String) throws -> Reading {
        let filter = try ArticleFilter(query: SearchQuery(query))
        let hits = try archive.search(filter, limit: 5).hits
        var stats = try archive.stats()
        stats.fileBytes = 0  // the file's size on disk is not the question here
        return Reading(hits: hits, article: try archive.article(id: hits.first?.id ?? 1), stats: stats)
    }

    @Test("64 reads from 8 threads at once through one archive give what the same reads give one at a time")
    func concurrentReaders() throws {
        let directory = TemporaryDirectory()
        let db = try SearchTests.fixture(directory)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let queries = ["harbour", "storm", "council budget", "economy", "U.S.", "trade", "coast", "approved"]
        let expected = try queries.map { try Self.read(archive, query: $0) }
        #expect(expected.allSatisfy { !$0.hits.isEmpty })

        final class Results: @unchecked Sendable {
            // Safe: each index is written by exactly one iteration of concurrentPerform,
            // and read only after it returns.
            var readings: [Result<Reading, Error>?]
            init(count: Int) { readings = Array(repeating: nil, count: count) }
        }
        let results = Results(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            results.readings[index] = Result { try Self.read(archive, query: queries[index % queries.count]) }
        }
        for (index, reading) in results.readings.enumerated() {
            let got = try #require(reading).get()
            #expect(got == expected[index % queries.count], "read \(index)")
        }
    }

    @Test("a refused statement leaves the connection able to search (the guard holds for that statement only)")
    func guardIsScoped() throws {
        let directory = TemporaryDirectory()
        let db = try SearchTests.fixture(directory)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        #expect(throws: SQLRefusal.notAllowed("DELETE from articles")) {
            try archive.readOnlySQL("DELETE FROM articles", columns: { _ in }, row: { _ in })
        }
        // The same (only) connection: the façade's own queries create temporary tables
        // for prefix expansion, which the guard would refuse.
        let hits = try archive.search(try ArticleFilter(query: SearchQuery("econom*")), limit: 5).hits
        #expect(hits.map(\.title) == ["Undated economy piece"])
        var rows: [[SQLValue]] = []
        try archive.readOnlySQL("SELECT count(*) FROM articles", columns: { _ in }, row: { rows.append($0) })
        #expect(rows == [[.integer(4)]])
    }

    @Test("view types encode every documented key in order, missing values as null")
    func wireKeys() throws {
        let hit = SearchHit(id: 7, title: "T \"q\"", published: nil, tags: ["a"], snippet: "s", rank: -1.5, url: nil, source: "S")
        #expect(try WireJSON.string(hit)
                == #"{"id":7,"title":"T \"q\"","published":null,"tags":["a"],"snippet":"s","rank":-1.5,"url":null,"source":"S","authors":[]}"#)
        var stats = ArchiveStats()
        stats.articles = 5
        stats.versions = 2
        let text = try WireJSON.string(stats)
        #expect(text.hasPrefix(#"{"articles":5,"duplicates_seen":0,"files":0,"files_incomplete":0,"import_errors":0,"stories":3,"#))
        #expect(text.contains(#""earliest":null,"latest":null"#))
    }
}
