import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads a dump in large chunks: dumps are streamed, never loaded whole. The bytes
/// come from a `ByteStream`: the file itself, or its decoder when it is compressed
/// (told by its first bytes), or a member of a bundle. Offsets are in the bytes the
/// readers see, decoded.
public final class ByteSource {
    public let name: String
    private let stream: ByteStream
    /// The descriptor underneath, for what it read and hashed (standard input).
    private let descriptor: DescriptorStream?
    /// How the bytes were compressed, nil when they were not.
    public let compression: Compression?
    /// The decoder of a compressed file opened by path, whose checks say how far its
    /// bytes are known good (`verifiedOffset`).
    private let decoder: DecodingStream?
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Offset in the (decoded) input of `buffer[start]`.
    public private(set) var offset: Int64
    private var finished = false

    static let chunkSize = 1 << 20

    /// Opens `path` for reading, positioned at `offset` of its decoded bytes. A
    /// compressed file is decoded from its start up to there; one known to be damaged
    /// (`damage`) ends with that damage where its good bytes end.
    public init(path: String, offset: Int64 = 0, damage: ReadError? = nil) throws(ReadError) {
        var (stream, compression) = try Compression.decoding(try DescriptorStream(path: path), name: path)
        var decoder = stream as? DecodingStream
        if compression == nil, offset > 0 {
            stream = try DescriptorStream(path: path, offset: offset)
        } else if let damage {
            stream = TrustedPrefixStream(stream, damage: damage)
            decoder = nil
        }
        self.stream = stream
        self.name = path
        self.descriptor = nil
        self.compression = compression
        self.decoder = decoder
        self.offset = 0
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        if compression == nil { self.offset = offset } else { try advance(to: offset) }
    }

    /// The decoded bytes of `path` as a stream (a tar bundle is read through one), up
    /// to `damage` when the file was found damaged.
    static func decodedStream(path: String, damage: ReadError? = nil) throws(ReadError) -> ByteStream {
        try ByteSource(path: path, damage: damage).stream
    }

    /// Wraps standard input (or any descriptor that it does not close), hashing the
    /// bytes it reads; compressed input is decoded.
    public convenience init(descriptor: Int32, name: String) throws(ReadError) {
        let input = DescriptorStream(descriptor: descriptor, name: name)
        let (stream, compression) = try Compression.decoding(input, name: name)
        self.init(stream: stream, name: name, descriptor: input, compression: compression)
    }

    /// Reads `stream` from its start.
    init(stream: ByteStream, name: String, descriptor: DescriptorStream? = nil, compression: Compression? = nil) {
        self.stream = stream
        self.name = name
        self.descriptor = descriptor
        self.compression = compression
        self.decoder = nil
        self.offset = 0
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// How far the decoded bytes are known good: a gzip member's CRC (a zstd frame's
    /// checksum, ...) is checked only at its end, so the bytes of the member being
    /// decoded are not, yet. Only a compressed file opened by path counts this (it alone
    /// can be read again if a check fails); everything else is taken as it comes.
    var verifiedOffset: Int64 { decoder?.memberStart ?? .max }

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
            let got = try stream.read(into: &buffer, end..<buffer.count)
            if got == 0 {
                finished = true
            } else {
                end += got
            }
        }
        return available >= count
    }

    /// Makes up to `count` bytes available to look at (the encoding, the format). Damaged
    /// compressed data is not reported here: whoever reads on meets it again, after the
    /// records before it.
    func fillSample(_ count: Int) throws(ReadError) {
        do {
            try fill(atLeast: count)
        } catch where error.damage != nil {}
    }

    /// SHA-256 of everything read from standard input, as it came (compressed or not).
    public var sha256: [UInt8]? { descriptor?.sha256 }

    /// Bytes read from standard input, as they came.
    public var bytesRead: Int64 { descriptor?.bytesRead ?? offset }

    /// Calls `body` with the unread bytes (valid only during the call).
    func withUnread<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Reads and drops what lies before `target` (a resumed member of a bundle).
    func advance(to target: Int64) throws(ReadError) {
        while offset < target {
            guard try fill(atLeast: 1) else {
                throw ReadError(path: name, reason: "the data is shorter than where the last import stopped (byte \(target))")
            }
            consume(Int(min(Int64(available), target - offset)))
        }
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
    public init(path: String, reason: String, damage: Damage? = nil) {
        self.path = path
        self.code = 0
        self.reason = reason
        self.damage = damage
    }

    /// Compressed data that is cut short or corrupt.
    public enum Damage: Equatable, Sendable {
        /// `trustedLength`: the decoded bytes before the damage that are known to be right.
        case endsEarly(trustedLength: Int64)
        case corrupt(trustedLength: Int64)

        public var trustedLength: Int64 {
            switch self {
            case .endsEarly(let length), .corrupt(let length): return length
            }
        }
    }

    /// Set when compressed data was damaged.
    public private(set) var damage: Damage?

    /// What went wrong, without the path.
    public var message: String { reason ?? String(cString: strerror(code)) }

    public var description: String { "\(path): \(message)" }
}
