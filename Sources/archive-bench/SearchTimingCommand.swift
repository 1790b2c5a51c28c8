import ArchiveCore
import ArgumentParser
import Foundation

/// `archive-bench search`: opens the archive once and times each query of the mix through
/// `ArticleSearch`, as `archive search --limit 10` runs it, with a monotonic clock.
struct SearchTimingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Time the query mix in process; prints one JSON object.")

    @Option(help: ArgumentHelp("The archive.", valueName: "path"))
    var db: String

    @Option(help: ArgumentHelp("queries.json written by `corpus`.", valueName: "path"))
    var queries: String

    @Option(help: "Timed runs of each query (after one untimed run).")
    var runs = 7

    @Option(help: "Results per query, as `archive search --limit`.")
    var limit = 10

    @Flag(help: "Also count the matches of each query (not timed).")
    var count = false

    @Flag(help: "Also time what a web request asks beside the search: the page's facets, the API's count, each up to the server's default count limit.")
    var web = false

    struct QueryFile: Decodable {
        var queries: [QuerySelection.Query]
    }

    func run() throws {
        let file = try JSONDecoder().decode(QueryFile.self, from: Data(contentsOf: URL(fileURLWithPath: queries)))
        let clock = ContinuousClock()
        let openStart = clock.now
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let openTime = clock.now - openStart
        var results: [String] = []
        for query in file.queries {
            let filter = try ArticleFilter(query: SearchQuery(query.query, raw: query.raw), since: query.since, until: query.until, tags: query.tags)
            var hits: [SearchHit] = []
            let times = try timed { hits = try archive.search(filter, limit: limit).hits }
            let matches = count ? String(try archive.count(filter)) : "null"
            var fields = ["\"name\":\(JSONText.string(query.name))", "\"hits\":\(hits.count)", "\"matches\":\(matches)", "\"ms\":\(Self.list(times))"]
            if web {
                // What the server asks for a page (20 hits and the facets) and for an API
                // request (10 hits and the count), up to its default count limit.
                let limit = SearchReach.standardWindow
                let page = try timed {
                    _ = try archive.results(filter, limit: 20, offset: 0, marks: .markdown, withFacets: true, countLimit: limit)
                }
                let api = try timed {
                    _ = try archive.results(filter, limit: 10, offset: 0, marks: .markdown, withFacets: false, countLimit: limit)
                }
                fields += ["\"page_ms\":\(Self.list(page))", "\"api_ms\":\(Self.list(api))"]
            }
            results.append("{" + fields.joined(separator: ",") + "}")
        }
        print("{\"open_ms\":\(String(format: "%.3f", Self.milliseconds(openTime))),\"queries\":[\n" + results.joined(separator: ",\n") + "\n]}")
    }

    /// The times of `runs` runs of `work`, after one untimed run.
    private func timed(_ work: () throws -> Void) throws -> [Double] {
        let clock = ContinuousClock()
        try work()
        return try (0..<runs).map { _ in
            let start = clock.now
            try work()
            return Self.milliseconds(clock.now - start)
        }
    }

    private static func list(_ times: [Double]) -> String {
        "[" + times.map { String(format: "%.3f", $0) }.joined(separator: ",") + "]"
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}
