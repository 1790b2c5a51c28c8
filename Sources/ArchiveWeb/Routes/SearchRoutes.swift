import ArchiveCore
import HTTPTypes
import Hummingbird

/// `/` (the search page) and `/api/search`, which take the same parameters.
extension Site {
    /// The JSON answer of `/api/search`; the hits are written as `archive search --format json` writes them.
    struct SearchAnswer: Encodable {
        var hits: [SearchHit]
        var total: Int?
        var next: String?
    }

    func addSearchRoutes(to router: Router<Context>) {
        router.get("/") { request, _ -> Response in
            let search = try SearchRequest(QueryString(request.uri.query))
            let results = try await workers.run { try SearchResults.load(search, from: $0, marks: SearchResults.htmlMarks, withFacets: true, countLimit: countLimit) }
            return Reply.html(SearchPage(search: search, results: results, countLimit: countLimit).html)
        }
        router.get("/api/search") { request, _ -> Response in
            let search = try SearchRequest(QueryString(request.uri.query))
            let results = try await workers.run { try SearchResults.load(search, from: $0, marks: .markdown, withFacets: false, countLimit: countLimit) }
            let next = results.nextOffset(after: search).map { search.page("/api/search", offset: $0) }
            return Reply.json(try WireJSON.string(SearchAnswer(hits: results.hits, total: results.total, next: next)))
        }
    }
}
