/// Everything the archive knows about one article: its fields, every place it was read,
/// and the other versions of its story compared with it (`archive show`).
public struct ArticleView: Equatable, Sendable, Encodable {
    public var id: Int64
    public var title: String
    public var body: String
    public var tags: [String]
    public var published: String?
    public var publishedRaw: String?
    public var url: String?
    public var source: String?
    public var authors: [String]
    public var header: String?
    public var importedAt: String
    /// The canonical version of this article's story, when this is another version.
    public var duplicateOf: Int64?
    /// How close it is to the version it was matched with (`articles.similarity`).
    public var similarity: Double?
    public var matchRule: String?
    public var sightings: [Sighting]
    /// The other versions of its story, canonical first.
    public var versions: [StoryVersion] = []

    /// The start of the body, as a search hit's snippet would stand for it.
    public var snippet: String { String(body.prefix(Self.snippetLength)) }
    public static let snippetLength = 200

    /// One place the article was read.
    public struct Sighting: Equatable, Sendable, Encodable {
        public var path: String
        public var line: Int
        public var byteOffset: Int64
        public var seenAt: String

        enum CodingKeys: String, CodingKey {
            case path, line, byteOffset = "byte_offset", seenAt = "seen_at"
        }
    }

    /// The wire keys: a search hit's first (rank null), then the rest (README, "show").
    enum CodingKeys: String, CodingKey {
        case id, title, published, tags, snippet, rank, body, url, source, authors
        case publishedRaw = "published_raw", header, importedAt = "imported_at", seen
        case duplicateOf = "duplicate_of", similarity, matchRule = "match_rule", versions
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(published, forKey: .published)
        try c.encode(tags, forKey: .tags)
        try c.encode(snippet, forKey: .snippet)
        try c.encodeNil(forKey: .rank)
        try c.encode(body, forKey: .body)
        try c.encode(url, forKey: .url)
        try c.encode(source, forKey: .source)
        try c.encode(authors, forKey: .authors)
        try c.encode(publishedRaw, forKey: .publishedRaw)
        try c.encode(header, forKey: .header)
        try c.encode(importedAt, forKey: .importedAt)
        try c.encode(sightings, forKey: .seen)
        try c.encode(duplicateOf, forKey: .duplicateOf)
        try c.encode(similarity, forKey: .similarity)
        try c.encode(matchRule, forKey: .matchRule)
        try c.encode(versions, forKey: .versions)
    }
}
