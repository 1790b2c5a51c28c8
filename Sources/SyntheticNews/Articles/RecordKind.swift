/// What a record is: an original story, one kind of copy of it, or a hard negative (a
/// different story built to look like another). The evaluation labels its records with
/// it; the benchmark corpus plans its originals and copies with it.
public enum RecordKind: Hashable, Sendable, CustomStringConvertible {
    case original
    case copy(CopyKind)
    case negative(HardNegativeKind)

    public var description: String {
        switch self {
        case .original: "original"
        case .copy(let kind): kind.label
        case .negative(let kind): kind.label
        }
    }

    public init?(label: String) {
        if label == "original" { self = .original; return }
        if let kind = CopyKind.allCases.first(where: { $0.label == label }) { self = .copy(kind); return }
        if let kind = HardNegativeKind.allCases.first(where: { $0.label == label }) { self = .negative(kind); return }
        return nil
    }

    public var isHardNegative: Bool {
        if case .negative = self { return true }
        return false
    }
}
