/// The `dedup_state` row: the thresholds in force and whether a check of the whole
/// archive is pending (an `archive dedup` run not yet finished, or an archive made
/// before near-duplicate detection existed).
public struct DedupState: Equatable, Sendable {
    public var policy: NearDuplicatePolicy
    public var isRunning: Bool
    /// While running: every article with a smaller id has been checked.
    public var nextArticleID: Int64

    static func load(_ connection: Connection) throws -> DedupState {
        try connection.prepare("SELECT jaccard, containment, minimum_shingles, status, next_article_id FROM dedup_state WHERE id = 1")
            .firstRow { row in
                DedupState(
                    policy: NearDuplicatePolicy(jaccard: row.double(0), containment: row.double(1), minimumShingles: row.int(2)),
                    isRunning: row.string(3) == "running", nextArticleID: Int64(row.int(4)))
            } ?? DedupState(policy: .standard, isRunning: false, nextArticleID: 0)
    }

    func save(_ connection: Connection) throws {
        try connection.prepare("""
            UPDATE dedup_state SET jaccard = ?, containment = ?, minimum_shingles = ?, status = ?, next_article_id = ?,
                updated_at = ? WHERE id = 1
            """).bind(.real(policy.jaccard), .real(policy.containment), .integer(Int64(policy.minimumShingles)),
                      .text(isRunning ? "running" : "complete"), .integer(nextArticleID), .text(timestamp())).run()
    }
}
