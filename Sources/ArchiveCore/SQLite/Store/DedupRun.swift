import Foundation

/// `archive dedup`: checks every article for near duplicates, in id order, as if the
/// archive were imported again. Batches are transactions that also advance
/// `dedup_state.next_article_id`, so a run killed at any point continues where it
/// stopped, and the links it leaves are those of one uninterrupted run.
struct DedupRun {
    let connection: Connection
    var batchSize = 2_000

    init(connection: Connection) {
        self.connection = connection
    }

    /// Continues a pending run; starts a new one (forgetting all links) when none is
    /// pending, when `restart` is set, or when `policy` differs from the one in force.
    func run(policy requested: NearDuplicatePolicy?, restart: Bool,
             progress: (_ checked: Int, _ total: Int) throws -> Void = { _, _ in }) throws -> DedupOutcome {
        var result = DedupOutcome()
        var state = try DedupState.load(connection)
        let changesPolicy = requested.map { $0 != state.policy } ?? false
        if !state.isRunning || restart || changesPolicy {
            try connection.transaction {
                try connection.execute("""
                    DELETE FROM near_keys;
                    DELETE FROM near_keys_recent;
                    DELETE FROM near_key_filter;
                    UPDATE articles SET duplicate_of = NULL, similarity = NULL, match_rule = NULL
                        WHERE duplicate_of IS NOT NULL OR similarity IS NOT NULL;
                    """)
                state.policy = requested ?? state.policy
                state.isRunning = true
                state.nextArticleID = 0
                try state.save(connection)
            }
        } else {
            result.resumed = true
        }
        let index = try NearDuplicateIndex(connection: connection, policy: state.policy)
        let total = try connection.scalarInt("SELECT count(*) FROM articles WHERE id >= ?", .integer(state.nextArticleID))
        let select = try connection.prepare("SELECT id, body FROM articles WHERE id >= ? ORDER BY id LIMIT ?")
        while true {
            var batch: [(id: Int64, shingles: Shingles)] = []
            try select.bind(.integer(state.nextArticleID), .integer(Int64(batchSize))).forEachRow { row in
                batch.append((Int64(row.int(0)), Shingles(text: row.string(1))))
            }
            guard let last = batch.last else { break }
            try connection.transaction {
                for item in batch where try index.check(id: item.id, keys: CandidateKeys(item.shingles), shingles: { item.shingles }) != .unique {
                    result.versions += 1
                }
                try index.writeKeys()
                state.nextArticleID = last.id + 1
                try state.save(connection)
            }
            result.checked += batch.count
            try progress(result.checked, total)
        }
        try connection.transaction {
            state.isRunning = false
            try state.save(connection)
            try index.saveFilter()
        }
        result.policy = state.policy
        return result
    }
}
