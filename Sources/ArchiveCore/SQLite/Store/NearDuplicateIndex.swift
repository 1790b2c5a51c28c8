/// The SQL side of near-duplicate detection: files each new article under its candidate
/// keys, verifies the candidates exactly, and links the article to its story.
/// Runs inside the caller's transaction, on the writer's connection.
final class NearDuplicateIndex {
    let connection: Connection
    let policy: NearDuplicatePolicy
    /// The articles filed under any of 17 keys, in near_keys and in each run of
    /// near_keys_recent (whose numbers it names: made again when they change).
    private var findCandidates: (runs: [Int64], statement: Statement)?
    /// Writes `keysPerInsert` filed keys; `insertKey` one.
    private let insertKeys: Statement
    private let insertKey: Statement
    static let keysPerInsert = 64
    private let loadVersion: Statement
    private let link: Statement
    private let moveStory: Statement
    /// Shingles of recently compared articles: copies tend to arrive close together (in
    /// one dump, or in consecutive ones), so a candidate is often still here. An article
    /// compared with none is not here: its first copy reads and shingles its body.
    private var shingleCache: [Int64: Shingles] = [:]
    private var shingleCacheOrder: [Int64] = []
    private var shingleCacheNext = 0
    static let shingleCacheCapacity = 4_096

    /// The runs of near_keys_recent; nil after a rollback, until they are read again.
    private var runs: KeyRuns?
    /// About 120,000 articles' keys: merging them into near_keys, in key order, rewrites
    /// most of its pages, so it waits for this many.
    static let recentLimit = 2_000_000

    /// Every key on file, in a Bloom filter, so most articles need no lookup at all.
    private var filter: KeyFilter

    /// Keys filed since the last `writeFiledKeys`, not yet in near_keys_recent: they are
    /// written in key order just before each commit, or as they reach `heldKeys`, and
    /// lookups read them here until then. Written one article at a time, each of its 17
    /// keys landed at a random place in the index: those inserts were a sixth of the
    /// writer's time in a first import, and a tenth of that in key order (README,
    /// Performance).
    private var filed: [FiledKey] = []
    /// For each key filed, its latest entry in `filed` (which links to the earlier ones).
    private var latestFiled: [Int64: Int32] = [:]
    private let heldKeys: Int
    /// About 3,800 articles' keys, 2.5 MB held: held for a whole commit (20,000 records)
    /// they added 16 MB to an import's peak memory, and batches of this size keep most
    /// of what writing in key order saves.
    static let defaultHeldKeys = 65_536

    private struct FiledKey {
        let key: Int64
        let articleID: Int64
        /// The entry before this one with the same key, or -1.
        let earlier: Int32
    }

    /// Candidates verified per article, most shared keys first: a lead shared by
    /// thousands of template stories must not make one import quadratic.
    static let maximumCandidates = 48

    /// What happened to one article.
    enum Outcome: Equatable {
        case unique
        /// Linked as a version of the story whose canonical is `canonical`.
        case version(canonical: Int64, similarity: Double)
        /// Became the story's canonical version, replacing `previous` (a cut-short copy).
        case supersedes(previous: Int64)
    }

    /// `expectedArticles`: about how many new articles will be checked (sizes the filter).
    /// `heldKeys`: how many filed keys are held before they are written.
    init(connection: Connection, policy: NearDuplicatePolicy, expectedArticles: Int = 0, heldKeys: Int = defaultHeldKeys) throws {
        self.connection = connection
        self.policy = policy
        self.heldKeys = heldKeys
        let rows = Array(repeating: "(?1, ?, ?)", count: Self.keysPerInsert).joined(separator: ", ")
        insertKeys = try connection.prepare("INSERT OR IGNORE INTO near_keys_recent (run, key, article_id) VALUES \(rows)")
        insertKey = try connection.prepare("INSERT OR IGNORE INTO near_keys_recent (run, key, article_id) VALUES (?, ?, ?)")
        runs = try Self.readRuns(connection)
        loadVersion = try connection.prepare("SELECT body, duplicate_of FROM articles WHERE id = ?")
        link = try connection.prepare("UPDATE articles SET duplicate_of = ?, similarity = ?, match_rule = ? WHERE id = ?")
        moveStory = try connection.prepare("UPDATE articles SET duplicate_of = ?1 WHERE duplicate_of = ?2")
        filter = try Self.loadFilter(connection, expectedKeys: expectedArticles * (CandidateKeys.bandCount + 1))
    }

