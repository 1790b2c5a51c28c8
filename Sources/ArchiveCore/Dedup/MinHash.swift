import CMinHash

/// A MinHash signature: for each of `permutations` hash functions, the smallest value
/// it gives any shingle. Two signatures agree in a position with probability equal to
/// the Jaccard similarity of the shingle sets.
///
/// Hash function i maps a shingle, folded to 32 bits x, to ((a_i * x + b_i) mod 2^64)
/// >> 32: Dietzfelbinger's strongly universal multiply-add-shift scheme, with 64-bit
/// a_i and b_i drawn once from a fixed-seed generator. The same text therefore has the
/// same signature on every run and machine. The loop is in C (CMinHash) so that it can
/// use vector instructions where the processor has them (AVX-512 or AVX2); every path
/// gives the same numbers.
public struct MinHash: Equatable, Sendable {
    public let values: [UInt32]

    public static let permutations = 128

    static let multipliers: [UInt64] = coefficients.a
    static let offsets: [UInt64] = coefficients.b

    private static let coefficients: (a: [UInt64], b: [UInt64]) = {
        var state: UInt64 = 0x5EED_A11C_E5A7_0001
        func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            return StableHash.mix(state)
        }
        var a: [UInt64] = [], b: [UInt64] = []
        for _ in 0..<permutations {
            a.append(next())
            b.append(next())
        }
        return (a, b)
    }()

    public init(_ shingles: Shingles) {
        values = Self.compute(shingles) { archive_minhash128($0, $1, $2, $3, $4); return 1 }!
    }

    /// The signature through one of the C loop's paths (0: plain C, 256: AVX2, 512:
    /// AVX-512), nil where the processor lacks it: each path must give the same values.
    static func values(_ shingles: Shingles, vectorBits: Int32) -> [UInt32]? {
        compute(shingles) { archive_minhash128_with(vectorBits, $0, $1, $2, $3, $4) }
    }

    private static func compute(
        _ shingles: Shingles,
        _ loop: (UnsafePointer<UInt64>?, Int, UnsafePointer<UInt64>?, UnsafePointer<UInt64>?, UnsafeMutablePointer<UInt32>?) -> Int32
    ) -> [UInt32]? {
        var values = [UInt32](repeating: .max, count: permutations)
        let ran = shingles.distinct.withUnsafeBufferPointer { hashes in
            multipliers.withUnsafeBufferPointer { a in
                offsets.withUnsafeBufferPointer { b in
                    values.withUnsafeMutableBufferPointer { out in
                        loop(hashes.baseAddress, hashes.count, a.baseAddress, b.baseAddress, out.baseAddress)
                    }
                }
            }
        }
        return ran == 0 ? nil : values
    }

    /// The signature computed the plain way, one function at a time: the reference
    /// the vectorized loop must agree with.
    static func reference(_ shingles: Shingles) -> [UInt32] {
        (0..<permutations).map { i in
            shingles.distinct.map { x in
                UInt32(truncatingIfNeeded: (multipliers[i] &* ((x ^ (x >> 32)) & 0xFFFF_FFFF) &+ offsets[i]) >> 32)
            }.min() ?? .max
        }
    }

    /// The share of positions where two signatures agree: an estimate of Jaccard.
    public func estimatedJaccard(_ other: MinHash) -> Double {
        Double(zip(values, other.values).filter { $0 == $1 }.count) / Double(values.count)
    }
}
