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
