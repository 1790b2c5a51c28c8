/// An article as `archive export` writes it.
public struct ExportedArticle: Equatable, Sendable {
    public var id: Int64
    public var title: String
    public var published: String?
    public var tags: [String]
    public var body: String
    public var url: String?
    public var source: String?
    public var publishedRaw: String?
    public var header: String?

    /// The CSV columns, in order. Every field `import` reads is here, so an export
    /// imports back into a new archive as the same articles.
    public static let columns = ["id", "title", "published", "tags", "body", "url", "source", "published_raw", "header"]

    /// The values for `columns`; tags joined with ` | `, which `import` splits back exactly.
    public var csvValues: [String?] {
        [String(id), title, published, Tags.join(tags), body, url, source, publishedRaw, header]
    }
}

/// Streams the articles a filter covers, in archive order (by id), one at a time.
public struct ArticleExport {
    public let connection: Connection

    public init(connection: Connection) {
        self.connection = connection
    }

    public func forEach(_ filter: ArticleFilter, _ body: (ExportedArticle) throws -> Void) throws {
        let parts = try FilterSQL(filter)
        let sql = """
            SELECT a.id, a.title, a.published, a.tags, a.body, a.url, a.source, a.published_raw, a.header
            FROM \(parts.from) \(parts.whereClause) ORDER BY a.id
            """
        try connection.queryRows(sql, parts.values, filter: filter) { row in
            try body(ExportedArticle(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                tags: StoredTags.decode(row.string(3)), body: row.string(4), url: row.optionalString(5),
                source: row.optionalString(6), publishedRaw: row.optionalString(7), header: row.optionalString(8)))
        }
    }
}
