import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A buffered writer to standard output or a file. A file is written under a temporary
/// name and renamed into place by `finish()`, so a cut-short export never looks whole.
public final class OutputSink: ByteSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let finalPath: String?
    private let temporaryPath: String?

    public static func standardOutput() -> OutputSink { OutputSink(descriptor: STDOUT_FILENO) }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
        self.finalPath = nil
        self.temporaryPath = nil
        buffer.reserveCapacity(1 << 16)
    }

    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let temporary = (folder as NSString).appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).\(getpid()).partial")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, errno: errno) }
        self.descriptor = descriptor
        self.finalPath = path
        self.temporaryPath = temporary
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if let temporaryPath, unlinkOnDeinit {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends bytes; call `flushIfFull()` now and then.
    public func append(contentsOf bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    public func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    public func flushIfFull() throws {
        if buffer.count >= 1 << 18 { try flush() }
    }

    public func flush() throws {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: finalPath ?? "standard output", errno: errno)
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file makes it durable and moves it into place.
    public func finish() throws {
        try flush()
        guard let finalPath, let temporaryPath else { return }
        guard fsync(descriptor) == 0, rename(temporaryPath, finalPath) == 0 else {
            throw WriteError(path: finalPath, errno: errno)
        }
        close(descriptor)
        // deinit must not remove the renamed file.
        unlinkOnDeinit = false
    }

    private var unlinkOnDeinit = true
}