    /// After a rollback: the ids of articles rolled back will be given to others, so
    /// the shingles remembered under them go. Their keys stay in the Bloom filter, where
    /// they only cost a lookup.
    func forgetUncommitted() {
        shingleCache = [:]
        shingleCacheOrder = []
        shingleCacheNext = 0
        forgetFiledKeys()
    }

    /// After a rollback: the keys filed since the last write went with it, and what it
    /// wrote (a run, a merge of runs) too, so the runs are read again before their next use.
    func forgetFiledKeys() {
        filed = []
        latestFiled = [:]
        runs = nil
    }

    /// Checks `article` (already stored as `id`) against the archive and files it. When
    /// it matches versions of several stories (a copy that arrived before its original
    /// founded a story of its own), those stories are one: they are merged.
    ///
    /// `makeShingles` is called only for an article with candidates, which few are:
    /// shingles made by the reading threads and handed over with every article had been
    /// freed on this thread, the one an import waits for, at the cost of taking those
    /// threads' allocator locks.
    func check(id: Int64, keys: CandidateKeys, shingles makeShingles: () -> Shingles) throws -> Outcome {
        var made: Shingles?
        func ownShingles() -> Shingles {
            if let made { return made }
            let shingles = makeShingles()
            made = shingles
            return shingles
        }
        var matched: [(id: Int64, canonical: Int64, match: NearDuplicatePolicy.Match)] = []
        for candidate in try candidates(sharing: keys, excluding: id) {
            guard let version = try load(candidate), let match = policy.match(ownShingles(), version.shingles) else { continue }
            matched.append((candidate, version.canonical ?? candidate, match))
        }
        for key in keys.all {
            let earlier = latestFiled.updateValue(Int32(filed.count), forKey: key) ?? -1
            filed.append(FiledKey(key: key, articleID: id, earlier: earlier))
            filter.insert(key)
        }
        if filed.count >= heldKeys { try writeFiledKeys() }
        if let made { remember(id, made) }
        guard let best = matched.max(by: { Self.better($1.match, than: $0.match) }) else { return .unique }
        let shingles = ownShingles()

        // The canonical: the first imported, unless a later one is the full text of which
        // it is a cut-short copy.
        let stories = Set(matched.map(\.canonical)).sorted()
        var head = stories[0]
        var headShingles = try load(head)?.shingles ?? shingles
        for story in stories.dropFirst() {
            guard let theirs = try load(story)?.shingles else { continue }
            if policy.supersedes(theirs, canonical: headShingles) { (head, headShingles) = (story, theirs) }
        }
        let previous = head
        if policy.supersedes(shingles, canonical: headShingles) { (head, headShingles) = (id, shingles) }
        for story in stories where story != head {
            guard let theirs = try load(story)?.shingles else { continue }
            try moveStory.bind(.integer(head), .integer(story)).run()
            // Linked through this article: recorded with how close it is to the canonical.
            let match = policy.match(theirs, headShingles)
                ?? NearDuplicatePolicy.Match(rule: .jaccard, similarity: theirs.jaccard(headShingles))
            try link.bind(.integer(head), .real(match.similarity), .text(match.rule.rawValue), .integer(story)).run()
        }
        if head == id { return .supersedes(previous: previous) }
        try link.bind(.integer(head), .real(best.match.similarity), .text(best.match.rule.rawValue), .integer(id)).run()
        return .version(canonical: head, similarity: best.match.similarity)
    }

