/// SQLite's variable-length integers as FTS5 writes them in its records: seven bits a
/// byte, most significant first, the high bit set on every byte but the last; a ninth
/// byte carries eight bits and always ends the value.
enum FTS5Varint {
    /// The integer at `offset` in `bytes`, moving `offset` past it; nil when the bytes end
    /// before it does.
    @inline(__always)
    static func read<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: inout Int) -> Int?
    where Bytes.Index == Int {
        // Most values in a document list (deltas, sizes) take one byte.
        if offset < bytes.endIndex, bytes[offset] < 0x80 {
            offset += 1
            return Int(bytes[offset - 1])
        }
        var value = 0
        for length in 1...9 {
            guard offset < bytes.endIndex else { return nil }
            let byte = bytes[offset]
            offset += 1
            if length == 9 { return value << 8 | Int(byte) }
            value = value << 7 | Int(byte & 0x7F)
            if byte & 0x80 == 0 { return value }
        }
        return value
    }
}
