/// The FROM and WHERE parts of a query over `articles` (aliased `a`) for a filter, with
/// the values to bind in order. Searches, exports and counts share it.
///
/// A query reads `articles_fts` alone while no article is in the CJK index (the plain
/// join, as every archive without such text has it). Otherwise the matches come from a
/// subquery `m (id, score, source)`: articles_fts for articles outside the CJK index
/// (source 0) and articles_cjk for those in it (source 1); a query with Chinese,
/// Japanese or Korean characters reads articles_cjk alone.
struct FilterSQL {
    var from: String
    var conditions: [String] = []
    var values: [SQLValue] = []
    /// The query's MATCH expressions, in the order of the statement's `?`s.
    var matchValues: [SQLValue] = []
    /// The columns that hold a match's article id (the article's own without a query)
    /// and its bm25 score (lower is better).
    var idColumn = "articles_fts.rowid"
    var scoreColumn = "rank"
    /// False when matches come from the subquery: then `m.source` says which index.
    var readsFullTextOnly = true
    /// The conditions on the article (dates, tags, versions) and their values: the last
    /// ones of `conditions` and `values`.
    private(set) var articleConditions: [String] = []
    private(set) var articleValues: [SQLValue] = []
    /// For a ranking window: each index's matches with their scores, newest first, as
    /// `SELECT id, score` with the expression and then the window (`LIMIT ?`) to bind.
    /// One walk of each index finds the window and scores it.
    private(set) var scoredWalks: [ScoredWalk] = []

    struct ScoredWalk {
        /// 0 for articles_fts, 1 for articles_cjk (as `m.source`).
        let source: Int
        let sql: String
        let expression: SQLValue
    }

    /// `cjkInUse`: some article is in the CJK index. `expression`: the articles_fts MATCH
    /// expression to use instead of the query's own (rewritten). `filterColumnsOnly`: the
    /// query reads nothing of an article but what the filter tests (a count, the year
    /// facet), so each match's article is looked up in the narrow `articles_filter` index.
    init(_ filter: ArticleFilter, cjkInUse: Bool, expression rewritten: String? = nil,
         filterColumnsOnly: Bool = false) throws(SearchError) {
        let articles = filterColumnsOnly ? "articles a INDEXED BY articles_filter" : "articles a"
        if let query = filter.query {
            let written = try query.ftsExpression()
            let fullText = rewritten ?? written
            // One prefix term rewritten as its terms is ranked as the one phrase it was.
            let onePrefix = fullText != written && PrefixExpansion.isOneTerm(written)
            let fullTextRank = ArchiveRank.rankOverride(of: RankLengths.fullText, asOnePhrase: onePrefix)
            if !cjkInUse {
                from = "articles_fts JOIN \(articles) ON a.id = articles_fts.rowid"
                conditions.append("articles_fts MATCH ?")
                conditions.append(fullTextRank)
                matchValues = [.text(fullText)]
                scoredWalks = [Self.scoredWalk(table: "articles_fts", source: 0, condition: fullTextRank, expression: .text(fullText))]
            } else {
                // Each branch: its index, the source number it reports, and which articles
                // it answers for. Both rank by `ArchiveRank`, so that their scores compare.
                var branches: [(table: String, source: Int, condition: String)] = []
                if !query.hasIdeographs {
                    branches.append(("articles_fts", 0, "\(fullTextRank) AND rowid NOT IN (SELECT article_id FROM cjk_articles)"))
                    matchValues.append(.text(fullText))
                }
                branches.append(("articles_cjk", 1, "\(ArchiveRank.rankOverride(of: RankLengths.cjk)) AND rowid NOT IN (SELECT article_id FROM cjk_stale)"))
                matchValues.append(.text(try query.cjkExpression()))
                scoredWalks = zip(branches, matchValues).map {
                    Self.scoredWalk(table: $0.table, source: $0.source, condition: $0.condition, expression: $1)
                }
                let scored = branches.map {
                    "SELECT rowid AS id, rank AS score, \($0.source) AS source FROM \($0.table) WHERE \($0.table) MATCH ? AND \($0.condition)"
                }.joined(separator: " UNION ALL ")
                from = "(\(scored)) m JOIN \(articles) ON a.id = m.id"
                idColumn = "m.id"
                scoreColumn = "m.score"
                readsFullTextOnly = false
            }
            values = matchValues
        } else {
            from = filterColumnsOnly ? articles : "articles a"
            idColumn = "a.id"
        }
        if !filter.allVersions {
            articleConditions.append("a.duplicate_of IS NULL")
        }
        if let since = filter.since {
            articleConditions.append("a.published >= ?")
            articleValues.append(.text(since))
        }
        if let until = filter.until {
            articleConditions.append("a.published < ?")
            articleValues.append(.text(until))
        }
        for tag in filter.tags {
            articleConditions.append("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ? COLLATE NOCASE)")
            articleValues.append(.text(tag))
        }
        conditions += articleConditions
        values += articleValues
    }

    private static func scoredWalk(table: String, source: Int, condition: String, expression: SQLValue) -> ScoredWalk {
        ScoredWalk(source: source, sql: """
            SELECT rowid AS id, rank AS score FROM \(table) WHERE \(table) MATCH ? AND \(condition)
            ORDER BY rowid DESC LIMIT ?
            """, expression: expression)
    }

    /// The parts for a statement that stops early (a ranking window, a count up to a
    /// limit, the newest matches' facets): prefix terms are written as their index
    /// terms (`PrefixExpansion`), which FTS5 reads lazily, where a prefix query would
    /// first merge the document lists of every term it covers. The matches are the same.
    static func walkingNewestFirst(_ filter: ArticleFilter, on connection: Connection,
                                   filterColumnsOnly: Bool = false) throws -> FilterSQL {
        let cjkInUse = try CJKIndex(connection: connection).hasArticles()
        guard let query = filter.query else { return try FilterSQL(filter, cjkInUse: cjkInUse, filterColumnsOnly: filterColumnsOnly) }
        // The rewrite touches only simple expressions, and keeps a wrong one wrong:
        // SQLite still judges every query.
        let expanded = try PrefixExpansion(connection: connection).expand(query.ftsExpression())
        return try FilterSQL(filter, cjkInUse: cjkInUse, expression: expanded, filterColumnsOnly: filterColumnsOnly)
    }

    /// The id of the `number`-th newest article the whole filter covers, nil when it
    /// covers fewer. The walk stops there.
    func newestCovered(number: Int, filter: ArticleFilter, in connection: Connection) throws -> Int64? {
        var cutoff: Int64?
        try connection.queryRows("SELECT \(idColumn) FROM \(from) \(whereClause) ORDER BY \(idColumn) DESC LIMIT 1 OFFSET ?",
                                 values + [.integer(Int64(number - 1))], filter: filter) { cutoff = Int64($0.int(0)) }
        return cutoff
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
