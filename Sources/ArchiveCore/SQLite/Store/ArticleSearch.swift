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
        try searchWalking(filter, limit: limit, offset: offset, marks: marks, reach: reach).page
    }

    /// The page, and the matches its ranking window walked (nil when every match was
    /// ranked), which a count or the facets in the same read go on from.
    func searchWalking(_ filter: ArticleFilter, limit: Int, offset: Int = 0, marks: Marks = .markdown,
                       reach: Reach) throws -> (page: SearchPage, walked: WalkedMatches?) {
        guard filter.query != nil else { throw SearchError.emptyQuery }
        let parts = reach == .everything
            ? try FilterSQL(filter, cjkInUse: try CJKIndex(connection: connection).hasArticles())
            : try FilterSQL.walkingNewestFirst(filter, on: connection)
        if case .newest(let base) = reach, !parts.branches.isEmpty {
            var window = max(base, (limit + offset) * 4)
            // The window grows until the filters leave a full page, or it holds every match.
            while true {
                let (hits, walked) = try rankedNewest(parts, filter: filter, window: window, limit: limit, offset: offset, marks: marks)
                if walked.complete { return (SearchPage(hits: hits, rankedNewest: nil), walked) }
                if hits.count == limit { return (SearchPage(hits: hits, rankedNewest: window), walked) }
                window *= 4
            }
        }
        return (SearchPage(hits: try ranked(parts, filter: filter, limit: limit, offset: offset, marks: marks), rankedNewest: nil), nil)
    }

    /// Every match ranked (`--rank-all`).
    private func ranked(_ parts: FilterSQL, filter: ArticleFilter, limit: Int, offset: Int, marks: Marks) throws -> [SearchHit] {
        let conditions = parts.whereClause
        // With articles_fts alone, FTS5 makes the snippet; otherwise it is made for the
        // page's hits only, below.
        let snippet = parts.readsFullTextOnly ? "snippet(articles_fts, 1, ?, ?, '…', 24), 0" : "NULL, m.source"
        var values: [SQLValue] = (parts.readsFullTextOnly ? [.text(marks.open), .text(marks.close)] : []) + parts.values
        let sql = """
            SELECT a.id, a.title, a.published, a.tags, \(snippet), \(parts.scoreColumn), a.url, a.source, a.authors
            FROM \(parts.from) \(conditions)
            ORDER BY \(parts.scoreColumn) LIMIT ? OFFSET ?
            """
        values += [.integer(Int64(limit)), .integer(Int64(offset))]
        var hits: [SearchHit] = []
        var sources: [Int] = []
        try connection.queryRows(sql, values, filter: filter) { row in
            hits.append(Self.hit(row))
            sources.append(row.int(5))
        }
        if !parts.readsFullTextOnly { try addSnippets(&hits, fromCJKIndex: sources.map { $0 == 1 }, filter: filter, parts: parts, marks: marks) }
        return hits
    }

    /// The ranked page among the newest `window` matches, and how many matches the walks
    /// saw (fewer than `window`: they saw them all). One walk of each index reads its
    /// newest matches with their scores (`MatchBranch.scoredWalk`); Swift keeps the newest
    /// `window` of them, sorts them by score and tests their articles against the filter
    /// best first until the page is full. Equal scores go oldest first, as FTS5's own
    /// ranking (`--rank-all`) orders them. (The window was found first by a walk of its
    /// own, then FTS5 ranked it in a second walk and tested the filter on every match.)
    /// Only as many matches are put in order as the page reads (`LazyOrder`).
    private func rankedNewest(_ parts: FilterSQL, filter: ArticleFilter, window: Int, limit: Int, offset: Int,
                              marks: Marks) throws -> (hits: [SearchHit], walked: WalkedMatches) {
        var matches: [(id: Int64, score: Double, source: Int)] = []
        matches.reserveCapacity(window)
        for branch in parts.branches {
            try connection.queryRows(branch.scoredWalk, [branch.expression, .integer(Int64(window))], filter: filter) {
                matches.append((Int64($0.int(0)), $0.double(1), branch.source))
            }
        }
        if parts.branches.count > 1 && matches.count > window {
            matches.sort { $0.id > $1.id }
            matches.removeLast(matches.count - window)
        }
        var ids = matches.map(\.id)
        // One index's walk is newest first already; two were sorted above only when cut.
        if parts.branches.count > 1 { ids.sort(by: >) }
        let walked = WalkedMatches(ids: ids, complete: matches.count < window)
        var best = LazyOrder(consume matches) { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }
        let article = try connection.prepare("""
            SELECT a.id, a.title, a.published, a.tags, NULL, 0, ?, a.url, a.source, a.authors
            FROM articles a WHERE \((["a.id = ?"] + parts.articleConditions).joined(separator: " AND "))
            """)
        var hits: [SearchHit] = []
        var fromCJKIndex: [Bool] = []
        var skipped = 0
        while hits.count < limit, let match = best.next() {
            guard let hit = try article.bind([.real(match.score), .integer(match.id)] + parts.articleValues).firstRow(Self.hit) else { continue }
            if skipped < offset {
                skipped += 1
            } else {
                hits.append(hit)
                fromCJKIndex.append(match.source == 1)
            }
        }
        try addSnippets(&hits, fromCJKIndex: fromCJKIndex, filter: filter, parts: parts, marks: marks)
        return (hits, walked)
    }

    /// A hit from a row of id, title, published, tags, snippet, (source), score, url,
    /// source, authors.
    private static func hit(_ row: Statement) -> SearchHit {
        SearchHit(
            id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
            tags: StoredTags.decode(row.string(3)), snippet: row.optionalString(4) ?? "", rank: row.double(6),
            url: row.optionalString(7), source: row.optionalString(8), authors: StoredTags.decode(row.string(9)))
    }

    /// Snippets for hits whose statement made none.
    private func addSnippets(_ hits: inout [SearchHit], fromCJKIndex: [Bool], filter: ArticleFilter, parts: FilterSQL,
                             marks: Marks) throws {
        guard let query = filter.query else { return }
        for index in hits.indices {
            hits[index].snippet = try snippet(for: hits[index].id, fromCJKIndex: fromCJKIndex[index], query: query, parts: parts, marks: marks)
        }
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
    /// `walked`: the matches this read's ranking window walked, not walked again.
    func count(_ filter: ArticleFilter, upTo limit: Int, walked: WalkedMatches? = nil) throws -> Int? {
        let found = try counted(filter, upTo: limit + 1, walked: walked)
        return found > limit ? nil : found
    }

    private func counted(_ filter: ArticleFilter, upTo limit: Int?, walked: WalkedMatches? = nil) throws -> Int {
        let parts = try FilterSQL.walkingNewestFirst(filter, on: connection, filterColumnsOnly: try FilterIndex.exists(connection))
        // A count that stops early walks the matches against the filter's bits, when
        // that costs less (`CoveredMatches.filterSet`), or on from the ranking window.
        let walk = CoveredMatches(connection: connection)
        if let limit, filter.query != nil, let set = try walk.filterSet(parts, filter: filter, limit: limit, walked: walked) {
            return try walk.newest(parts, set: set, filter: filter, limit: limit, after: walked).count
        }
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
