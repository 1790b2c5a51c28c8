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
    /// The indexes the query's matches come from, each with the condition that says
    /// which articles it answers for and the expression it is asked: one for
    /// articles_fts alone, two (or articles_cjk alone) with the CJK index in use. A
    /// ranking window and a filtered count walk each of them newest first.
    private(set) var branches: [MatchBranch] = []

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
                branches = [MatchBranch(table: "articles_fts", source: 0, condition: fullTextRank, expression: .text(fullText),
                                        conditionOnlyRanks: true)]
            } else {
                // Each branch: its index, the source number it reports, and which articles
                // it answers for. Both rank by `ArchiveRank`, so that their scores compare.
                if !query.hasIdeographs {
                    branches.append(MatchBranch(table: "articles_fts", source: 0,
                                                condition: "\(fullTextRank) AND rowid NOT IN (SELECT article_id FROM cjk_articles)",
                                                expression: .text(fullText)))
                }
                branches.append(MatchBranch(table: "articles_cjk", source: 1,
                                            condition: "\(ArchiveRank.rankOverride(of: RankLengths.cjk)) AND rowid NOT IN (SELECT article_id FROM cjk_stale)",
                                            expression: .text(try query.cjkExpression())))
                matchValues = branches.map(\.expression)
                let scored = branches.map(\.scored).joined(separator: " UNION ALL ")
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
        for condition in ArticleCondition.of(filter) {
            articleConditions.append(condition.test)
            articleValues += condition.values
        }
        conditions += articleConditions
        values += articleValues
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

    var whereClause: String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }
}

extension Connection {
    /// Runs a statement built from a filter; FTS5's complaints about a raw query become
    /// `SearchError.invalidQuery` with SQLite's words.
    func queryRows(_ sql: String, _ values: [SQLValue], filter: ArticleFilter, _ body: (Statement) throws -> Void) throws {
        try mappingQueryErrors(of: filter) {
            let statement = try prepare(sql)
            try statement.bind(values)
            try statement.forEachRow(body)
        }
    }

    /// Runs `work`, whose statements carry the filter's query; FTS5's complaints about a
    /// raw query become `SearchError.invalidQuery` with SQLite's words.
    func mappingQueryErrors(of filter: ArticleFilter, _ work: () throws -> Void) throws {
        do {
            try work()
        } catch let error as SQLiteError where filter.query?.isRaw == true && error.code == 1 {
            throw SearchError.invalidQuery(error.message)
        }
    }
}
