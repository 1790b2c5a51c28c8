import SyntheticNews

/// One record of a labeled set: the article as a dump carries it, what it truly is, and
/// where it was written.
public struct LabeledRecord: Equatable, Sendable {
    public var article: NewsArticle
    /// Records of the same story, and only those, have the same story number.
    public var story: Int
    public var kind: RecordKind
    public var location: RecordLocation
    /// For a copy: the index, in the set's records, of its story's original.
    public var original: Int?
}

/// A record's place in a dump: the file's name and its line (1-based), as the archive's
/// `sightings` table records it.
public struct RecordLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public var description: String { "\(file):\(line)" }
}
