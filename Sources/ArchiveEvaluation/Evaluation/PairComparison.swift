import ArchiveCore
import SyntheticNews

/// How two bodies compare by the measures the archive uses: their sizes, shingle Jaccard
/// and its MinHash estimate, the containment of the smaller in the larger, and how many
/// candidate keys (LSH bands, lead) they share. Enough to see why a pair was or was not
/// merged: not found as candidates, or found and judged apart.
public struct PairComparison: Equatable, Sendable {
    public var words: (Int, Int)
    public var shingles: (Int, Int)
    public var jaccard: Double
    /// The share of MinHash positions that agree; it should be close to `jaccard`.
    public var estimatedJaccard: Double
    public var containment: Double
    public var sharedBands: Int
    /// LSH bands in a signature.
    public var bands = CandidateKeys.bandCount
    public var sameLead: Bool

    public init(_ a: String, _ b: String) {
        let first = Shingles(text: a), second = Shingles(text: b)
        words = (WordSpans(a).count, WordSpans(b).count)
        shingles = (first.count, second.count)
        jaccard = first.jaccard(second)
        let smaller = min(first.count, second.count)
        containment = smaller == 0 ? 0 : Double(first.intersectionCount(second)) / Double(smaller)
        let signatures = (MinHash(first), MinHash(second))
        estimatedJaccard = signatures.0.estimatedJaccard(signatures.1)
        let keys = (CandidateKeys(signature: signatures.0, shingles: first), CandidateKeys(signature: signatures.1, shingles: second))
        sharedBands = zip(keys.0.bands, keys.1.bands).filter { $0 == $1 }.count
        sameLead = keys.0.lead != nil && keys.0.lead == keys.1.lead
    }

    public static func == (lhs: PairComparison, rhs: PairComparison) -> Bool {
        lhs.words == rhs.words && lhs.shingles == rhs.shingles && lhs.jaccard == rhs.jaccard
            && lhs.estimatedJaccard == rhs.estimatedJaccard && lhs.containment == rhs.containment && lhs.sharedBands == rhs.sharedBands && lhs.sameLead == rhs.sameLead
    }
}

/// Two records worth a look: a copy the archive did not join to its original, or two
/// stories it merged.
public struct PairExample: Equatable, Sendable {
    public var first: LabeledRecord
    public var second: LabeledRecord
    public var comparison: PairComparison
    /// How the archive linked the second record's article (or the first's), if it did.
    public var link: String?
    /// For a missed copy: the order the two were read in and where each ended up.
    public var note: String?
}
