#if canImport(Glibc)
import Glibc
#endif
import CCompression

/// A file read at chosen offsets (`pread`): the zip directory and member headers.
final class RandomAccessFile {
    private let descriptor: Int32
    private let path: String

    init(path: String) throws(ReadError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno) }
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    func size() throws(ReadError) -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadError(path: path, errno: errno) }
        return Int64(info.st_size)
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    func read(at offset: Int64, count: Int) throws(ReadError) -> [UInt8] {
        guard offset >= 0, count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset) + off_t(done)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, errno: errno)
            }
            if got == 0 { break }
            done += got
        }
        return Array(bytes[0..<done])
    }
}

/// zlib's CRC-32, the checksum zip records for every member.
enum CRC32 {
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }
}
