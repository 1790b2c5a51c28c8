/// Ranked full-text search over an archive.
struct ArticleSearch {
    let connection: Connection

    typealias Marks = SearchMarks
    typealias Reach = SearchReach

    /// The best `limit` matches after skipping `offset`, best first. Ranking uses the
    /// index's stored rank function (bm25 weighting title 10, body 1, tags 4).
    func search(_ filter: ArticleFilter, limit: Int, offset: Int = 0, marks: Marks = .markdown) throws -> [SearchHit] {
        try search(filter, limit: limit, offset: offset, marks: marks, reach: .standard).hits
    }

    func search(_ filter: ArticleFilter, limit: Int, offset: Int = 0, marks: Marks = .markdown, reach: Reach) throws -> SearchPage {
        guard let query = filter.query else { throw SearchError.emptyQuery }
        var parts = try FilterSQL(filter)
        if case .newest = reach {
            // The rewrite touches only simple expressions, and keeps a wrong one wrong:
            // SQLite still judges every query.
            parts = try FilterSQL(filter, expression: PrefixExpansion(connection: connection).expand(query.ftsExpression()))
        }
        if case .newest(let base) = reach {
            var window = max(base, (limit + offset) * 4)
            // The window grows until the filters leave a full page, or it holds every match.
            while let cutoff = try newestMatch(parts, filter: filter, number: window) {
                let hits = try ranked(parts, filter: filter, fromID: cutoff, limit: limit, offset: offset, marks: marks)
                if hits.count == limit { return SearchPage(hits: hits, rankedNewest: window) }
                window *= 4
            }
        }
        return SearchPage(hits: try ranked(parts, filter: filter, fromID: nil, limit: limit, offset: offset, marks: marks), rankedNewest: nil)
    }

    /// The id of the `number`-th newest article matching the query, nil when fewer match.
    /// Only the index's document lists are walked, newest first: no ranking.
    private func newestMatch(_ parts: FilterSQL, filter: ArticleFilter, number: Int) throws -> Int64? {
        guard let expression = parts.matchExpression else { return nil }
        var cutoff: Int64?
        try connection.queryRows("""
            SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
            """, [.text(expression), .integer(Int64(number - 1))], filter: filter) { cutoff = Int64($0.int(0)) }
        return cutoff
    }

    private func ranked(_ parts: FilterSQL, filter: ArticleFilter, fromID: Int64?, limit: Int, offset: Int, marks: Marks) throws -> [SearchHit] {
        var conditions = parts.whereClause
        var values: [SQLValue] = [.text(marks.open), .text(marks.close)] + parts.values
        if let fromID {
            conditions += " AND articles_fts.rowid >= ?"
            values.append(.integer(fromID))
        }
        let sql = """
            SELECT a.id, a.title, a.published, a.tags, snippet(articles_fts, 1, ?, ?, '…', 24), rank, a.url, a.source
            FROM \(parts.from) \(conditions)
            ORDER BY rank LIMIT ? OFFSET ?
            """
        values += [.integer(Int64(limit)), .integer(Int64(offset))]
        var hits: [SearchHit] = []
        try connection.queryRows(sql, values, filter: filter) { row in
            hits.append(SearchHit(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                tags: StoredTags.decode(row.string(3)), snippet: row.string(4), rank: row.double(5),
                url: row.optionalString(6), source: row.optionalString(7)))
        }
        return hits
    }

    /// How many articles the filter covers.
    func count(_ filter: ArticleFilter) throws -> Int {
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
