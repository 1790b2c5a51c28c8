import ArchiveCore
import Foundation

/// Where the archive put one labeled record: the article it became (exact copies share
/// one) and the story that article belongs to, `coalesce(duplicate_of, id)`, with the
/// rule and similarity by which it was linked, if it was.
public struct ArchivePlacement: Equatable, Sendable {
    public var article: Int64
    public var story: Int64
    public var linkRule: String?
    public var linkSimilarity: Double?

    /// One placement per record of `set`, nil for a record the archive has no sighting of
    /// (rejected, or its file not read). Files are matched by name: the set's files all
    /// lie in one folder and have different names.
    public static func read(_ archive: Archive, for set: LabeledSet) throws -> [ArchivePlacement?] {
        var byLocation: [RecordLocation: ArchivePlacement] = [:]
        try archive.connection.prepare("""
            SELECT f.path, s.line, a.id, coalesce(a.duplicate_of, a.id), a.match_rule, a.similarity
            FROM sightings s JOIN files f ON f.id = s.file_id JOIN articles a ON a.id = s.article_id
            """).forEachRow { row in
            let location = RecordLocation(file: (row.string(0) as NSString).lastPathComponent, line: row.int(1))
            byLocation[location] = ArchivePlacement(
                article: Int64(row.int(2)), story: Int64(row.int(3)), linkRule: row.optionalString(4),
                linkSimilarity: row.isNull(5) ? nil : row.double(5))
        }
        return set.records.map { byLocation[$0.location] }
    }
}
