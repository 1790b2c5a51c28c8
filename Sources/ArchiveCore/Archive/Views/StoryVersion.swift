/// Another version of an article's story, compared with the article.
public struct StoryVersion: Equatable, Sendable, Encodable {
    public var id: Int64
    public var title: String
    public var published: String?
    public var isCanonical: Bool
    /// Shingle Jaccard with the article shown.
    public var jaccard: Double
    /// Length in shingles, to tell which is cut short.
    public var shingles: Int
    /// True when this version looks like a cut-short copy of the article shown
    /// (clearly shorter, and most of it found in the article).
    public var isTruncatedCopy: Bool
    /// True when the article shown looks like a cut-short copy of this version.
    public var truncatesThis: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, published, isCanonical = "canonical", jaccard, shingles
        case isTruncatedCopy = "truncated_copy", truncatesThis = "truncates_this"
    }

    /// Compares a stored version with the article shown; the shingles say how alike
    /// they are and which one is cut short.
    init(id: Int64, title: String, published: String?, isCanonical: Bool, body: String, comparedWith article: Shingles,
         policy: NearDuplicatePolicy) {
        let theirs = Shingles(text: body)
        self.init(id: id, title: title, published: published, isCanonical: isCanonical, jaccard: article.jaccard(theirs),
                  shingles: theirs.count, isTruncatedCopy: policy.supersedes(article, canonical: theirs),
                  truncatesThis: policy.supersedes(theirs, canonical: article))
    }

    public init(id: Int64, title: String, published: String?, isCanonical: Bool, jaccard: Double, shingles: Int,
                isTruncatedCopy: Bool, truncatesThis: Bool) {
        self.id = id
        self.title = title
        self.published = published
        self.isCanonical = isCanonical
        self.jaccard = jaccard
        self.shingles = shingles
        self.isTruncatedCopy = isTruncatedCopy
        self.truncatesThis = truncatesThis
    }
}

/// A story with more than one version, for `archive duplicates`.
public struct StoryCluster: Equatable, Sendable, Encodable {
    public var canonical: Int64
    public var title: String
    /// Every version's id, the canonical's included, ascending.
    public var members: [Int64]
    /// The lowest similarity among the versions' links (see `articles.similarity`).
    public var similarity: Double

    enum CodingKeys: String, CodingKey {
        case canonical, title, members, versions, similarity
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(canonical, forKey: .canonical)
        try c.encode(title, forKey: .title)
        try c.encode(members, forKey: .members)
        try c.encode(members.count, forKey: .versions)
        try c.encode(similarity, forKey: .similarity)
    }
}
