/// The `dedup_state` row: the thresholds in force and whether a check of the whole
/// archive is pending (an `archive dedup` run not yet finished, or an archive made
/// before near-duplicate detection existed).
struct DedupState: Equatable, Sendable {
    var policy: NearDuplicatePolicy
    var isRunning: Bool
    /// While running: every article with a smaller id has been checked.
    var nextArticleID: Int64

    static func load(_ connection: Connection) throws -> DedupState {
        try connection.prepare("SELECT jaccard, containment, minimum_shingles, status, next_article_id FROM dedup_state WHERE id = 1")
            .firstRow { row in
                DedupState(
                    policy: NearDuplicatePolicy(jaccard: row.double(0), containment: row.double(1), minimumShingles: row.int(2)),
                    isRunning: row.string(3) == DedupStatus.running, nextArticleID: Int64(row.int(4)))
            } ?? DedupState(policy: .standard, isRunning: false, nextArticleID: 0)
    }

    func save(_ connection: Connection) throws {
        try connection.prepare("""
            UPDATE dedup_state SET jaccard = ?, containment = ?, minimum_shingles = ?, status = ?, next_article_id = ?,
                updated_at = ? WHERE id = 1
            """).bind(.real(policy.jaccard), .real(policy.containment), .integer(Int64(policy.minimumShingles)),
                      .text(isRunning ? DedupStatus.running : DedupStatus.complete), .integer(nextArticleID), .text(timestamp())).run()
    }

    /// Marks a check pending for the articles to come: those after the newest one now.
    mutating func startAfterNewestArticle(_ connection: Connection) throws {
        isRunning = true
        nextArticleID = Int64(try connection.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM articles"))
        try save(connection)
    }
}
