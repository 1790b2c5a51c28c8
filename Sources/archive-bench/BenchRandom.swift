import ArchiveCore

/// The corpus's randomness: ArchiveCore's SplitMix64, seeded per article (its number)
/// so that the output does not depend on how the work is split over threads.
struct BenchRandom {
    private var generator: SplitMix64

    init(_ seeds: UInt64...) {
        var state: UInt64 = 0x6A09_E667_F3BC_C908
        for seed in seeds {
            state = SplitMix64.mix(state ^ seed)
        }
        generator = SplitMix64(seed: state)
    }

    mutating func next() -> UInt64 { generator.next() }

    /// Uniform in 0..<bound (bound > 0).
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }
}
