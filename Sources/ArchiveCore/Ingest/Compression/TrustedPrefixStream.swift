/// The decoded bytes of a damaged compressed file up to where they are known to be
/// right, then the damage: a gzip member's CRC is checked only at its end, so what the
/// decoder hands out before it may be garbage that must not become articles.
final class TrustedPrefixStream: ByteStream {
    private let base: ByteStream
    private let damage: ReadError
    private var remaining: Int64

    /// `base` from its start; `damage` carries the trusted length.
    init(_ base: ByteStream, damage: ReadError) {
        self.base = base
        self.damage = damage
        self.remaining = damage.damage?.trustedLength ?? 0
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard remaining > 0 else { throw damage }
        let wanted = Int(min(Int64(buffer.count), remaining))
        let got = try base.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        if got == 0 { throw damage }
        remaining -= Int64(got)
        return got
    }
}
