import Crypto
#if canImport(Glibc)
import Glibc
#endif

/// The size and SHA-256 of a file's bytes, and optionally of a prefix of them: enough
/// to tell an unchanged file, a grown one (same prefix) and a different one apart.
public struct FileDigest: Equatable, Sendable {
    public let size: Int64
    public let sha256: [UInt8]
    /// SHA-256 of the first `prefixSize` bytes, when asked for and the file is longer.
    public let prefixSHA256: [UInt8]?

    public init(path: String, prefixSize: Int64? = nil) throws(ReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno) }
        defer { close(descriptor) }
        var hasher = SHA256()
        var prefix: [UInt8]?
        var total: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, errno: errno)
            }
            if got == 0 { break }
            buffer.withUnsafeBytes { bytes in
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[0..<got])
                if let prefixSize, prefix == nil, total + Int64(got) >= prefixSize, prefixSize > 0 {
                    let cut = Int(prefixSize - total)
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<cut]))
                    // SHA256 is a value type: a copy finalizes the prefix, the original goes on.
                    prefix = Array(hasher.finalize())
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[cut...]))
                } else {
                    hasher.update(bufferPointer: chunk)
                }
            }
            total += Int64(got)
        }
        size = total
        sha256 = Array(hasher.finalize())
        prefixSHA256 = prefix
    }
}
