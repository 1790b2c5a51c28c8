import Foundation

/// A dump to import: a file path (or `-` for standard input) and the format to read.
public struct DumpFile: Equatable, Sendable {
    public let path: String
    /// nil: decide by looking at the first bytes.
    public let format: DumpFormat?

    public var isStandardInput: Bool { path == "-" }
}

/// Turns the paths a user gives into dump files: a directory stands for every dump file
/// below it (by extension, compressed or not, or every file when a format is forced)
/// and every bundle (.zip, .tar, .tgz, .tar.zst, ...), in name order.
public enum DumpDiscovery {
    public static func files(for paths: [String], format: DumpFormat?) -> (files: [DumpFile], problems: [String]) {
        var files: [DumpFile] = []
        var problems: [String] = []
        for path in paths {
            if path == "-" {
                files.append(DumpFile(path: "-", format: format))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                    problems.append("\(path): a broken link (to \(target)); nothing imported from it")
                } else {
                    problems.append("\(path): no such file or directory")
                }
                continue
            }
            guard isDirectory.boolValue else {
                files.append(DumpFile(path: absolute(path), format: format ?? DumpFormat(fileName: path)))
                continue
            }
            let (found, unreadable) = walk(absolute(path), format: format)
            files.append(contentsOf: found)
            problems.append(contentsOf: unreadable)
        }
        return (files, problems)
    }

    /// Every dump below `directory`, sorted by path; hidden entries are skipped.
    private static func walk(_ directory: String, format: DumpFormat?) -> ([DumpFile], [String]) {
        var found: [DumpFile] = []
        var problems: [String] = []
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            return ([], ["\(directory): cannot list the folder (\(Self.reason(error)))"])
        }
        for name in entries where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // Listed but not there to open: a link to nothing. Said, not skipped.
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                problems.append("\(path): a broken link (to \(target)); nothing imported from it")
                continue
            }
            if isDirectory.boolValue {
                let (more, unreadable) = walk(path, format: format)
                found.append(contentsOf: more)
                problems.append(contentsOf: unreadable)
            } else if let detected = format ?? DumpFormat(fileName: name) {
                found.append(DumpFile(path: path, format: detected))
            } else if Bundle.hasBundleName(name) {
                // Its members' names say their formats.
                found.append(DumpFile(path: path, format: nil))
            }
        }
        return (found, problems)
    }

    /// The absolute, symlink-free path, so one file is one ledger entry however named.
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        return url.path
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
