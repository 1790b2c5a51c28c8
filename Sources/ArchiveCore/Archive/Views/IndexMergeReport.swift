/// What `archive optimize` did to one full-text index.
public struct IndexMergeReport: Sendable, Equatable, Encodable {
    /// The index as people call it ("full-text index", "CJK index").
    public let index: String
    public let segmentsBefore: Int
    public let segmentsAfter: Int
    public let seconds: Double

    enum CodingKeys: String, CodingKey {
        case index
        case segmentsBefore = "segments_before"
        case segmentsAfter = "segments_after"
        case seconds
    }
}
