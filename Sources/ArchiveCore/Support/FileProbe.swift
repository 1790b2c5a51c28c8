#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The questions opening an archive for reading asks the file system, answered by POSIX
/// calls. Foundation's URL and FileManager answered them before, and their first use in a
/// process (type look-ups and set-up) was about a millisecond of every whole-process
/// search (perf; README, Performance, "Start-up").
enum FileProbe {
    /// Whether something is at `path`, following symbolic links (as FileManager's `fileExists`).
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Whether this process may write `path` (as FileManager's `isWritableFile`).
    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    /// The folder that holds `path`: `.` for a bare name, `/` for a name at the root.
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
