#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file: enough to tell, without reading it, that a file imported
/// before has not been touched since.
public struct FileIdentity: Equatable, Sendable {
    public let size: Int64
    public let modifiedNanoseconds: Int64
    public let inode: UInt64

    public init(size: Int64, modifiedNanoseconds: Int64, inode: UInt64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.inode = inode
    }

    /// A regular file's identity; throws for anything else, saying what it is.
    public init(path: String) throws(ReadError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(path: path, errno: errno) }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw ReadError(path: path, reason: kind == S_IFDIR ? "a folder (give it as a path to import everything inside)"
                                                                 : "not a regular file (a pipe, device or socket); nothing imported")
        }
        size = Int64(info.st_size)
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
