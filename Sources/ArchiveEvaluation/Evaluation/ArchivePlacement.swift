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
        for placement in try archive.placements() {
            let location = RecordLocation(file: (placement.path as NSString).lastPathComponent, line: placement.line)
            byLocation[location] = ArchivePlacement(
                article: placement.article, story: placement.story, linkRule: placement.linkRule,
                linkSimilarity: placement.linkSimilarity)
        }
        return set.records.map { byLocation[$0.location] }
    }
}
