/// Hashing that gives the same numbers on every run and machine. Swift's `Hasher` is
/// seeded per process, so it must never feed a stored signature; these functions are
/// fixed: FNV-1a for bytes and the SplitMix64 finalizer for mixing.
enum StableHash {
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = fnv1aBasis
        for byte in bytes { hash = fnv1aStep(hash, byte) }
        return hash
    }

    static let fnv1aBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One byte of FNV-1a, for callers that hash words as they find them.
    @inline(__always)
    static func fnv1aStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An order-sensitive hash of a short run of hashes.
    static func combine(_ values: some Sequence<UInt64>, seed: UInt64 = 0) -> UInt64 {
        var hash = mix(seed)
        for value in values { hash = mix(hash ^ value) }
        return hash
    }
}
