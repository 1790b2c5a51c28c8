import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writing command at a time per archive (import, dedup, repair). SQLite already
/// serializes single transactions; this serializes whole commands, whose work spans
/// many transactions, so two imports never interleave their batches. The lock is an
/// advisory `flock` on `ARCHIVE-lock` beside the archive, released when the process
/// ends however it ends (a killed import leaves no stale lock).
public final class WriterLock {
    private let descriptor: Int32
    public let path: String

    /// The lock file of the archive at `archivePath`.
    public static func path(archivePath: String) -> String { archivePath + "-lock" }

    /// Takes the lock, waiting for the holder to finish; `waiting` is called once
    /// before waiting, with the holder's process id when known.
    public init(archivePath: String, waiting: (Int32?) -> Void = { _ in }) throws {
        path = Self.path(archivePath: archivePath)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, errno: errno) }
        self.descriptor = descriptor
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                let code = errno
                close(descriptor)
                throw WriteError(path: path, errno: code)
            }
            waiting(Self.holder(descriptor))
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let code = errno
                    close(descriptor)
                    throw WriteError(path: path, errno: code)
                }
            }
        }
        // Who holds it, for the message another process prints while it waits.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// True when a writing command holds the lock of `archivePath` right now. Creates
    /// nothing: no lock file means no writer.
    public static func isHeld(archivePath: String) -> Bool {
        let descriptor = open(Self.path(archivePath: archivePath), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    private static func holder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
