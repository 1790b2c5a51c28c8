/// A MinHash signature: for each of `permutations` hash functions, the smallest value
/// it gives any shingle. Two signatures agree in a position with probability equal to
/// the Jaccard similarity of the shingle sets.
///
/// The hash functions are h_i(x) = (a_i * x + b_i) >> 32 over 64-bit integers, with
/// a_i, b_i drawn once from a fixed-seed generator: the same signature for the same
/// text on every run and machine.
public struct MinHash: Equatable, Sendable {
    public let values: [UInt32]

    public static let permutations = 128

    /// (a_i, b_i); a_i odd.
    static let coefficients: [(a: UInt64, b: UInt64)] = {
        var state: UInt64 = 0x5EED_A11C_E5A7_0001
        func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            return StableHash.mix(state)
        }
        return (0..<permutations).map { _ in (next() | 1, next()) }
    }()

    static let multipliers: [UInt64] = coefficients.map(\.a)
    static let offsets: [UInt64] = coefficients.map(\.b)

    public init(_ shingles: Shingles) {
        var minima = [UInt32](repeating: .max, count: Self.permutations)
        Self.multipliers.withUnsafeBufferPointer { a in
            Self.offsets.withUnsafeBufferPointer { b in
                minima.withUnsafeMutableBufferPointer { m in
                    for x in shingles.distinct {
                        for i in 0..<Self.permutations {
                            let h = UInt32(truncatingIfNeeded: (a[i] &* x &+ b[i]) >> 32)
                            if h < m[i] { m[i] = h }
                        }
                    }
                }
            }
        }
        values = minima
    }

    /// The share of positions where two signatures agree: an estimate of Jaccard.
    public func estimatedJaccard(_ other: MinHash) -> Double {
        Double(zip(values, other.values).filter { $0 == $1 }.count) / Double(values.count)
    }
}
