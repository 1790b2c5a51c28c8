/// When two versions are the same story, and which of them stands for it.
public struct NearDuplicatePolicy: Equatable, Sendable {
    /// Shingle Jaccard at or above which two texts are versions of one story.
    public var jaccard: Double
    /// For a copy cut short: the share of the shorter text's shingles found in the
    /// longer one, at or above which the shorter is a truncated version.
    public var containment: Double
    /// The containment rule applies only when the shorter text has at least this many
    /// shingles, so short boilerplate (a standard closing paragraph, a one-line notice)
    /// never makes two stories one.
    public var minimumShingles: Int
    /// A later version replaces the canonical one when the canonical is at most this
    /// share of its length and contained in it: the full text wins over a cut-short copy.
    public var truncationLength: Double

    public static let standard = NearDuplicatePolicy(jaccard: 0.8, containment: 0.9, minimumShingles: 50, truncationLength: 0.95)

    public init(jaccard: Double, containment: Double, minimumShingles: Int, truncationLength: Double = 0.95) {
        self.jaccard = jaccard
        self.containment = containment
        self.minimumShingles = minimumShingles
        self.truncationLength = truncationLength
    }

    /// How two texts compare.
    public struct Match: Equatable, Sendable {
        public enum Rule: String, Sendable {
            case jaccard
            case containment
        }

        public let rule: Rule
        /// Jaccard for the first rule, containment of the shorter for the second.
        public let similarity: Double
    }

    /// The rule by which `a` and `b` are one story, if any (Jaccard is tried first).
    public func match(_ a: Shingles, _ b: Shingles) -> Match? {
        guard a.count > 0, b.count > 0 else { return nil }
        let shared = a.intersectionCount(b)
        let jaccard = Double(shared) / Double(a.count + b.count - shared)
        if jaccard >= self.jaccard { return Match(rule: .jaccard, similarity: jaccard) }
        let shorter = min(a.count, b.count)
        guard shorter >= minimumShingles else { return nil }
        let containment = Double(shared) / Double(shorter)
        return containment >= self.containment ? Match(rule: .containment, similarity: containment) : nil
    }

    /// True when `longer` should replace `canonical` as the story's canonical version:
    /// strictly longer by the margin, and containing it.
    public func supersedes(_ longer: Shingles, canonical: Shingles) -> Bool {
        guard Double(canonical.count) <= truncationLength * Double(longer.count), canonical.count > 0 else { return false }
        let containment = Double(canonical.intersectionCount(longer)) / Double(canonical.count)
        return containment >= self.containment
    }
}
