/// The compressed formats a dump may come in, told by their first bytes (whatever the
/// file is called) and decoded by the system's reference libraries as it is read.
public enum Compression: String, Sendable, CaseIterable {
    case gzip, zstd, xz, bzip2

    /// The format whose magic bytes `start` begins with, nil for anything else.
    init?(magic start: [UInt8]) {
        func begins(_ magic: [UInt8]) -> Bool { start.count >= magic.count && Array(start.prefix(magic.count)) == magic }
        if begins([0x1F, 0x8B]) {
            self = .gzip
        } else if begins([0x28, 0xB5, 0x2F, 0xFD]) {
            self = .zstd
        } else if begins([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) {
            self = .xz
        } else if start.count >= 10, begins([0x42, 0x5A, 0x68]), (0x31...0x39).contains(start[3]),
                  // A text could start with "BZh1": the block or end-of-stream magic must follow.
                  [[0x31, 0x41, 0x59, 0x26, 0x53, 0x59], [0x17, 0x72, 0x45, 0x38, 0x50, 0x90]].contains(Array(start[4..<10])) {
            self = .bzip2
        } else {
            return nil
        }
    }

    /// Bytes enough to tell every format apart.
    static let magicLength = 10

    /// The extensions that name each format (`.tgz` is a gzip-compressed tar).
    var extensions: [String] {
        switch self {
        case .gzip: return [".gz", ".gzip"]
        case .zstd: return [".zst", ".zstd"]
        case .xz: return [".xz"]
        case .bzip2: return [".bz2"]
        }
    }

    /// `dump.jsonl.gz` -> (`dump.jsonl`, gzip); a name without such an extension is
    /// returned as it is.
    static func strippingExtension(_ name: String) -> (name: String, compression: Compression?) {
        let lower = name.lowercased()
        for compression in allCases {
            for suffix in compression.extensions where lower.hasSuffix(suffix) {
                return (String(name.dropLast(suffix.count)), compression)
            }
        }
        return (name, nil)
    }

    /// `stream`'s bytes decoded when its first bytes name a compression, as they are
    /// otherwise; and which compression it was.
    static func decoding(_ stream: ByteStream, name: String) throws(ReadError) -> (stream: ByteStream, compression: Compression?) {
        let peekable = PeekableStream(stream)
        guard let compression = Compression(magic: try peekable.peek(magicLength)) else { return (peekable, nil) }
        return (compression.decoder(over: peekable, name: name), compression)
    }

    /// A stream of the decoded bytes of `input`; `name` is the file named in errors.
    func decoder(over input: ByteStream, name: String) -> DecodingStream {
        let codec: StreamCodec
        switch self {
        case .gzip: codec = InflateCodec(windowBits: 15 + 16)
        case .zstd: codec = ZstdCodec()
        case .xz: codec = XzCodec()
        case .bzip2: codec = Bzip2Codec()
        }
        return DecodingStream(input: input, codec: codec, name: name)
    }
}
