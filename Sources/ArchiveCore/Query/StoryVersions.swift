/// A story with more than one version, for `archive duplicates`.
public struct StoryCluster: Equatable, Sendable {
    public var canonical: Int64
    public var title: String
    /// Every version's id, the canonical's included, ascending.
    public var members: [Int64]
    /// The lowest similarity among the versions' links (see `articles.similarity`).
    public var similarity: Double

    /// Stories with two or more versions, the most versions first.
    public static func list(_ connection: Connection, limit: Int?) throws -> [StoryCluster] {
        var clusters: [StoryCluster] = []
        try connection.prepare("""
            SELECT c.id, c.title, group_concat(v.id), min(v.similarity)
            FROM articles c JOIN articles v ON v.duplicate_of = c.id
            GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT ?
            """).bind(.integer(Int64(limit ?? -1))).forEachRow { row in
            let canonical = Int64(row.int(0))
            let members = row.string(2).split(separator: ",").compactMap { Int64($0) }
            clusters.append(StoryCluster(canonical: canonical, title: row.string(1),
                                         members: ([canonical] + members).sorted(), similarity: row.double(3)))
        }
        return clusters
    }
}

/// Another version of an article's story, compared with the article.
public struct StoryVersion: Equatable, Sendable {
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

    /// The other versions of `id`'s story, canonical first.
    public static func list(of id: Int64, _ connection: Connection, policy: NearDuplicatePolicy) throws -> [StoryVersion] {
        guard let (body, canonical) = try connection.prepare("SELECT body, coalesce(duplicate_of, id) FROM articles WHERE id = ?")
            .bind(.integer(id)).firstRow({ ($0.string(0), Int64($0.int(1))) }) else { return [] }
        let mine = Shingles(text: body)
        var versions: [StoryVersion] = []
        try connection.prepare("""
            SELECT id, title, published, body FROM articles WHERE (id = ?1 OR duplicate_of = ?1) AND id <> ?2
            ORDER BY id <> ?1, id
            """).bind(.integer(canonical), .integer(id)).forEachRow { row in
            let theirs = Shingles(text: row.string(3))
            versions.append(StoryVersion(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                isCanonical: Int64(row.int(0)) == canonical, jaccard: mine.jaccard(theirs), shingles: theirs.count,
                isTruncatedCopy: policy.supersedes(mine, canonical: theirs), truncatesThis: policy.supersedes(theirs, canonical: mine)))
        }
        return versions
    }
}