    /// Articles filed under any of `keys`, those sharing the most keys first, at most
    /// `maximumCandidates` of them.
    private func candidates(sharing keys: CandidateKeys, excluding id: Int64) throws -> [Int64] {
        // A key the filter has never seen (held keys included) is on file nowhere: only
        // the others are asked (each run is a seek per key); the statement's other
        // places are bound as NULL, which matches nothing.
        let maybe = keys.all.filter(filter.mayContain)
        if maybe.isEmpty { return [] }
        let values: [SQLValue] = maybe.map { .integer($0) }
        var shared: [Int64: Int] = [:]
        try candidateStatement().bind(values + Array(repeating: .null, count: CandidateKeys.bandCount + 1 - values.count))
            .forEachRow { row in
                let candidate = Int64(row.int(0))
                if candidate != id { shared[candidate, default: 0] += 1 }
            }
        for key in maybe {
            var entry = latestFiled[key] ?? -1
            while entry >= 0 {
                let candidate = filed[Int(entry)].articleID
                if candidate != id { shared[candidate, default: 0] += 1 }
                entry = filed[Int(entry)].earlier
            }
        }
        return shared.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(Self.maximumCandidates).map(\.key)
    }

    /// The saved filter, or one built from every key on file (once after a crash, or
    /// when it outgrew its size). Either way the saved row is removed, in its own
    /// transaction, before any key is written: a filter that misses keys is never read.
    private static func loadFilter(_ connection: Connection, expectedKeys: Int) throws -> KeyFilter {
        var saved: KeyFilter?
        if let (count, size) = try connection.prepare("SELECT keys, length(bits) FROM near_key_filter WHERE id = 1")
            .firstRow({ ($0.int(0), $0.int(1)) }) {
            saved = try KeyFilter(byteCount: size, count: count) { storage in
                try connection.readBlob(table: "near_key_filter", column: "bits", row: 1, into: storage)
            }
        }
        if connection.isInTransaction {
            try connection.execute("DELETE FROM near_key_filter")
        } else {
            try connection.transaction { try connection.execute("DELETE FROM near_key_filter") }
        }
        if let filter = saved, filter.count + expectedKeys <= filter.capacity {
            return filter
        }
        let onFile = try saved?.count ?? connection.scalarInt("SELECT count(*) FROM near_keys_all")
        var filter = KeyFilter(capacity: (onFile + expectedKeys) * 5 / 4)
        try connection.prepare("SELECT key FROM near_keys_all").forEachRow { filter.insert(Int64($0.int(0))) }
        return filter
    }

    /// Saves the filter for the next run, inside the caller's transaction.
    func saveFilter() throws {
        try writeFiledKeys()
        try filter.words.withUnsafeBytes { bytes in
            try connection.prepare("INSERT OR REPLACE INTO near_key_filter (id, keys, bits) VALUES (1, ?, zeroblob(?))")
                .bind(.integer(Int64(filter.count)), .integer(Int64(bytes.count))).run()
            try connection.writeBlob(table: "near_key_filter", column: "bits", row: 1, from: bytes)
        }
    }

    /// Writes the keys filed since the last call into near_keys_recent, as the end of
    /// this transaction's run, and moves every run into near_keys, in key order, when
    /// `KeyRuns` says they are due. Inside the caller's transaction, before it commits.
    func writeKeys() throws {
        try writeFiledKeys()
        var runs = try currentRuns()
        runs.close()
        if runs.moveIsDue(rowLimit: Self.recentLimit) {
            try connection.execute(Self.moveRuns(runs.runs.map(\.id)) + "; DELETE FROM near_keys_recent;")
            runs.removeAll()
        }
        self.runs = runs
    }

    /// Copies `runs` into near_keys in key order. Each run is in key order already, so
    /// SQLite merges them as it reads them (a compound SELECT's ORDER BY, one arm per
    /// run), where sorting 2,000,000 rows had raised a 1,000,000-article import's peak
    /// memory from 193 to 270 MB.
    static func moveRuns(_ runs: [Int64]) -> String {
        let merged = runs.map { "SELECT key, article_id FROM near_keys_recent WHERE run = \($0)" }
            .joined(separator: " UNION ALL ")
        return "INSERT OR IGNORE INTO near_keys (key, article_id) \(merged) ORDER BY 1, 2"
    }

