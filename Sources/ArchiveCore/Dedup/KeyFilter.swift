/// A Bloom filter over the candidate keys on file: most new articles share no key with
/// any other, and the filter says so without asking SQLite. It may answer "maybe" for a
/// key that is absent (then the database is asked), never "no" for one that is present.
///
/// Blocked: all of a key's probes fall in one block of 512 bits, a cache line, picked by
/// the key's hash. Spread over the whole filter (over 20 MB at a million articles), each
/// of the 7 probes was a miss of the processor's caches, 119 for an article's 17 keys;
/// now 17, for about 1.0% false positives at 10 bits a key when full instead of 0.8%.
/// Saved filters of the spread layout were dropped by migration 17.
struct KeyFilter {
    private(set) var words: [UInt64]
    private(set) var count: Int
    /// Keys it holds at about 1% false positives each (less while it is not full).
    let capacity: Int
    static let bitsPerKey = 10
    static let probes = 7
    static let wordsPerBlock = 8

    init(capacity: Int) {
        self.capacity = max(capacity, 1 << 16)
        let blocks = (self.capacity * Self.bitsPerKey + 511) / 512
        words = [UInt64](repeating: 0, count: blocks * Self.wordsPerBlock)
        count = 0
    }

    /// A saved filter of `byteCount` bytes holding `count` keys, read by `read` into
    /// its storage.
    init?(byteCount: Int, count: Int, read: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        guard byteCount % (8 * Self.wordsPerBlock) == 0, byteCount > 0 else { return nil }
        words = [UInt64](repeating: 0, count: byteCount / 8)
        try words.withUnsafeMutableBytes { try read($0) }
        capacity = words.count * 64 / Self.bitsPerKey
        self.count = count
    }

    mutating func insert(_ key: Int64) {
        let (first, probeBits) = block(of: key)
        var bits = probeBits
        for _ in 0..<Self.probes {
            words[first + Int((bits >> 6) & 7)] |= 1 << (bits & 63)
            bits >>= 9
        }
        count += 1
    }

    func mayContain(_ key: Int64) -> Bool {
        let (first, probeBits) = block(of: key)
        var bits = probeBits
        for _ in 0..<Self.probes {
            if words[first + Int((bits >> 6) & 7)] & (1 << (bits & 63)) == 0 { return false }
            bits >>= 9
        }
        return true
    }

    /// The index of the key's block's first word, and 7 bit numbers within the block,
    /// 9 bits each, from a second hash.
    private func block(of key: Int64) -> (first: Int, bits: UInt64) {
        let hash = StableHash.mix(UInt64(bitPattern: key))
        let blocks = UInt64(words.count / Self.wordsPerBlock)
        return (Int(hash.multipliedFullWidth(by: blocks).high) * Self.wordsPerBlock, StableHash.mix(hash))
    }
}
