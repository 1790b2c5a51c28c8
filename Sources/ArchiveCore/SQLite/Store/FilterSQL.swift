/// The FROM and WHERE parts of a query over `articles` (aliased `a`) for a filter, with
/// the values to bind in order. Searches, exports and counts share it.
struct FilterSQL {
    var from: String
    var conditions: [String] = []
    var values: [SQLValue] = []
    /// The FTS5 MATCH expression, when the filter has a query.
    var matchExpression: String?

    /// `expression`: the MATCH expression to use instead of the query's own (rewritten).
    init(_ filter: ArticleFilter, expression rewritten: String? = nil) throws(SearchError) {
        if let query = filter.query {
            from = "articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            conditions.append("articles_fts MATCH ?")
            let expression: String
            if let rewritten { expression = rewritten } else { expression = try query.ftsExpression() }
            matchExpression = expression
            values.append(.text(expression))
        } else {
            from = "articles a"
        }
        if !filter.allVersions {
            conditions.append("a.duplicate_of IS NULL")
        }
        if let since = filter.since {
            conditions.append("a.published >= ?")
            values.append(.text(since))
        }
        if let until = filter.until {
            conditions.append("a.published < ?")
            values.append(.text(until))
        }
        for tag in filter.tags {
            conditions.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ? COLLATE NOCASE)")
            values.append(.text(tag))
        }
    }

    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }
}

extension Connection {
    /// Runs a statement built from a filter; FTS5's complaints about a raw query become
    /// `SearchError.invalidQuery` with SQLite's words.
    func queryRows(_ sql: String, _ values: [SQLValue], filter: ArticleFilter, _ body: (Statement) throws -> Void) throws {
        do {
            let statement = try prepare(sql)
            try statement.bind(values)
            try statement.forEachRow(body)
        } catch let error as SQLiteError where filter.query?.isRaw == true && error.code == 1 {
            throw SearchError.invalidQuery(error.message)
        }
    }
}
