import ArchiveCore

/// What a search request finds: a page of hits (the newest articles when there is no
/// query), how many the filter covers, and the facets for the next filter.
struct SearchResults: Sendable {
    var hits: [SearchHit]
    /// Nil when the filter covers more than the count limit's articles.
    var total: Int?
    var facets: SearchFacets?
    /// How many of the newest matches were ranked, when not all were.
    var rankedNewest: Int?

    /// The marks the HTML pages put around matches: characters no text is expected to
    /// hold, replaced by `<mark>` once the snippet has been escaped.
    static let htmlMarks = SearchMarks(open: "\u{E000}", close: "\u{E001}")

    /// `countLimit`: how far the total (and the year facet) counts (`ServeConfiguration.countLimit`).
    static func load(_ search: SearchRequest, from archive: Archive, marks: SearchMarks, withFacets: Bool,
                     countLimit: Int?) throws -> SearchResults {
        let filter = try search.filter()
        var results = SearchResults(hits: [], total: nil)
        if filter.query != nil {
            let page = try archive.search(filter, limit: search.limit, offset: search.offset, marks: marks)
            results.hits = page.hits
            results.rankedNewest = page.rankedNewest
        } else {
            results.hits = try archive.newest(filter, limit: search.limit, offset: search.offset)
        }
        if withFacets {
            let facets = try archive.facets(filter, countLimit: countLimit)
            results.facets = facets
            results.total = facets.total
        } else {
            results.total = try countLimit.map { try archive.count(filter, upTo: $0) } ?? archive.count(filter)
        }
        return results
    }

    /// The offset of the next page, when there is one.
    func nextOffset(after search: SearchRequest) -> Int? {
        let next = search.offset + search.limit
        return hits.count == search.limit && next < total ?? .max && next <= SearchRequest.maximumOffset ? next : nil
    }
}
