/// Where one record read from a dump went: the article it became (exact copies share
/// one) and that article's story (`coalesce(duplicate_of, id)`), with the rule and
/// similarity it was linked by, if it was. For judging near-duplicate detection.
public struct RecordPlacement: Equatable, Sendable {
    /// The dump's path as imported, and the record's first line.
    public var path: String
    public var line: Int
    public var article: Int64
    public var story: Int64
    public var linkRule: String?
    public var linkSimilarity: Double?
}
