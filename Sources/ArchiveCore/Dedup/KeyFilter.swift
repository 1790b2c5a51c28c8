/// A Bloom filter over the candidate keys on file: most new articles share no key with
/// any other, and the filter says so without asking SQLite. It may answer "maybe" for a
/// key that is absent (then the database is asked), never "no" for one that is present.
struct KeyFilter {
    private(set) var words: [UInt64]
    private(set) var count: Int
    /// Keys it holds at about 1% false positives each (less while it is not full).
    let capacity: Int
    static let bitsPerKey = 10
    static let probes = 7

    init(capacity: Int) {
        self.capacity = max(capacity, 1 << 16)
        words = [UInt64](repeating: 0, count: (self.capacity * Self.bitsPerKey + 63) / 64)
        count = 0
    }

    /// A saved filter of `byteCount` bytes holding `count` keys, read by `read` into
    /// its storage.
    init?(byteCount: Int, count: Int, read: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        guard byteCount % 8 == 0, byteCount > 0 else { return nil }
        words = [UInt64](repeating: 0, count: byteCount / 8)
        try words.withUnsafeMutableBytes { try read($0) }
        capacity = words.count * 64 / Self.bitsPerKey
        self.count = count
    }


    mutating func insert(_ key: Int64) {
        let size = UInt64(words.count * 64)
        var hash = StableHash.mix(UInt64(bitPattern: key))
        let step = StableHash.mix(hash) | 1
        for _ in 0..<Self.probes {
            let bit = hash.multipliedFullWidth(by: size).high
            words[Int(bit >> 6)] |= 1 << (bit & 63)
            hash &+= step
        }
        count += 1
    }

    func mayContain(_ key: Int64) -> Bool {
        let size = UInt64(words.count * 64)
        var hash = StableHash.mix(UInt64(bitPattern: key))
        let step = StableHash.mix(hash) | 1
        for _ in 0..<Self.probes {
            let bit = hash.multipliedFullWidth(by: size).high
            if words[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
            hash &+= step
        }
        return true
    }
}
