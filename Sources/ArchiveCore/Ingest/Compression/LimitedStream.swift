/// The next `length` bytes of another stream: a member of a bundle. Ending before
/// them is damage, not a short member.
final class LimitedStream: ByteStream {
    private let base: ByteStream
    private let name: String
    private(set) var remaining: Int64

    init(_ base: ByteStream, length: Int64, name: String) {
        self.base = base
        self.remaining = length
        self.name = name
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard remaining > 0 else { return 0 }
        let wanted = Int(min(Int64(buffer.count), remaining))
        let got = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        if got == 0 { throw ReadError(path: name, reason: "the bundle ends early (\(remaining) bytes of this member missing)") }
        remaining -= Int64(got)
        return got
    }
}
