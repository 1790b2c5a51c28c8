/// The newest matches of a filter's query that its article conditions admit, walked in
/// Swift: each index's ids newest first (`MatchBranch.idWalk`; two indexes are merged,
/// as their articles never overlap), tested against the filter's bits (`FilterSet`),
/// then against the conditions left to SQL. A count up to a limit and the facets of
/// a search page take their matches from here when that is worth it (`filterSet`).
struct CoveredMatches {
    let connection: Connection

    /// The filter's bits to walk the newest `limit` covered matches against, nil when a
    /// statement testing each match costs less. Walking against bits pays when a reader
    /// kept them, or when the walk would test more matches than reading them costs. The
    /// sample says how far the walk must go to find `limit` (a year and a tag leaving 6%
    /// of the archive: 17 matches per match found); the query's matches are counted up
    /// to that point, so a rare word is never taken for a long walk, and a word with
    /// fewer than `fewMatches()` is not even sampled. Bits read here are kept for the
    /// reader's next walk of the same filter.
    ///
    /// With `walked`, the matches a ranking window walked in the same read, a filter of
    /// canonical versions only (no date, no tag) is walked on from them too when they
    /// are many: its set holds the other versions as bits, and the walk steps through
    /// FTS5 only past the window, where a statement would walk the window's matches
    /// again (for a phrase of two common words, most of the time of a count). A short
    /// window is walked again: a statement tests its few matches for less than reading
    /// the bits.
    func filterSet(_ parts: FilterSQL, filter: ArticleFilter, limit: Int, walked: WalkedMatches? = nil) throws -> FilterSet? {
        // Only a date or a tag can leave most matches out (FilterSet.plan).
        guard ArticleCondition.of(filter).contains(where: { !$0.listsExcluded }) else {
            guard let walked, try walked.ids.count >= fewMatches() else { return nil }
            return try FilterSet.versionsOnly(filter, on: connection)
        }
        if let kept = connection.answerCache?.filterSet(for: filter) { return kept }
        let few = try fewMatches()
        guard try matches(of: parts, filter: filter, upTo: few) >= few, let plan = try FilterSet.plan(filter, on: connection)
        else { return nil }
        let enough = plan.walkWorthReading
        // At least `few` matches are already counted.
        guard plan.expectedWalk(toFind: limit) >= enough, try enough <= few || matches(of: parts, filter: filter, upTo: enough) >= enough
        else { return nil }
        let set = try plan.read(on: connection)
        connection.answerCache?.keep(set, for: filter)
        return set
    }

    /// Below this many matches a walk is short whatever the filter: 4,096, or an eighth
    /// of a smaller archive's ids.
    private func fewMatches() throws -> Int {
        min(4_096, max(64, try connection.scalarInt("SELECT max(id) FROM articles") / 8))
    }

    /// How many matches the query has, counted no further than `limit`.
    private func matches(of parts: FilterSQL, filter: ArticleFilter, upTo limit: Int) throws -> Int {
        var matches = 0
        try connection.mappingQueryErrors(of: filter) {
            for branch in parts.branches where matches < limit {
                matches += try connection.prepare(branch.countUpTo).bind(branch.expression, .integer(Int64(limit - matches)))
                    .firstRow { $0.int(0) } ?? 0
            }
        }
        return matches
    }

    /// The ids of the newest `limit` matches the filter covers, newest first: fewer
    /// when there are fewer. `walked`: the newest matches, already walked in this read
    /// (a ranking window); the indexes are walked only past them.
    func newest(_ parts: FilterSQL, set: FilterSet, filter: ArticleFilter, limit: Int,
                after walked: WalkedMatches? = nil) throws -> [Int64] {
        var ids: [Int64] = []
        guard limit > 0 else { return ids }
        let articles = try FilterIndex.articlesForFilterColumns(connection)
        let residual = try ResidualTest(set, from: articles, on: connection)
        var candidates: [Int64] = []
        func consider(_ id: Int64) throws {
            guard set.admits(id) else { return }
            guard let residual else {
                ids.append(id)
                return
            }
            candidates.append(id)
            if candidates.count == ResidualTest.batch {
                ids += try residual.passing(candidates)
                candidates.removeAll(keepingCapacity: true)
            }
        }
        for id in walked?.ids ?? [] where ids.count < limit { try consider(id) }
        // Every match newer than the window's oldest is in the window.
        if ids.count < limit, walked?.complete != true {
            var last = walked?.ids.last
            var steps = 0
            let largest = try Int64(connection.scalarInt("SELECT coalesce(max(id), 0) FROM articles"))
            let lists = ListsWorthReading(largestID: largest)
            try connection.mappingQueryErrors(of: filter) {
                var walks = try parts.branches.map { branch in
                    try IDWalk(try last.map { try connection.prepare(branch.idWalkBelow).bind(branch.expression, .integer($0)) }
                               ?? connection.prepare(branch.idWalk).bind(branch.expression))
                }
                while ids.count < limit, let (index, id) = Self.newestHead(walks) {
                    // A walk that will be long goes on in the index's lists, when the
                    // query is a word or words joined by OR (`TermDocuments`).
                    if steps == lists.afterSteps,
                       lists.pay(left: limit - ids.count - candidates.count, passed: ids.count + candidates.count,
                                 of: steps + (walked?.ids.count ?? 0)),
                       let matches = try termMatches(parts, upTo: largest) {
                        try matches.forEachDescending(below: last) { id in
                            try consider(id)
                            return ids.count < limit
                        }
                        break
                    }
                    steps += 1
                    try walks[index].advance()
                    try consider(id)
                    last = id
                }
            }
        }
        ids += try residual?.passing(candidates) ?? []
        return Array(ids.prefix(limit))
    }

