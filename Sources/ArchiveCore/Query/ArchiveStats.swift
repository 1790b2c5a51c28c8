import Foundation

/// What an archive holds, for `archive stats`.
public struct ArchiveStats: Equatable, Sendable {
    public var articles = 0
    /// Copies read that were already in the archive, over every import.
    public var duplicatesSeen = 0
    public var files = 0
    /// Files whose last import did not reach the end (it was interrupted).
    public var filesIncomplete = 0
    public var importErrors = 0
    /// Stories with two or more versions.
    public var clusters = 0
    /// Articles that are another version of a story (not its canonical one).
    public var versions = 0
    /// True while a near-duplicate check of the archive is pending (`archive dedup`).
    public var dedupPending = false
    public var earliest: String?
    public var latest: String?
    public var undated = 0
    public var topTags: [(tag: String, count: Int)] = []
    /// The archive's size on disk, its write-ahead log included.
    public var fileBytes: Int64 = 0

    public static func == (lhs: ArchiveStats, rhs: ArchiveStats) -> Bool {
        lhs.articles == rhs.articles && lhs.duplicatesSeen == rhs.duplicatesSeen && lhs.files == rhs.files
            && lhs.filesIncomplete == rhs.filesIncomplete && lhs.importErrors == rhs.importErrors
            && lhs.clusters == rhs.clusters && lhs.versions == rhs.versions && lhs.dedupPending == rhs.dedupPending
            && lhs.earliest == rhs.earliest && lhs.latest == rhs.latest && lhs.undated == rhs.undated
            && lhs.topTags.elementsEqual(rhs.topTags) { $0 == $1 } && lhs.fileBytes == rhs.fileBytes
    }

    public static func load(from connection: Connection, path: String, topTagCount: Int = 10) throws -> ArchiveStats {
        var stats = ArchiveStats()
        stats.articles = try connection.scalarInt("SELECT count(*) FROM articles")
        stats.duplicatesSeen = try connection.scalarInt("SELECT coalesce(sum(duplicates), 0) FROM files")
        stats.files = try connection.scalarInt("SELECT count(*) FROM files")
        stats.filesIncomplete = try connection.scalarInt("SELECT count(*) FROM files WHERE status <> 'complete' AND path <> '-'")
        stats.importErrors = try connection.scalarInt("SELECT count(*) FROM import_errors WHERE article_id IS NULL")
        stats.undated = try connection.scalarInt("SELECT count(*) FROM articles WHERE published IS NULL")
        stats.versions = try connection.scalarInt("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
        stats.clusters = try connection.scalarInt("SELECT count(DISTINCT duplicate_of) FROM articles WHERE duplicate_of IS NOT NULL")
        stats.dedupPending = try DedupState.load(connection).isRunning
        try connection.prepare("SELECT min(published), max(published) FROM articles").forEachRow { row in
            stats.earliest = row.optionalString(0)
            stats.latest = row.optionalString(1)
        }
        try connection.prepare("""
            SELECT tag, count(*) AS n FROM article_tags GROUP BY tag COLLATE NOCASE ORDER BY n DESC, tag LIMIT ?
            """).bind(.integer(Int64(topTagCount))).forEachRow { row in
            stats.topTags.append((row.string(0), row.int(1)))
        }
        for suffix in ["", "-wal"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)??.int64Value
            stats.fileBytes += size ?? 0
        }
        return stats
    }
}
