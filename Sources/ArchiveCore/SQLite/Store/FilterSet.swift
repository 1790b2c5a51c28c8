/// A filter's conditions on the article, as a long walk over a query's matches tests
/// them: read into bits, a match is tested with a load and a mask, where a statement
/// joining it to its article made a look-up in `articles` and one in `article_tags`
/// per match (about a microsecond at a million articles). With a year and a tag that
/// leave a few percent of a common word's matches, a count up to 10,000 walked 175,000
/// matches so.
///
/// Reading a condition's ids from its table costs about a fifth of that per id, and
/// from packed blocks (`FilterBlocks`) about as much per 4,096 ids, so a walk earns it
/// only when it is longer than that (`Plan`); conditions that admit most of the archive
/// are not read at all and stay SQL tests (`residual`), asked of the matches the bits
/// admit.
struct FilterSet {
    /// Ids every read admitting condition holds; nil when none was read.
    private(set) var admitted: ArticleBits?
    /// Ids a read excluding condition leaves out; nil when none was read.
    private(set) var excluded: ArticleBits?
    /// Tests of the conditions not read into bits, over `articles a`, and their values.
    private(set) var residual: [String] = []
    private(set) var residualValues: [SQLValue] = []

    /// Whether the bits admit the article; `residual` is still to be tested.
    func admits(_ id: Int64) -> Bool {
        if let excluded, excluded.contains(id) { return false }
        return admitted?.contains(id) ?? true
    }

    /// The set of a filter with no condition but canonical versions (or none at all):
    /// the other versions read as bits. nil when the filter has another condition.
    static func versionsOnly(_ filter: ArticleFilter, on connection: Connection) throws -> FilterSet? {
        let conditions = ArticleCondition.of(filter)
        guard conditions.allSatisfy(\.listsExcluded) else { return nil }
        var set = FilterSet()
        // At most one condition: canonical versions, whose bits list the other versions.
        if let versions = conditions.first {
            let largest = try Int64(connection.scalarInt("SELECT coalesce(max(id), 0) FROM articles"))
            set.excluded = try ArticleBits(versions, upTo: largest, on: connection)
        }
        return set
    }

    /// What reading a filter's conditions would cost and save, from a sample of
    /// articles spread evenly over the ids: the conditions worth reading are those that
    /// admit at most half of them (or, for canonical versions only, leave out at most
    /// half).
    struct Plan {
        let conditions: [ArticleCondition]
        /// Parallel to `conditions`.
        let worthReading: [Bool]
        /// What reading them costs, in matches tested (five ids read from a table, or
        /// one row of packed ids, cost about one).
        let readCost: Int
        /// The share of sampled articles that pass every condition (at least half a
        /// sampled article's worth, so that none passing is not read as none at all).
        let coveredShare: Double
        let largestID: Int64

        /// Matches a walk must test before reading the bits costs less than testing
        /// each in SQL.
        var walkWorthReading: Int { max(256, readCost) }

        /// About how many matches a walk tests to find `limit` the filter covers.
        func expectedWalk(toFind limit: Int) -> Int {
            Int(min(Double(Int32.max), (Double(limit) / coveredShare).rounded(.up)))
        }

        /// The set: the worthy conditions as bits, the others as SQL tests.
        func read(on connection: Connection) throws -> FilterSet {
            var set = FilterSet()
            for (condition, worth) in zip(conditions, worthReading) {
                guard worth else {
                    set.residual.append(condition.test)
                    set.residualValues += condition.values
                    continue
                }
                let bits = try ArticleBits(condition, upTo: largestID, on: connection)
                if condition.listsExcluded {
                    set.excluded = bits
                } else if set.admitted == nil {
                    set.admitted = bits
                } else {
                    set.admitted?.formIntersection(bits)
                }
            }
            return set
        }
    }

    /// Articles looked at to estimate how many each condition admits.
    static let sampleSize = 128

