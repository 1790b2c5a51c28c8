/// One search result, as every front end shows it.
public struct SearchHit: Equatable, Sendable, Encodable {
    public var id: Int64
    public var title: String
    public var published: String?
    public var tags: [String]
    /// A passage of the body around the matches, the matches between the marks.
    public var snippet: String
    /// bm25 with the title weighted above the body: smaller is better.
    public var rank: Double
    public var url: String?
    public var source: String?
    public var authors: [String] = []

    /// The wire keys (README, "search --format json"), in order; keys added later go
    /// at the end (`authors`), as CSV columns do.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, published, tags, snippet, rank, url, source, authors
    }

    /// The CSV columns of a hit, in order, and the row of this one.
    public static let csvColumns = CodingKeys.allCases.map(\.rawValue)
    public var csvRow: [String?] {
        [String(id), title, published, Tags.join(tags), snippet, "\(rank)", url, source, Authors.join(authors)]
    }
}

/// A page of search results, and how many of the newest matches were ranked (nil: all).
public struct SearchPage: Equatable, Sendable {
    public var hits: [SearchHit]
    public var rankedNewest: Int?
}
