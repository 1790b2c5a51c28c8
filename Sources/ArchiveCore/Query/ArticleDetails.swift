/// Everything the archive knows about one article, for `archive show`.
public struct ArticleDetails: Equatable, Sendable {
    public var id: Int64
    public var title: String
    public var body: String
    public var tags: [String]
    public var published: String?
    public var publishedRaw: String?
    public var url: String?
    public var source: String?
    public var header: String?
    public var importedAt: String
    /// The canonical version of this article's story, when this is another version.
    public var duplicateOf: Int64?
    /// How close it is to the version it was matched with (`articles.similarity`).
    public var similarity: Double?
    public var matchRule: String?
    public var sightings: [Sighting]

    /// One place the article was read.
    public struct Sighting: Equatable, Sendable {
        public var path: String
        public var line: Int
        public var byteOffset: Int64
        public var seenAt: String
    }

    public static func load(id: Int64, from connection: Connection) throws -> ArticleDetails? {
        let article = try connection.prepare("""
            SELECT id, title, body, tags, published, published_raw, url, source, header, imported_at,
                   duplicate_of, similarity, match_rule
            FROM articles WHERE id = ?
            """).bind(.integer(id)).firstRow { row in
            ArticleDetails(
                id: Int64(row.int(0)), title: row.string(1), body: row.string(2), tags: StoredTags.decode(row.string(3)),
                published: row.optionalString(4), publishedRaw: row.optionalString(5), url: row.optionalString(6),
                source: row.optionalString(7), header: row.optionalString(8), importedAt: row.string(9),
                duplicateOf: row.optionalInt(10).map(Int64.init), similarity: row.isNull(11) ? nil : row.double(11),
                matchRule: row.optionalString(12), sightings: [])
        }
        guard var article else { return nil }
        try connection.prepare("""
            SELECT f.path, s.line, s.byte_offset, s.seen_at FROM sightings s JOIN files f ON f.id = s.file_id
            WHERE s.article_id = ? ORDER BY s.seen_at, f.path, s.byte_offset
            """).bind(.integer(id)).forEachRow { row in
            article.sightings.append(Sighting(path: row.string(0), line: row.int(1), byteOffset: Int64(row.int(2)), seenAt: row.string(3)))
        }
        return article
    }
}
