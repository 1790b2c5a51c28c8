import ArchiveCore

/// What a search request finds (`Archive.results`), with what the pages add to it.
extension SearchResults {
    /// The marks the HTML pages put around matches: characters no text is expected to
    /// hold, replaced by `<mark>` once the snippet has been escaped.
    static let htmlMarks = SearchMarks(open: "\u{E000}", close: "\u{E001}")

    /// `countLimit`: how far the total (and the year facet) counts (`ServeConfiguration.countLimit`).
    static func load(_ search: SearchRequest, from archive: Archive, marks: SearchMarks, withFacets: Bool,
                     countLimit: Int?) throws -> SearchResults {
        try archive.results(try search.filter(), limit: search.limit, offset: search.offset, marks: marks,
                            withFacets: withFacets, countLimit: countLimit)
    }

    /// The offset of the next page, when there is one.
    func nextOffset(after search: SearchRequest) -> Int? {
        let next = search.offset + search.limit
        return hits.count == search.limit && next < total ?? .max && next <= SearchRequest.maximumOffset ? next : nil
    }
}
