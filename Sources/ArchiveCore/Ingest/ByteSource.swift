import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a file descriptor in large chunks: dumps are streamed, never loaded whole.
public final class ByteSource {
    public let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Offset in the file of `buffer[start]`.
    public private(set) var offset: Int64
    private var finished = false
    /// Standard input cannot be hashed beforehand; it is hashed as it is read.
    private var hasher: SHA256?
    /// Bytes read from the descriptor so far.
    public private(set) var bytesRead: Int64 = 0

    static let chunkSize = 1 << 20

    /// Opens `path` for reading, positioned at `offset`.
    public init(path: String, offset: Int64 = 0) throws(ReadError) {
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
        self.offset = offset
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// Wraps standard input (or any descriptor that it does not close), hashing what
    /// it reads.
    public init(descriptor: Int32, name: String) {
        self.hasher = SHA256()
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = false
        self.offset = 0
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Bytes available without another read.
    var available: Int { end - start }

    /// Makes at least `count` bytes available unless the input ends first; returns
    /// whether they are. Grows the buffer for long lines.
    @discardableResult
    func fill(atLeast count: Int) throws(ReadError) -> Bool {
        while available < count && !finished {
            if start > 0 && (end == buffer.count || start > buffer.count / 2) {
                buffer.withUnsafeMutableBufferPointer { pointer in
                    let base = pointer.baseAddress!
                    base.update(from: base + start, count: end - start)
                }
                end -= start
                start = 0
            }
            if end == buffer.count {
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let wanted = buffer.count - end
            let got = buffer.withUnsafeMutableBytes { pointer in
                read(descriptor, pointer.baseAddress! + end, wanted)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: name, errno: errno)
            }
            if got == 0 {
                finished = true
            } else {
                if hasher != nil {
                    buffer.withUnsafeBytes { hasher!.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[end..<(end + got)])) }
                }
                end += got
                bytesRead += Int64(got)
            }
        }
        return available >= count
    }

    /// SHA-256 of everything read, for sources that hash as they read.
    public var sha256: [UInt8]? { hasher.map { Array($0.finalize()) } }

    /// Calls `body` with the unread bytes (valid only during the call).
    func withUnread<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    func consume(_ count: Int) {
        precondition(count <= available)
        start += count
        offset += Int64(count)
    }
}

/// A file that could not be opened or read, with the reason.
public struct ReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// The system's error number, 0 when the reason is ours.
    public let code: Int32
    private let reason: String?

    public init(path: String, errno code: Int32) {
        self.path = path
        self.code = code
        self.reason = nil
    }

    /// A file that can be read but is not something this tool reads.
    public init(path: String, reason: String) {
        self.path = path
        self.code = 0
        self.reason = reason
    }

    public var description: String { "\(path): \(reason ?? String(cString: strerror(code)))" }
}
