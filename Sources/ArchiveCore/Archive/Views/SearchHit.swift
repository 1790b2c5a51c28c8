/// One search result, as every front end shows it.
public struct SearchHit: Equatable, Sendable, Encodable {
    public var id: Int64
    public var title: String
    public var published: String?
    public var tags: [String]
    /// A passage of the body around the matches, the matches between the marks.
    public var snippet: String
    /// bm25 with the title weighted above the body: smaller is better. nil for an
    /// article listed without a query (the newest articles), which nothing ranked.
    public var rank: Double?
    public var url: String?
    public var source: String?
    public var authors: [String] = []

    /// The wire keys (README, "search --format json"), in order; keys added later go
    /// at the end (`authors`), as CSV columns do.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, published, tags, snippet, rank, url, source, authors
    }

    /// Every key is written, a missing value as null (the README's objects have them all).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(tags, forKey: .tags)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(rank, forKey: .rank)
        try c.encode(url, forKey: .url)
        try c.encode(source, forKey: .source)
        try c.encode(authors, forKey: .authors)
    }

    /// The CSV columns of a hit, in order, and the row of this one.
    public static let csvColumns = CodingKeys.allCases.map(\.rawValue)
    public var csvRow: [String?] {
        [String(id), title, published, Tags.join(tags), snippet, rank.map { "\($0)" }, url, source, Authors.join(authors)]
    }
}

/// A page of search results, and how many of the newest matches were ranked (nil: all).
public struct SearchPage: Equatable, Sendable {
    public var hits: [SearchHit]
    public var rankedNewest: Int?
}
