/// One search result.
public struct SearchHit: Equatable, Sendable {
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
}

/// Ranked full-text search over an archive.
public struct ArticleSearch {
    public let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    /// The marks put around matching words in snippets.
    public struct Marks: Sendable {
        public var open: String
        public var close: String

        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }

        public static let markdown = Marks(open: "**", close: "**")
    }

    /// The best `limit` matches after skipping `offset`, best first. Ranking uses the
    /// index's stored rank function (bm25 weighting title 10, body 1, tags 4).
    public func search(_ filter: ArticleFilter, limit: Int, offset: Int = 0, marks: Marks = .markdown) throws -> [SearchHit] {
        guard filter.query != nil else { throw SearchError.emptyQuery }
        let parts = try FilterSQL(filter)
        let sql = """
            SELECT a.id, a.title, a.published, a.tags, snippet(articles_fts, 1, ?, ?, '…', 24), rank, a.url, a.source
            FROM \(parts.from) \(parts.whereClause)
            ORDER BY rank LIMIT ? OFFSET ?
            """
        var hits: [SearchHit] = []
        let values: [SQLiteValue] = [.text(marks.open), .text(marks.close)] + parts.values
            + [.integer(Int64(limit)), .integer(Int64(offset))]
        try connection.queryRows(sql, values, filter: filter) { row in
            hits.append(SearchHit(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                tags: StoredTags.decode(row.string(3)), snippet: row.string(4), rank: row.double(5),
                url: row.optionalString(6), source: row.optionalString(7)))
        }
        return hits
    }

    /// How many articles the filter covers.
    public func count(_ filter: ArticleFilter) throws -> Int {
        let parts = try FilterSQL(filter)
        var total = 0
        try connection.queryRows("SELECT count(*) FROM \(parts.from) \(parts.whereClause)", parts.values, filter: filter) {
            total = $0.int(0)
        }
        return total
    }
}

/// `articles.tags` holds a JSON array of strings.
enum StoredTags {
    static func decode(_ text: String) -> [String] {
        guard case .array(let values)? = try? JSONValue.parse(Array(text.utf8)) else { return [] }
        return values.compactMap { if case .string(let tag) = $0 { return tag } else { return nil } }
    }
}
