/// The queries behind `archive show` and `archive duplicates`: one article with where it
/// was read and its story's versions, and the stories with several versions.
struct ArticleQueries {
    let connection: Connection

    /// The article with its sightings (no versions), nil when there is none.
    func article(id: Int64) throws -> ArticleView? {
        let article = try connection.prepare("""
            SELECT id, title, body, tags, published, published_raw, url, source, header, imported_at,
                   duplicate_of, similarity, match_rule, authors
            FROM articles WHERE id = ?
            """).bind(.integer(id)).firstRow { row in
            ArticleView(
                id: Int64(row.int(0)), title: row.string(1), body: row.string(2), tags: StoredTags.decode(row.string(3)),
                published: row.optionalString(4), publishedRaw: row.optionalString(5), url: row.optionalString(6),
                source: row.optionalString(7), authors: StoredTags.decode(row.string(13)), header: row.optionalString(8), importedAt: row.string(9),
                duplicateOf: row.optionalInt(10).map(Int64.init), similarity: row.isNull(11) ? nil : row.double(11),
                matchRule: row.optionalString(12), sightings: [])
        }
        guard var article else { return nil }
        try connection.prepare("""
            SELECT f.path, s.line, s.byte_offset, s.seen_at FROM sightings s JOIN files f ON f.id = s.file_id
            WHERE s.article_id = ? ORDER BY s.seen_at, f.path, s.byte_offset
            """).bind(.integer(id)).forEachRow { row in
            article.sightings.append(ArticleView.Sighting(path: row.string(0), line: row.int(1), byteOffset: Int64(row.int(2)), seenAt: row.string(3)))
        }
        return article
    }

    /// Stories with two or more versions, the most versions first.
    func stories(limit: Int?, offset: Int = 0) throws -> [StoryCluster] {
        var clusters: [StoryCluster] = []
        try connection.prepare("""
            SELECT c.id, c.title, group_concat(v.id), min(v.similarity)
            FROM articles c JOIN articles v ON v.duplicate_of = c.id
            GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT ? OFFSET ?
            """).bind(.integer(Int64(limit ?? -1)), .integer(Int64(offset))).forEachRow { row in
            let canonical = Int64(row.int(0))
            let members = row.string(2).split(separator: ",").compactMap { Int64($0) }
            clusters.append(StoryCluster(canonical: canonical, title: row.string(1),
                                         members: ([canonical] + members).sorted(), similarity: row.double(3)))
        }
        return clusters
    }

    /// The other versions of `id`'s story, canonical first.
    func versions(of id: Int64, policy: NearDuplicatePolicy) throws -> [StoryVersion] {
        guard let (body, canonical) = try connection.prepare("SELECT body, coalesce(duplicate_of, id) FROM articles WHERE id = ?")
            .bind(.integer(id)).firstRow({ ($0.string(0), Int64($0.int(1))) }) else { return [] }
        let mine = Shingles(text: body)
        var versions: [StoryVersion] = []
        try connection.prepare("""
            SELECT id, title, published, body FROM articles WHERE (id = ?1 OR duplicate_of = ?1) AND id <> ?2
            ORDER BY id <> ?1, id
            """).bind(.integer(canonical), .integer(id)).forEachRow { row in
            versions.append(StoryVersion(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                isCanonical: Int64(row.int(0)) == canonical, body: row.string(3), comparedWith: mine, policy: policy))
        }
        return versions
    }
}
