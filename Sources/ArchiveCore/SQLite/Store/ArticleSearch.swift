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
        guard filter.query != nil else { throw SearchError.emptyQuery }
        let parts = reach == .everything
            ? try FilterSQL(filter, cjkInUse: try CJKIndex(connection: connection).hasArticles())
            : try FilterSQL.walkingNewestFirst(filter, on: connection)
        if case .newest(let base) = reach {
            var window = max(base, (limit + offset) * 4)
            // The window grows until the filters leave a full page, or it holds every match.
            while let cutoff = try parts.newestMatch(number: window, filter: filter, in: connection) {
                let hits = try ranked(parts, filter: filter, fromID: cutoff, limit: limit, offset: offset, marks: marks)
                if hits.count == limit { return SearchPage(hits: hits, rankedNewest: window) }
                window *= 4
            }
        }
        return SearchPage(hits: try ranked(parts, filter: filter, fromID: nil, limit: limit, offset: offset, marks: marks), rankedNewest: nil)
    }

    private func ranked(_ parts: FilterSQL, filter: ArticleFilter, fromID: Int64?, limit: Int, offset: Int, marks: Marks) throws -> [SearchHit] {
        var conditions = parts.whereClause
        // With articles_fts alone, FTS5 makes the snippet; otherwise it is made for the
        // page's hits only, below.
        let snippet = parts.readsFullTextOnly ? "snippet(articles_fts, 1, ?, ?, '…', 24), 0" : "NULL, m.source"
        var values: [SQLValue] = (parts.readsFullTextOnly ? [.text(marks.open), .text(marks.close)] : []) + parts.values
        if let fromID {
            conditions += (conditions.isEmpty ? "WHERE " : " AND ") + "\(parts.idColumn) >= ?"
            values.append(.integer(fromID))
        }
        let sql = """
            SELECT a.id, a.title, a.published, a.tags, \(snippet), \(parts.scoreColumn), a.url, a.source, a.authors
            FROM \(parts.from) \(conditions)
            ORDER BY \(parts.scoreColumn) LIMIT ? OFFSET ?
            """
        values += [.integer(Int64(limit)), .integer(Int64(offset))]
        var hits: [SearchHit] = []
        var sources: [Int] = []
        try connection.queryRows(sql, values, filter: filter) { row in
            hits.append(SearchHit(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                tags: StoredTags.decode(row.string(3)), snippet: row.optionalString(4) ?? "", rank: row.double(6),
                url: row.optionalString(7), source: row.optionalString(8), authors: StoredTags.decode(row.string(9))))
            sources.append(row.int(5))
        }
        if !parts.readsFullTextOnly, let query = filter.query {
            for index in hits.indices {
                hits[index].snippet = try self.snippet(for: hits[index].id, fromCJKIndex: sources[index] == 1, query: query, parts: parts, marks: marks)
            }
        }
        return hits
    }

    /// The snippet of one hit: FTS5's for an article matched in articles_fts, which
    /// holds its text; `CJKSnippet`'s for one matched in articles_cjk, which holds none.
    private func snippet(for id: Int64, fromCJKIndex: Bool, query: SearchQuery, parts: FilterSQL, marks: Marks) throws -> String {
        if fromCJKIndex {
            let body = try connection.prepare("SELECT body FROM articles WHERE id = ?").bind(.integer(id)).firstRow { $0.string(0) } ?? ""
            return CJKSnippet(query: query).snippet(of: body, marks: marks)
        }
        guard let expression = parts.matchValues.first else { return "" }
        return try connection.prepare("""
            SELECT snippet(articles_fts, 1, ?, ?, '…', 24) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?
            """).bind(.text(marks.open), .text(marks.close), expression, .integer(id)).firstRow { $0.string(0) } ?? ""
    }

    /// How many articles the filter covers.
    func count(_ filter: ArticleFilter) throws -> Int {
        try counted(filter, upTo: nil)
    }

    /// How many articles the filter covers, nil when more than `limit`. The first
    /// `limit` + 1 articles found end the walk, in whatever order the plan finds them.
    func count(_ filter: ArticleFilter, upTo limit: Int) throws -> Int? {
        let found = try counted(filter, upTo: limit + 1)
        return found > limit ? nil : found
    }

    private func counted(_ filter: ArticleFilter, upTo limit: Int?) throws -> Int {
        let parts = try FilterSQL.walkingNewestFirst(filter, on: connection, filterColumnsOnly: try FilterIndex.exists(connection))
        let sql = limit == nil
            ? "SELECT count(*) FROM \(parts.from) \(parts.whereClause)"
            : "SELECT count(*) FROM (SELECT 1 FROM \(parts.from) \(parts.whereClause) LIMIT ?)"
        var total = 0
        try connection.queryRows(sql, parts.values + (limit.map { [.integer(Int64($0))] } ?? []), filter: filter) {
            total = $0.int(0)
        }
        return total
    }
}

/// `articles.tags` and `articles.authors` hold a JSON array of strings.
enum StoredTags {
    static func decode(_ text: String) -> [String] {
        guard case .array(let values)? = try? JSONValue.parse(Array(text.utf8)) else { return [] }
        return values.compactMap { if case .string(let tag) = $0 { return tag } else { return nil } }
    }
}
