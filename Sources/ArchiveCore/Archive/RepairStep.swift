/// The parts `archive repair` rebuilds, in order; each is reported when done.
public enum RepairStep: String, Sendable, CaseIterable {
    case fullTextIndex = "full-text index rebuilt"
    case tagRows = "tag rows rebuilt"
    case sightings = "orphaned sightings removed"
    case nearDuplicates = "near-duplicate keys and links rebuilt"
}
