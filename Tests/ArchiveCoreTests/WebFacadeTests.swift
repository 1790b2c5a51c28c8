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

    @Test("a filter covering more than the tag sample: tags of its newest articles only; years and total of all")
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
        // Without a query the sample is of the newest articles the filter covers: the
        // last imported of all, and the newest of those tagged Weather.
        let front = try archive.facets(try ArticleFilter(), tagSample: 1)
        #expect(front.tagsAmongNewest == 1)
        #expect(front.tags == [ArchiveStats.TagCount(tag: "Economy", count: 1)])
        #expect(front.total == 4)
        let weather = try archive.facets(try ArticleFilter(tags: ["weather"]), tagSample: 1)
        #expect(Set(weather.tags.map(\.tag)) == ["Trade", "weather"])
        #expect(try archive.facets(try ArticleFilter(), tagSample: 4).tagsAmongNewest == nil)
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

    /// Six articles with `lighthouse`, imported oldest year first, one undated, and
    /// one without the word.
    private static func lighthouses(_ directory: TemporaryDirectory) throws -> String {
        let years = ["2019", "2020", "2020", "2021", "2023"]
        var lines = years.enumerated().map { index, year in
            #"{"title": "Lighthouse report \#(index)", "body": "The lighthouse keeper wrote entry \#(index).", "published": "\#(year)-06-01"}"#
        }
        lines.append(#"{"title": "Lighthouse without a date", "body": "An undated lighthouse note."}"#)
        lines.append(#"{"title": "Harbour fees", "body": "Nothing about lights.", "published": "2024-01-01"}"#)
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", lines.joined(separator: "\n"))], into: db)
        return db
    }

    @Test("a count limit: exact up to it, nil past it; years of the newest articles only, and no total")
    func countLimit() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try Self.lighthouses(directory), mode: .read)
        defer { archive.close() }
        for filter in [try ArticleFilter(query: SearchQuery("lighthouse")), try ArticleFilter(query: SearchQuery("lightho*")),
                       try ArticleFilter(since: "2019", until: "2023")] {
            let total = try archive.count(filter)
            #expect(total == 6 || total == 5)
            #expect(try archive.count(filter, upTo: total) == total)
            #expect(try archive.count(filter, upTo: total + 10) == total)
            #expect(try archive.count(filter, upTo: total - 1) == nil)
            #expect(try archive.count(filter, upTo: 1) == nil)
            let exact = try archive.facets(filter, countLimit: total)
            #expect(exact == (try archive.facets(filter)))
            #expect(exact.total == total && exact.yearsAmongNewest == nil)
        }
        let lighthouse = try ArticleFilter(query: SearchQuery("lighthouse"))
        // The newest three by import: the undated note, 2023 and 2021.
        let three = try archive.facets(lighthouse, countLimit: 3)
        #expect(three.total == nil)
        #expect(three.yearsAmongNewest == 3)
        #expect(three.years == [PeriodCount(period: "2023", count: 1), PeriodCount(period: "2021", count: 1)])
        let five = try archive.facets(lighthouse, countLimit: 5)
        #expect(five.total == nil)
        #expect(five.years == [PeriodCount(period: "2023", count: 1), PeriodCount(period: "2021", count: 1),
                               PeriodCount(period: "2020", count: 2)])
        // The tags are unaffected by the limit.
        #expect(five.tags == (try archive.facets(lighthouse)).tags)
    }

    @Test("a page of results: the search with the facets' total, or with the count alone; the newest without a query")
    func results() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: try Self.lighthouses(directory), mode: .read)
        defer { archive.close() }
        let lighthouse = try ArticleFilter(query: SearchQuery("lighthouse"))
        let page = try archive.results(lighthouse, limit: 2, offset: 1, marks: .markdown, withFacets: true, countLimit: nil)
        #expect(page.hits == (try archive.search(lighthouse, limit: 2, offset: 1)).hits)
        #expect(page.facets == (try archive.facets(lighthouse)))
        #expect(page.total == 6)
        let limited = try archive.results(lighthouse, limit: 2, offset: 0, marks: .markdown, withFacets: true, countLimit: 3)
        #expect(limited.total == nil && limited.facets?.yearsAmongNewest == 3)
        let api = try archive.results(lighthouse, limit: 10, offset: 0, marks: .markdown, withFacets: false, countLimit: 3)
        #expect(api.facets == nil && api.total == nil && api.hits.count == 6)
        #expect(try archive.results(lighthouse, limit: 10, offset: 0, marks: .markdown, withFacets: false, countLimit: 6).total == 6)
        let everything = try ArticleFilter(since: "2020")
        let newest = try archive.results(everything, limit: 10, offset: 0, marks: .markdown, withFacets: false, countLimit: nil)
        #expect(newest.hits == (try archive.newest(everything, limit: 10)))
        #expect(newest.total == 5 && newest.rankedNewest == nil)
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
