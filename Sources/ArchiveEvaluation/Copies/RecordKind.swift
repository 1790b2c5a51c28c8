/// What a labeled record is: an original story, one kind of copy of it, or a hard
/// negative (a different story built to look like another).
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

/// The ways a dump repeats a story it already carried.
public enum CopyKind: Hashable, Sendable, CaseIterable {
    /// The same title and body under another release time.
    case exact
    /// A wire or desk prefix before the title (`UPDATE: `); the body as it was.
    case headlinePrefix
    /// Republished a day later: the release time and the dates in the text move.
    case dateChange
    /// Spaces doubled, lines broken, trailing spaces: what re-encoding does.
    case whitespace
    /// This share of the body's words (in percent) replaced by other words.
    case wordEdits(percent: Int)
    /// Cut after this share of the body's words (in percent), mid-sentence.
    case truncation(percent: Int)

    public static let allCases: [CopyKind] =
        [.exact, .headlinePrefix, .dateChange, .whitespace]
        + [1, 2, 3, 4, 5].map { .wordEdits(percent: $0) }
        + [50, 60, 70, 80, 90, 95].map { .truncation(percent: $0) }

    /// The name in labels files and reports.
    public var label: String {
        switch self {
        case .exact: "exact"
        case .headlinePrefix: "headline-prefix"
        case .dateChange: "date-change"
        case .whitespace: "whitespace"
        case .wordEdits(let percent): "edit-\(percent)pct"
        case .truncation(let percent): "truncate-\(percent)pct"
        }
    }
}

/// Different stories that share text with others on purpose; merging one is an error.
public enum HardNegativeKind: Hashable, Sendable, CaseIterable {
    /// Different bodies ending in the same standard closing paragraph.
    case sharedBoilerplate
    /// Different bodies opening with the same lead sentence.
    case sharedLead
    /// A daily market report: one template, that day's numbers and names.
    case marketTemplate

    public var label: String {
        switch self {
        case .sharedBoilerplate: "negative-boilerplate"
        case .sharedLead: "negative-lead"
        case .marketTemplate: "negative-market-report"
        }
    }
}