    /// Writes the filed keys into this transaction's run, in key order.
    private func writeFiledKeys() throws {
        guard !filed.isEmpty else { return }
        let rows = filed.map { (key: $0.key, articleID: $0.articleID) }.sorted { ($0.key, $0.articleID) < ($1.key, $1.articleID) }
        var runs = try currentRuns()
        let run = SQLValue.integer(runs.write(rows.count))
        var start = 0
        while rows.count - start >= Self.keysPerInsert {
            try insertKeys.bind(run, at: 1)
            for offset in 0..<Self.keysPerInsert {
                try insertKeys.bind(.integer(rows[start + offset].key), at: Int32(2 * offset + 2))
                try insertKeys.bind(.integer(rows[start + offset].articleID), at: Int32(2 * offset + 3))
            }
            try insertKeys.run()
            start += Self.keysPerInsert
        }
        for row in rows[start...] { try insertKey.bind(run, .integer(row.key), .integer(row.articleID)).run() }
        self.runs = runs
        filed = []
        latestFiled = [:]
    }

    /// The lookup of 17 keys in near_keys and in every run; one seek per run and key.
    private func candidateStatement() throws -> Statement {
        let runs = try currentRuns().runs.map(\.id)
        if let findCandidates, findCandidates.runs == runs { return findCandidates.statement }
        let keys = (1...(CandidateKeys.bandCount + 1)).map { "?\($0)" }.joined(separator: ", ")
        var sql = "SELECT article_id FROM near_keys WHERE key IN (\(keys))"
        if !runs.isEmpty {
            let list = runs.map(String.init).joined(separator: ", ")
            sql += " UNION ALL SELECT article_id FROM near_keys_recent WHERE run IN (\(list)) AND key IN (\(keys))"
        }
        let statement = try connection.prepare(sql)
        findCandidates = (runs, statement)
        return statement
    }

    /// The runs as this transaction sees them, read again after a rollback.
    private func currentRuns() throws -> KeyRuns {
        if let runs { return runs }
        let read = try Self.readRuns(connection)
        runs = read
        return read
    }

    private static func readRuns(_ connection: Connection) throws -> KeyRuns {
        var runs: [KeyRuns.Run] = []
        try connection.prepare("SELECT run, count(*) FROM near_keys_recent GROUP BY run ORDER BY run").forEachRow {
            runs.append(KeyRuns.Run(id: Int64($0.int(0)), rows: $0.int(1)))
        }
        return KeyRuns(runs)
    }

    /// Jaccard matches beat containment matches; then the higher similarity wins.
    static func better(_ a: NearDuplicatePolicy.Match, than b: NearDuplicatePolicy.Match) -> Bool {
        if a.rule != b.rule { return a.rule == .jaccard }
        return a.similarity > b.similarity
    }

    private func load(_ id: Int64) throws -> (shingles: Shingles, canonical: Int64?)? {
        guard let (body, canonical) = try loadVersion.bind(.integer(id)).firstRow({ row in
            (shingleCache[id] == nil ? row.string(0) : nil, row.optionalInt(1).map(Int64.init))
        }) else { return nil }
        if let cached = shingleCache[id] { return (cached, canonical) }
        let shingles = Shingles(text: body ?? "")
        remember(id, shingles)
        return (shingles, canonical)
    }

    private func remember(_ id: Int64, _ shingles: Shingles) {
        guard shingleCache[id] == nil else { return }
        if shingleCacheOrder.count < Self.shingleCacheCapacity {
            shingleCacheOrder.append(id)
        } else {
            shingleCache[shingleCacheOrder[shingleCacheNext]] = nil
            shingleCacheOrder[shingleCacheNext] = id
            shingleCacheNext = (shingleCacheNext + 1) % Self.shingleCacheCapacity
        }
        shingleCache[id] = shingles
    }
}
