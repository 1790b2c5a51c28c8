/// Another stream whose first bytes can be looked at before they are read: how a
/// compressed member of a bundle is told apart.
final class PeekableStream: ByteStream {
    private let base: ByteStream
    private var lookahead: [UInt8] = []

    init(_ base: ByteStream) {
        self.base = base
    }

    func peek(_ count: Int) throws(ReadError) -> [UInt8] {
        while lookahead.count < count {
            var chunk = [UInt8](repeating: 0, count: count - lookahead.count)
            let got = try base.read(into: &chunk, 0..<chunk.count)
            if got == 0 { break }
            lookahead += chunk[0..<got]
        }
        return Array(lookahead.prefix(count))
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard lookahead.isEmpty else {
            let count = min(buffer.count, lookahead.count)
            lookahead.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
            lookahead.removeFirst(count)
            return count
        }
        return try base.read(into: buffer)
    }
}
