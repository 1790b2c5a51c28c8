import Foundation

/// The counts behind `archive stats`.
struct StatsQuery {
    let connection: Connection

    func stats(path: String, topTagCount: Int = 10) throws -> ArchiveStats {
        var stats = ArchiveStats()
        stats.articles = try connection.scalarInt("SELECT count(*) FROM articles")
        stats.duplicatesSeen = try connection.scalarInt("SELECT coalesce(sum(duplicates), 0) FROM files")
        stats.files = try connection.scalarInt("SELECT count(*) FROM files")
        stats.filesIncomplete = try connection.scalarInt("SELECT count(*) FROM files WHERE status <> '\(FileStatus.complete)' AND path <> '\(FileStatus.standardInputPath)'")
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
            stats.topTags.append(ArchiveStats.TagCount(tag: row.string(0), count: row.int(1)))
        }
        for suffix in ["", "-wal"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)??.int64Value
            stats.fileBytes += size ?? 0
        }
        return stats
    }
}
