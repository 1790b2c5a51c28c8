#if canImport(Glibc)
import Glibc
#endif

/// A file that could not be created, written or locked (an export's output, the
/// archive's lock file), with the system's reason.
public struct WriteError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// The system's error number.
    public let code: Int32

    public init(path: String, errno code: Int32) {
        self.path = path
        self.code = code
    }

    /// Out of space, or past a file-size or quota limit.
    public var isDiskFull: Bool { code == ENOSPC || code == EFBIG || code == EDQUOT }
    /// The file or its folder cannot be written at all.
    public var isReadOnly: Bool { code == EROFS || code == EACCES || code == EPERM }

    public var description: String { "\(path): \(String(cString: strerror(code)))" }
}
