/// What can go wrong with the archive file itself, each naming the path.
public enum ArchiveError: Error, Equatable, CustomStringConvertible {
    /// A command that only reads was pointed at a file that does not exist.
    case missing(path: String)
    /// The folder that should hold the archive does not exist.
    case missingDirectory(path: String)
    case notSQLite(path: String)
    /// An SQLite file, but some other program's.
    case notAnArchive(path: String)
    case newerSchema(path: String, found: Int, known: Int)
    case readOnly(path: String)
    /// The file has a hot journal: a write was interrupted and must be rolled back,
    /// which a read-only connection cannot do.
    case interruptedWrite(path: String)
    case noFTS5(version: String)
    case busy(path: String)
    /// The archive was closed while a task still wanted to use it.
    case closed

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no archive here"
        case .missingDirectory(let path):
            return "\(path): the folder does not exist"
        case .notSQLite(let path):
            return "\(path): not an SQLite database; refusing to touch it"
        case .notAnArchive(let path):
            return "\(path): an SQLite database that is not an archive; refusing to touch it"
        case .newerSchema(let path, let found, let known):
            return "\(path): written by a newer archive (schema \(found), this binary knows up to \(known)); upgrade archive"
        case .readOnly(let path):
            return "\(path): cannot write here (read-only file or folder)"
        case .interruptedWrite(let path):
            return "\(path): a write to it was interrupted and must be rolled back first (its journal, \(path)-journal, is beside it); a writing command of the program that made it does that"
        case .noFTS5(let version):
            return "this SQLite library (\(version)) lacks FTS5; install a build with FTS5 (Debian: libsqlite3-dev)"
        case .busy(let path):
            return "\(path): another archive process is writing; try again when it is done"
        case .closed:
            return "the archive is closed"
        }
    }
}
