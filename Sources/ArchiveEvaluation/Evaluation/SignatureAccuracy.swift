import ArchiveCore

/// How well the archive's MinHash signatures estimate the Jaccard similarity they stand
/// for, over (original, copy) pairs of the set: LSH finds candidates only as well as the
/// estimate tracks the truth, so a biased signature shows up here before it shows up as
/// missed copies.
public struct SignatureAccuracy: Equatable, Sendable {
    public var pairs: Int
    /// Hash functions in a signature.
    public var permutations = MinHash.permutations
    public var meanJaccard: Double
    public var meanEstimate: Double
    public var meanAbsoluteError: Double
    /// What `meanAbsoluteError` would be with independent hash functions: the estimate is
    /// then binomial, with mean absolute deviation about sqrt(2 J (1 - J) / (pi k)).
    public var expectedAbsoluteError: Double

    /// Every `stride`-th copy whose text differs from its original's, up to `limit` pairs.
    public init(set: LabeledSet, limit: Int = 300) {
        let copies = set.records.filter { record in
            guard case .copy(let kind) = record.kind else { return false }
            return kind != .exact && kind != .whitespace && kind != .headlinePrefix
        }
        let stride = max(1, copies.count / max(1, limit))
        var jaccard = 0.0, estimate = 0.0, error = 0.0, expected = 0.0, count = 0
        for copy in Swift.stride(from: 0, to: copies.count, by: stride).map({ copies[$0] }).prefix(limit) {
            let original = set.records[copy.original!]
            let a = Shingles(text: original.article.body), b = Shingles(text: copy.article.body)
            let truth = a.jaccard(b), estimated = MinHash(a).estimatedJaccard(MinHash(b))
            jaccard += truth
            estimate += estimated
            error += abs(truth - estimated)
            expected = expected + (2 * truth * (1 - truth) / (Double.pi * Double(MinHash.permutations))).squareRoot()
            count += 1
        }
        let n = Double(max(1, count))
        pairs = count
        meanJaccard = jaccard / n
        meanEstimate = estimate / n
        meanAbsoluteError = error / n
        expectedAbsoluteError = expected / n
    }
}
