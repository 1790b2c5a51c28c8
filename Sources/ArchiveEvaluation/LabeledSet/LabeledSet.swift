import SyntheticNews

/// A labeled test set for near-duplicate detection: originals, copies of them of every
/// kind, and hard negatives, laid out over dump files. Records are in dump order, file
/// by file.
public struct LabeledSet: Equatable, Sendable {
    public static let firstFile = "dump-1.jsonl"
    public static let secondFile = "dump-2.jsonl"
    public static let labelsFile = "labels.jsonl"

    public var records: [LabeledRecord]
    /// File names in import order.
    public var files: [String]

    public func records(of kind: RecordKind) -> [LabeledRecord] {
        records.filter { $0.kind == kind }
    }

    public var storyCount: Int { Set(records.map(\.story)).count }
}