    /// When a walk through FTS5 goes on in the index's lists instead. Stepping a match
    /// through FTS5 and SQLite takes about 120 ns at 1,000,000 articles, reading a list
    /// about 9 ns an entry, and a list has at most an entry per article: the lists of a
    /// word in half that archive (500,000 entries) read in about the time of 40,000 steps
    /// (README, "Document lists read directly").
    private struct ListsWorthReading {
        /// The walk steps this many matches first, so a short walk never reads lists,
        /// and their share that passed estimates how long it will be.
        let afterSteps: Int
        /// It reads them when it has more steps than this left: a twentieth of the
        /// archive's ids, about the time of the lists of a word in half of it.
        let stepsLeft: Int

        init(largestID: Int64) {
            afterSteps = Int(min(4_096, max(16, largestID / 256)))
            stepsLeft = Int(min(Int64(Int32.max), max(64, largestID / 20)))
        }

        /// Whether `left` more matches to find, at the rate `passed` of `walked`, are
        /// more steps than the lists cost.
        func pay(left: Int, passed: Int, of walked: Int) -> Bool {
            // In doubles: a count's limit may be any size.
            Double(left) * Double(walked) > Double(stepsLeft) * Double(max(1, passed))
        }
    }

    /// Every match of a query of one index whose expression is a union of terms, read
    /// from the index's lists (`TermDocuments`); nil for any other query.
    private func termMatches(_ parts: FilterSQL, upTo largest: Int64) throws -> ArticleBits? {
        guard parts.branches.count == 1, let branch = parts.branches.first, branch.conditionOnlyRanks,
              case .text(let expression) = branch.expression else { return nil }
        return try TermDocuments(connection: connection, index: branch.table).articles(matching: expression, upTo: largest)
    }

    /// The conditions a set leaves to SQL (those admitting most articles), tested on a
    /// batch of matches by one statement: run once per match, a statement opened its
    /// cursors every time.
    private struct ResidualTest {
        /// Matches per statement.
        static let batch = 256
        let statement: Statement

        /// nil when the set leaves nothing to SQL.
        init?(_ set: FilterSet, from articles: String, on connection: Connection) throws {
            guard !set.residual.isEmpty else { return nil }
            // CROSS JOIN keeps the batch, newest first, as the outer loop.
            statement = try connection.prepare("""
                SELECT a.id FROM json_each(?) j CROSS JOIN \(articles) ON a.id = j.value
                WHERE \(set.residual.joined(separator: " AND "))
                """).bind([.text("[]")] + set.residualValues)
        }

        /// The matches that pass, in their order.
        func passing(_ matches: [Int64]) throws -> [Int64] {
            guard !matches.isEmpty else { return [] }
            // The conditions' values stay bound; only the batch changes.
            try statement.bind(.jsonIDs(matches), at: 1)
            var passed: [Int64] = []
            try statement.forEachRow { passed.append(Int64($0.int(0))) }
            return passed
        }
    }

    /// The walk whose next id is the newest (each article is in one index only), and
    /// that id; nil when every walk is done.
    private static func newestHead(_ walks: [IDWalk]) -> (index: Int, id: Int64)? {
        var best: (index: Int, id: Int64)?
        for index in walks.indices {
            guard let head = walks[index].head else { continue }
            if let current = best, current.id >= head { continue }
            best = (index, head)
        }
        return best
    }

    /// One index's ids, newest first, with the next one at hand.
    private struct IDWalk {
        let statement: Statement
        private(set) var head: Int64?

        init(_ statement: Statement) throws {
            self.statement = statement
            try advance()
        }

        mutating func advance() throws {
            head = try statement.step() ? Int64(statement.int(0)) : nil
        }
    }
}
