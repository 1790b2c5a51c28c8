#if canImport(Glibc)
import Glibc
#endif

/// The members of a zip file, from its central directory (zip64 included), read
/// without extracting anything. Members are then read one at a time, straight from
/// the file, through the decoder their method names.
struct ZipDirectory {
    struct Entry: Sendable {
        let name: String
        let method: UInt16
        let isEncrypted: Bool
        let crc32: UInt32
        let compressedSize: Int64
        let size: Int64
        let localHeaderOffset: Int64

        var isDirectory: Bool { name.hasSuffix("/") }
    }

    let path: String
    let entries: [Entry]

    init(path: String) throws(ReadError) {
        self.path = path
        let file = try RandomAccessFile(path: path)
        let size = try file.size()
        // The end record is within the last 64 kB (its comment is at most 65,535 bytes).
        let tailLength = Int(min(size, 65_557))
        let tail = try file.read(at: size - Int64(tailLength), count: tailLength)
        guard let end = Self.lastIndex(of: 0x0605_4B50, in: tail) else {
            throw ReadError(path: path, reason: "not a zip file (no end of central directory record)")
        }
        var count = Int64(tail.uint16(at: end + 10))
        var directorySize = Int64(tail.uint32(at: end + 12))
        var directoryOffset = Int64(tail.uint32(at: end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF, end >= 20,
           tail.uint32(at: end - 20) == 0x0706_4B50 {
            let record = try file.read(at: Int64(tail.uint64(at: end - 20 + 8)), count: 56)
            guard record.count == 56, record.uint32(at: 0) == 0x0606_4B50 else {
                throw ReadError(path: path, reason: "damaged zip64 end of central directory record")
            }
            count = Int64(record.uint64(at: 32))
            directorySize = Int64(record.uint64(at: 40))
            directoryOffset = Int64(record.uint64(at: 48))
        }
        guard directoryOffset >= 0, directorySize >= 0, directoryOffset + directorySize <= size, directorySize < 1 << 30 else {
            throw ReadError(path: path, reason: "damaged zip central directory (it lies outside the file)")
        }
        let directory = try file.read(at: directoryOffset, count: Int(directorySize))
        var entries: [Entry] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.uint32(at: at) == 0x0201_4B50 else {
                throw ReadError(path: path, reason: "damaged zip central directory at entry \(entries.count + 1)")
            }
            let nameLength = Int(directory.uint16(at: at + 28))
            let extraLength = Int(directory.uint16(at: at + 30))
            let commentLength = Int(directory.uint16(at: at + 32))
            guard at + 46 + nameLength + extraLength + commentLength <= directory.count else {
                throw ReadError(path: path, reason: "damaged zip central directory at entry \(entries.count + 1)")
            }
            var compressedSize = Int64(directory.uint32(at: at + 20))
            var size = Int64(directory.uint32(at: at + 24))
            var offset = Int64(directory.uint32(at: at + 42))
            // Sizes and offset that do not fit 32 bits are in the zip64 extra field, in
            // this order, each present only when its 32-bit field is all ones.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.uint16(at: extra)
                let length = Int(directory.uint16(at: extra + 2))
                if id == 0x0001 {
                    var field = extra + 4
                    if size == 0xFFFF_FFFF, field + 8 <= extraEnd { size = Int64(directory.uint64(at: field)); field += 8 }
                    if compressedSize == 0xFFFF_FFFF, field + 8 <= extraEnd { compressedSize = Int64(directory.uint64(at: field)); field += 8 }
                    if offset == 0xFFFF_FFFF, field + 8 <= extraEnd { offset = Int64(directory.uint64(at: field)) }
                }
                extra += 4 + length
            }
            let nameBytes = directory[(at + 46)..<(at + 46 + nameLength)]
            entries.append(Entry(
                name: String(decoding: nameBytes, as: UTF8.self), method: directory.uint16(at: at + 10),
                isEncrypted: directory.uint16(at: at + 8) & 1 != 0, crc32: directory.uint32(at: at + 16),
                compressedSize: compressedSize, size: size, localHeaderOffset: offset))
            at += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The decoded bytes of one member. Its CRC-32 and size are checked at its end.
    static func open(_ entry: Entry, in path: String, name: String) throws(ReadError) -> ByteStream {
        let file = try RandomAccessFile(path: path)
        let local = try file.read(at: entry.localHeaderOffset, count: 30)
        guard local.count == 30, local.uint32(at: 0) == 0x0403_4B50 else {
            throw ReadError(path: name, reason: "damaged zip: no local header where the directory says")
        }
        let dataOffset = entry.localHeaderOffset + 30 + Int64(local.uint16(at: 26)) + Int64(local.uint16(at: 28))
        let raw = LimitedStream(try DescriptorStream(path: path, offset: dataOffset), length: entry.compressedSize, name: name)
        let decoded: ByteStream
        switch entry.method {
        case 0: decoded = raw
        case 8: decoded = DecodingStream(input: raw, codec: InflateCodec(windowBits: -15), name: name)
        case 12: decoded = Compression.bzip2.decoder(over: raw, name: name)
        case 93: decoded = Compression.zstd.decoder(over: raw, name: name)
        case 95: decoded = Compression.xz.decoder(over: raw, name: name)
        default: throw ReadError(path: name, reason: "zip compression method \(entry.method) is not supported (stored, deflate, bzip2, zstd and xz are)")
        }
        return CRCCheckedStream(decoded, expectedCRC: entry.crc32, expectedSize: entry.size, name: name)
    }

    static func methodIsSupported(_ method: UInt16) -> Bool { [0, 8, 12, 93, 95].contains(method) }

    private static func lastIndex(of signature: UInt32, in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var at = bytes.count - 22
        while at >= 0 {
            if bytes.uint32(at: at) == signature { return at }
            at -= 1
        }
        return nil
    }
}

/// A zip member's bytes, checked against the CRC-32 and size its directory entry
/// records: damage inside a stored member shows only there.
final class CRCCheckedStream: ByteStream {
    private let base: ByteStream
    private let expectedCRC: UInt32
    private let expectedSize: Int64
    private let name: String
    private var crc: UInt32 = 0
    private var size: Int64 = 0

    init(_ base: ByteStream, expectedCRC: UInt32, expectedSize: Int64, name: String) {
        self.base = base
        self.expectedCRC = expectedCRC
        self.expectedSize = expectedSize
        self.name = name
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadError) -> Int {
        let got = try base.read(into: buffer)
        if got > 0 {
            crc = CRC32.update(crc, UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            size += Int64(got)
        } else if crc != expectedCRC || size != expectedSize {
            throw ReadError(path: name, reason: "compressed data is corrupt (the member's CRC-32 or size differs from the zip directory's)")
        }
        return got
    }
}

extension [UInt8] {
    func uint16(at index: Int) -> UInt16 { UInt16(self[index]) | UInt16(self[index + 1]) << 8 }
    func uint32(at index: Int) -> UInt32 { UInt32(uint16(at: index)) | UInt32(uint16(at: index + 2)) << 16 }
    func uint64(at index: Int) -> UInt64 { UInt64(uint32(at: index)) | UInt64(uint32(at: index + 4)) << 32 }
}
