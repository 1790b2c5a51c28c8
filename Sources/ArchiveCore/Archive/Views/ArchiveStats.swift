/// What an archive holds, for `archive stats`.
public struct ArchiveStats: Equatable, Sendable, Encodable {
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
    public var topTags: [TagCount] = []
    /// The archive's size on disk, its write-ahead log included.
    public var fileBytes: Int64 = 0

    public struct TagCount: Equatable, Sendable, Encodable {
        public var tag: String
        public var count: Int
    }

    /// Stories: each canonical article stands for its story and its other versions.
    public var stories: Int { articles - versions }

    enum CodingKeys: String, CodingKey {
        case articles, duplicatesSeen = "duplicates_seen", files, filesIncomplete = "files_incomplete"
        case importErrors = "import_errors", stories, clusters, versions, dedupPending = "dedup_pending"
        case earliest, latest, undated, topTags = "top_tags", fileBytes = "file_bytes"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(articles, forKey: .articles)
        try c.encode(duplicatesSeen, forKey: .duplicatesSeen)
        try c.encode(files, forKey: .files)
        try c.encode(filesIncomplete, forKey: .filesIncomplete)
        try c.encode(importErrors, forKey: .importErrors)
        try c.encode(stories, forKey: .stories)
        try c.encode(clusters, forKey: .clusters)
        try c.encode(versions, forKey: .versions)
        try c.encode(dedupPending, forKey: .dedupPending)
        try c.encode(earliest, forKey: .earliest)
        try c.encode(latest, forKey: .latest)
        try c.encode(undated, forKey: .undated)
        try c.encode(topTags, forKey: .topTags)
        try c.encode(fileBytes, forKey: .fileBytes)
    }
}
