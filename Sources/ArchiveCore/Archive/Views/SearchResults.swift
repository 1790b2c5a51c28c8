/// What a page of results shows: its hits (the newest articles when the filter has no
/// query), how many articles the filter covers, and, for a page that offers them, the
/// facets for the next filter. `archive serve` renders it; the benchmark times it.
public struct SearchResults: Equatable, Sendable {
    public var hits: [SearchHit]
    /// Nil when the filter covers more articles than the count limit asked for.
    public var total: Int?
    public var facets: SearchFacets?
    /// How many of the newest matches were ranked, when not all were.
    public var rankedNewest: Int?

    public init(hits: [SearchHit], total: Int?, facets: SearchFacets? = nil, rankedNewest: Int? = nil) {
        self.hits = hits
        self.total = total
        self.facets = facets
        self.rankedNewest = rankedNewest
    }
}
