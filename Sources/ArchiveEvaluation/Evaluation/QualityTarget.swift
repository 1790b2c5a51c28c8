import SyntheticNews

/// The targets, so the report can say PASS or MISS for each row.
public enum QualityTarget: Equatable, Sendable, CustomStringConvertible {
    /// Precision and recall both 1.
    case perfect
    case recall(atLeast: Double)
    /// Measured for information only.
    case none

    public static let nearCopyRecall = 0.98
    public static let overallPrecision = 0.995

    /// Exact copies must all be found and never merged wrongly; light edits (at most 2%),
    /// prefixes, date changes, white space and cuts to 70% or more must be found 98 times
    /// in 100; heavier edits and shorter cuts are reported only.
    public static func target(for kind: CopyKind) -> QualityTarget {
        switch kind {
        case .exact: .perfect
        case .headlinePrefix, .dateChange, .whitespace: .recall(atLeast: nearCopyRecall)
        case .wordEdits(let percent): percent <= 2 ? .recall(atLeast: nearCopyRecall) : .none
        case .truncation(let percent): percent >= 70 ? .recall(atLeast: nearCopyRecall) : .none
        }
    }

    /// nil when there is nothing to meet.
    public func isMet(by score: KindScore) -> Bool? {
        switch self {
        case .perfect: score.recall == 1 && score.precision == 1
        case .recall(let minimum): score.recall >= minimum
        case .none: nil
        }
    }

    public var description: String {
        switch self {
        case .perfect: "P = R = 1"
        case .recall(let minimum): "R >= \(minimum)"
        case .none: "(info)"
        }
    }
}