    /// The plan for `filter`'s conditions, nil when reading them cannot pay.
    static func plan(_ filter: ArticleFilter, on connection: Connection) throws -> Plan? {
        let conditions = ArticleCondition.of(filter)
        // Each of min and max alone is one step down a b-tree; together SQLite scans.
        guard !conditions.isEmpty,
              let range = try connection.prepare("SELECT (SELECT min(id) FROM articles), (SELECT max(id) FROM articles)").firstRow({ row in
                  row.isNull(0) ? nil : (low: Int64(row.int(0)), high: Int64(row.int(1)))
              }) ?? nil
        else { return nil }
        let articles = try FilterIndex.articlesForFilterColumns(connection)
        // Every condition's test of one sampled article, in one statement.
        let probe = try connection.prepare("""
            SELECT \(conditions.map { "coalesce(\($0.test), 0)" }.joined(separator: ", ")) FROM \(articles) WHERE a.id = ?
            """)
        let values = conditions.flatMap(\.values)
        try probe.bind(values + [.integer(0)])
        // In Double: ids far apart (another program may write any) overflow Int64.
        let span = Double(range.high) - Double(range.low)
        var seen = 0
        var admitted = [Int](repeating: 0, count: conditions.count)
        var passingAll = 0
        for step in 0..<sampleSize {
            let place = (Double(range.low) + span * (Double(step) + 0.5) / Double(sampleSize)).rounded(.down)
            let id = place >= Double(Int64.max) ? Int64.max : Int64(place)
            try probe.bind(.integer(id), at: Int32(values.count + 1))
            guard let passes = try probe.firstRow({ row in conditions.indices.map { row.int(Int32($0)) != 0 } }) else { continue }
            seen += 1
            for index in passes.indices where passes[index] { admitted[index] += 1 }
            if !passes.contains(false) { passingAll += 1 }
        }
        guard seen > 0 else { return nil }
        // Ids are dense from 1 unless articles were deleted: the span is about the count.
        let articleCount = span + 1
        var worthReading: [Bool] = []
        var cost = 0.0
        let packedShare = try packedShare(upTo: range.high, on: connection)
        for (condition, count) in zip(conditions, admitted) {
            let share = Double(count) / Double(seen)
            let listed = condition.listsExcluded ? 1 - share : share
            worthReading.append(listed <= 0.5)
            guard listed <= 0.5 else { continue }
            // An id read from its table costs about a fifth of a match tested (at a
            // million articles, 0.17 to 0.2 microseconds against 0.9 to 1.1); a row of
            // packed ids about one.
            if let packed = condition.packed, packedShare > 0 {
                cost += Double(try FilterBlocks(connection: connection).rows(for: packed)) + (1 - packedShare) * listed * articleCount / 5
            } else {
                cost += listed * articleCount / 5
            }
        }
        // Bits pay by leaving matches out of a long walk: with canonical versions as the
        // only narrow condition, or most articles covered, the walk is about as long as
        // what it finds, and a statement testing each match costs less.
        let coveredShare = max(Double(passingAll), 0.5) / Double(seen)
        guard zip(conditions, worthReading).contains(where: { $1 && !$0.listsExcluded }), coveredShare <= 0.5 else { return nil }
        return Plan(conditions: conditions, worthReading: worthReading, readCost: Int(cost),
                    coveredShare: coveredShare, largestID: range.high)
    }

    /// The share of the blocks up to the largest id whose ids are packed
    /// (`FilterBlocks`): 0 in an archive without them.
    private static func packedShare(upTo largestID: Int64, on connection: Connection) throws -> Double {
        guard largestID >= 0, try FilterBlocks.exist(connection) else { return 0 }
        let listed = try connection.scalarInt("SELECT count(*) FROM filter_blocks WHERE block >= 0")
        return min(1, Double(listed) / Double((largestID >> FilterBlocks.blockBits) + 1))
    }
}
