import Crypto

/// The size and SHA-256 of a file's bytes, and optionally of a prefix of them: enough
/// to tell an unchanged file, a grown one (same prefix) and a different one apart.
///
/// A compressed file is hashed as it is on disk, undecoded. `damage(path:)` decodes one
/// to its end when its damage must be known before its records commit: a compressed
/// tar before its members are read, or a member too large to hold uncommitted.
public struct FileDigest: Equatable, Sendable {
    public let size: Int64
    public let sha256: [UInt8]
    /// SHA-256 of the first `prefixSize` bytes, when asked for and the file is longer.
    public let prefixSHA256: [UInt8]?
    /// The damage found in a compressed file (`damage(path:)`), nil when it decodes
    /// cleanly or was not decoded.
    public var damage: ReadError?

    /// The digest of a file's bytes as they are on disk (a compressed file undecoded:
    /// an unchanged one is skipped without being decoded).
    public init(path: String, prefixSize: Int64? = nil) throws(ReadError) {
        try self.init(stream: try DescriptorStream(path: path), prefixSize: prefixSize)
    }

    /// Decodes a compressed file to its end and returns the damage found (nil for a
    /// sound or uncompressed file): a gzip member's CRC is checked only at its end, and
    /// what a decoder makes of damaged data must not become articles.
    public static func damage(path: String) throws(ReadError) -> ReadError? {
        let (decoded, compression) = try Compression.decoding(try DescriptorStream(path: path), name: path)
        guard compression != nil else { return nil }
        do {
            _ = try decoded.skip(Int64.max)
        } catch where error.damage != nil {
            return error
        }
        return nil
    }

    /// The digest of everything `stream` holds (a member of a bundle, decoded).
    init(stream: ByteStream, prefixSize: Int64? = nil) throws(ReadError) {
        let hashing = HashingStream(stream, prefixSize: prefixSize)
        _ = try hashing.skip(Int64.max)
        (size, sha256, prefixSHA256) = hashing.result()
    }
}

/// Hashes what is read through it, and the first `prefixSize` bytes apart.
private final class HashingStream: ByteStream {
    private let base: ByteStream
    private let prefixSize: Int64?
    private var hasher = SHA256()
    private var prefix: [UInt8]?
    private var total: Int64 = 0

    init(_ base: ByteStream, prefixSize: Int64?) {
        self.base = base
        self.prefixSize = prefixSize
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let got = try base.read(into: buffer)
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
        if let prefixSize, prefix == nil, prefixSize > 0, total + Int64(got) >= prefixSize {
            let cut = Int(prefixSize - total)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<cut]))
            // SHA256 is a value type: a copy finalizes the prefix, the original goes on.
            prefix = Array(hasher.finalize())
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[cut...]))
        } else {
            hasher.update(bufferPointer: chunk)
        }
        total += Int64(got)
        return got
    }

    func result() -> (Int64, [UInt8], [UInt8]?) { (total, Array(hasher.finalize()), prefix) }
}
