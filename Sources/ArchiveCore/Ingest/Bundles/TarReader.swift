/// The members of a tar stream, in the order they are stored: POSIX ustar headers,
/// with GNU long names and pax `path` records. Reads forward only, so a compressed tar
/// is decoded once; a member's bytes are read through `memberStream()` before `next()`
/// moves on (what is left of them is skipped).
final class TarReader {
    struct Entry: Sendable {
        let name: String
        let size: Int64
        let kind: Kind
        /// Where the member's bytes start in the (decoded) tar stream.
        let dataOffset: Int64
    }

    enum Kind: Equatable, Sendable {
        case file
        case directory
        /// Links, devices and the like: nothing to read.
        case other
    }

    private let stream: ByteStream
    private let name: String
    /// Bytes of the tar stream taken so far.
    private(set) var position: Int64 = 0
    /// Bytes of the current member not yet read, and the padding after them.
    private var dataLeft: Int64 = 0
    private var paddingLeft: Int64 = 0

    init(stream: ByteStream, name: String) {
        self.stream = stream
        self.name = name
    }

    /// The next member, nil at the end of the archive.
    func next() throws(ReadError) -> Entry? {
        try skip(dataLeft + paddingLeft)
        dataLeft = 0
        paddingLeft = 0
        var longName: String?
        var paxPath: String?
        while true {
            guard let header = try block() else { return nil }
            if header.allSatisfy({ $0 == 0 }) { return nil }
            guard Self.checksumMatches(header) else {
                throw ReadError(path: name, reason: "not a tar header at byte \(position - 512) (the bundle is damaged)")
            }
            guard let size = Self.size(header) else {
                throw ReadError(path: name, reason: "unreadable member size in the tar header at byte \(position - 512)")
            }
            let type = header[156]
            switch type {
            case UInt8(ascii: "L"):
                longName = Self.text(try data(size))
            case UInt8(ascii: "x"):
                paxPath = Self.paxRecords(try data(size))["path"] ?? paxPath
            case UInt8(ascii: "g"), UInt8(ascii: "K"):
                _ = try data(size)
            default:
                let stored = Self.text(header[0..<100])
                let prefix = header[257..<262].elementsEqual("ustar".utf8) ? Self.text(header[345..<500]) : ""
                var memberName = paxPath ?? longName ?? (prefix.isEmpty ? stored : prefix + "/" + stored)
                // `tar -C dir .` names every member `./...`: the same file either way.
                while memberName.hasPrefix("./") { memberName.removeFirst(2) }
                let kind: Kind
                switch type {
                case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = memberName.hasSuffix("/") ? .directory : .file
                case UInt8(ascii: "5"): kind = .directory
                default: kind = .other
                }
                dataLeft = kind == .file ? size : 0
                paddingLeft = (kind == .file ? Self.padded(size) - size : 0)
                if kind != .file { try skip(Self.padded(size)) }
                return Entry(name: memberName, size: kind == .file ? size : 0, kind: kind, dataOffset: position)
            }
        }
    }

    /// The current member's bytes.
    func memberStream(name: String) -> ByteStream { TarMemberStream(reader: self, name: name) }

    fileprivate func readMember(into buffer: UnsafeMutableRawBufferPointer, name: String) throws(ReadError) -> Int {
        guard dataLeft > 0 else { return 0 }
        let wanted = Int(min(Int64(buffer.count), dataLeft))
        let got = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        if got == 0 { throw ReadError(path: name, reason: "the bundle ends early (\(dataLeft) bytes of this member missing)") }
        dataLeft -= Int64(got)
        position += Int64(got)
        return got
    }

    // MARK: Blocks

    /// The next 512-byte block; nil at a clean end of the stream.
    private func block() throws(ReadError) -> [UInt8]? {
        var header = [UInt8](repeating: 0, count: 512)
        var done = 0
        while done < 512 {
            let got = try stream.read(into: &header, done..<512)
            if got == 0 { break }
            done += got
        }
        position += Int64(done)
        if done == 0 { return nil }
        guard done == 512 else { throw ReadError(path: name, reason: "the bundle ends early (inside a tar header at byte \(position - Int64(done)))") }
        return header
    }

    /// A special member's bytes (a long name, pax records), which are small.
    private func data(_ size: Int64) throws(ReadError) -> [UInt8] {
        guard size <= 1 << 20 else { throw ReadError(path: name, reason: "a tar extended header of \(size) bytes is too large") }
        var bytes: [UInt8] = []
        var left = Self.padded(size)
        while left > 0 {
            guard let block = try block() else { throw ReadError(path: name, reason: "the bundle ends early (inside a tar header)") }
            bytes += block
            left -= 512
        }
        return Array(bytes.prefix(Int(size)))
    }

    private func skip(_ count: Int64) throws(ReadError) {
        guard count > 0 else { return }
        let skipped = try stream.skip(count)
        position += skipped
        if skipped < count { throw ReadError(path: name, reason: "the bundle ends early (inside a member)") }
    }

    // MARK: Header fields

    static func padded(_ size: Int64) -> Int64 { (size + 511) / 512 * 512 }

    private static func text(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// Octal digits, or GNU's base-256 form (high bit set) for sizes of 8 GB and more.
    static func size(_ header: [UInt8]) -> Int64? {
        let field = header[124..<136]
        if let first = field.first, first & 0x80 != 0 {
            var value: Int64 = Int64(first & 0x7F)
            for byte in field.dropFirst() {
                guard value < Int64.max >> 8 else { return nil }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        var value: Int64 = 0
        var sawDigit = false
        for byte in field {
            if byte == 0 || byte == 0x20 { if sawDigit { break } else { continue } }
            guard (0x30...0x37).contains(byte), value < Int64.max >> 3 else { return nil }
            value = value << 3 | Int64(byte - 0x30)
            sawDigit = true
        }
        return value
    }

    /// The header's checksum: the sum of its bytes with the checksum field as spaces.
    static func checksumMatches(_ header: [UInt8]) -> Bool {
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        var stored = 0
        for byte in header[148..<156] where (0x30...0x37).contains(byte) { stored = stored << 3 | Int(byte - 0x30) }
        return sum == stored
    }

    /// pax records: `LENGTH KEY=VALUE\n`, one after another.
    static func paxRecords(_ bytes: [UInt8]) -> [String: String] {
        var records: [String: String] = [:]
        var at = 0
        while at < bytes.count {
            guard let space = bytes[at...].firstIndex(of: 0x20),
                  let length = Int(String(decoding: bytes[at..<space], as: UTF8.self)), length > 0, at + length <= bytes.count else { break }
            var record = bytes[(space + 1)..<(at + length)]
            if record.last == 0x0A { record = record.dropLast() }
            if let equals = record.firstIndex(of: UInt8(ascii: "=")) {
                records[String(decoding: record[record.startIndex..<equals], as: UTF8.self)] =
                    String(decoding: record[(equals + 1)...], as: UTF8.self)
            }
            at += length
        }
        return records
    }

    /// `tar` writes a tar header at the start: its checksum is the test (`ustar` is
    /// missing from old formats).
    static func isTar(_ start: [UInt8]) -> Bool {
        start.count >= 512 && !start[0..<512].allSatisfy({ $0 == 0 }) && checksumMatches(Array(start[0..<512])) && size(Array(start[0..<512])) != nil
    }
}

/// One tar member's bytes, read through the reader that holds the stream.
private final class TarMemberStream: ByteStream {
    private let reader: TarReader
    private let name: String

    init(reader: TarReader, name: String) {
        self.reader = reader
        self.name = name
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        try reader.readMember(into: buffer, name: name)
    }
}
