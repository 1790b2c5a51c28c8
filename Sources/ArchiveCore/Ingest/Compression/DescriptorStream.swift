#if canImport(Glibc)
import Glibc
#endif
import Crypto

/// A file descriptor read with `read(2)`: a file (from any offset) or standard input,
/// which is hashed as it is read because it cannot be hashed beforehand.
final class DescriptorStream: ByteStream {
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var hasher: SHA256?
    /// Bytes taken from the descriptor, hashed or not.
    private(set) var bytesRead: Int64 = 0

    init(path: String, offset: Int64 = 0) throws(ReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno) }
        if offset > 0, lseek(descriptor, off_t(offset), SEEK_SET) < 0 {
            let code = errno
            close(descriptor)
            throw ReadError(path: path, errno: code)
        }
        self.name = path
        self.descriptor = descriptor
        self.ownsDescriptor = true
    }

    /// Wraps a descriptor it does not close (standard input), hashing what it reads.
    init(descriptor: Int32, name: String) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = false
        self.hasher = SHA256()
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// SHA-256 of everything read, for a stream that hashes as it reads.
    var sha256: [UInt8]? { hasher.map { Array($0.finalize()) } }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            let got = Glibc.read(descriptor, buffer.baseAddress!, buffer.count)
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: name, errno: errno)
            }
            if got > 0 {
                hasher?.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
                bytesRead += Int64(got)
            }
            return got
        }
    }
}
