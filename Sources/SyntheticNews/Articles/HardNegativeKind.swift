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
