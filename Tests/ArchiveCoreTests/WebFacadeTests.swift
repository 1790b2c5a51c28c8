import Foundation
import Testing
@testable import ArchiveCore

/// What the façade offers a web page beyond the CLI's commands: facets of a search,
/// the newest articles, articles per month, a time limit on a user's SQL, and a word
/// diff between two versions of a story.
@Suite("Façade for the web")
struct WebFacadeTests {
    @Test("facets count the tags (without case) and years of the articles a search covers")
    func facets() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .read)
        defer { archive.close() }
        let everything = try archive.facets(try ArticleFilter())
        #expect(everything.tags.first == ArchiveStats.TagCount(tag: "Weather", count: 2))
        #expect(Set(everything.tags.map(\.tag)) == ["Weather", "Coast", "Council", "Trade", "Economy"])
        #expect(everything.years == [PeriodCount(period: "2024", count: 3)])
        let harbour = try archive.facets(try ArticleFilter(query: SearchQuery("harbour")))
        #expect(harbour.tags.map(\.tag) == ["Coast", "Council", "Weather"])
        #expect(harbour.tags.map(\.count) == [1, 1, 1])
        let tagged = try archive.facets(try ArticleFilter(tags: ["weather"]))
        #expect(tagged.tags.first == ArchiveStats.TagCount(tag: "Weather", count: 2))
        #expect(try archive.facets(try ArticleFilter(), tagLimit: 1).tags.count == 1)
    }

    @Test("a query with more matches than the tag sample: tags of its newest matches only; years and total of all")
    func tagSample() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .read)
        defer { archive.close() }
        let filter = try ArticleFilter(query: SearchQuery("harbour"))
        let matches = try archive.search(filter, limit: 100).hits
        #expect(matches.count > 1)
        let full = try archive.facets(filter)
        #expect(full.tagsAmongNewest == nil)
        #expect(try archive.facets(filter, tagSample: matches.count).tagsAmongNewest == nil)
        let sampled = try archive.facets(filter, tagSample: 1)
        #expect(sampled.tagsAmongNewest == 1)
        let newestID = try #require(matches.map(\.id).max())
        let newest = try #require(try archive.article(id: newestID))
        #expect(Set(sampled.tags.map(\.tag)) == Set(newest.tags))
        #expect(sampled.tags.allSatisfy { $0.count == 1 })
        #expect(sampled.years == full.years)
        #expect(sampled.total == full.total)
        // Without a query every article is counted.
        #expect(try archive.facets(try ArticleFilter(), tagSample: 1).tagsAmongNewest == nil)
    }

    @Test("the facets' total is the count of the filter, undated articles included")
    func facetTotal() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .read)
        defer { archive.close() }
        let filters = [
            try ArticleFilter(), try ArticleFilter(allVersions: true), try ArticleFilter(query: SearchQuery("harbour")),
            try ArticleFilter(query: SearchQuery("economy")), try ArticleFilter(tags: ["weather"]),
            try ArticleFilter(until: "2024-04"),
        ]
        for filter in filters {
            #expect(try archive.facets(filter).total == archive.count(filter))
        }
        // The undated article counts in the total, in no year.
        let everything = try archive.facets(try ArticleFilter())
        #expect(everything.total == 4)
        #expect(everything.years.map(\.count).reduce(0, +) == 3)
        // An archive without the narrow index (an old one on a read-only disk) counts the same.
        let before = try filters.map { try archive.facets($0) }
        let writer = try Archive(path: directory.path("a.db"), mode: .write)
        try writer.connection.execute("DROP INDEX articles_filter")
        writer.close()
        let without = try Archive(path: directory.path("a.db"), mode: .read)
        defer { without.close() }
        #expect(try filters.map { try without.facets($0) } == before)
        #expect(try filters.map { try without.count($0) } == before.map(\.total))
    }

    @Test("without a query: the newest articles by publication, undated last, unranked, filters applied")
    func newest() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .read)
        defer { archive.close() }
        let all = try archive.newest(try ArticleFilter(), limit: 10)
        #expect(all.map(\.title) == ["U.S. trade talks resume", "Council budget approved", "Harbour storm damages boats",
                                     "Undated economy piece"])
        #expect(all.allSatisfy { $0.rank == nil })
        #expect(all[0].snippet.hasPrefix("Negotiators from the U.S."))
        #expect(try archive.newest(try ArticleFilter(), limit: 1, offset: 1).map(\.title) == ["Council budget approved"])
        #expect(try archive.newest(try ArticleFilter(until: "2024-03"), limit: 10).count == 2)
        #expect(try WireJSON.string(all[0]).contains("\"rank\":null"))
    }

    @Test("articles per month, oldest first, undated left out")
    func months() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .read)
        defer { archive.close() }
        #expect(try archive.articlesPerMonth() == [PeriodCount(period: "2024-03", count: 2), PeriodCount(period: "2024-04", count: 1)])
    }

    @Test("a runaway statement is stopped at its time limit; the connection reads again afterwards")
    func timeLimit() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try SearchTests.fixture(directory), mode: .read)
        defer { archive.close() }
        let runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"
        #expect(throws: SQLTimeLimitExceeded(limit: .milliseconds(200))) {
            try archive.readOnlySQL(runaway, timeLimit: .milliseconds(200), columns: { _ in }, row: { _ in })
        }
        var rows: [[SQLValue]] = []
        try archive.readOnlySQL("SELECT count(*) FROM articles", timeLimit: .seconds(5), columns: { _ in }, row: { rows.append($0) })
        #expect(rows == [[.integer(4)]])
        // Without a limit the same connection has no handler left over.
        try archive.readOnlySQL("SELECT count(*) FROM articles", columns: { _ in }, row: { _ in })
        #expect(throws: SQLRefusal.notAllowed("DELETE from articles")) {
            try archive.readOnlySQL("DELETE FROM articles", timeLimit: .seconds(5), columns: { _ in }, row: { _ in })
        }
    }

    @Test("word diff: shared words, removals and additions in reading order")
    func wordDiff() {
        let diff = WordDiff(from: "The council met on Monday and approved the budget.",
                            to: "The council met on Tuesday and approved the new budget.")
        #expect(diff.runs == [
            .init(change: .same, text: "The council met on"), .init(change: .removed, text: "Monday"),
            .init(change: .added, text: "Tuesday"), .init(change: .same, text: "and approved the"),
            .init(change: .added, text: "new"), .init(change: .same, text: "budget."),
        ])
        #expect(WordDiff(from: "a  b\n\nc", to: "a b c").isEmpty)
        #expect(WordDiff(from: "", to: "x y").runs == [.init(change: .added, text: "x y")])
        let capped = WordDiff(from: "same a b c same", to: "same d e same", maxCells: 2)
        #expect(capped.runs == [.init(change: .same, text: "same"), .init(change: .removed, text: "a b c"),
                                .init(change: .added, text: "d e"), .init(change: .same, text: "same")])
    }
}
