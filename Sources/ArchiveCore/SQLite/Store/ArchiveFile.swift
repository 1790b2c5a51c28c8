import CSQLite
import Foundation

/// Opening an archive file: checked to be ours, migrated when written (or when an
/// older binary made it), tuned. Every connection the façade uses comes from here.
enum ArchiveFile {
    /// 'ARCV', set by migrations/0001_initial.sql.
    static let applicationID: Int = 1_095_910_230

    /// The connection a command starts with: for `.write` the one writer, for `.read`
    /// the first reader (after bringing an older archive up to date, where it may).
    static func open(path: String, mode: Archive.Mode, migrator: Migrator, busyTimeout: Duration = Archive.defaultBusyTimeout) throws -> Connection {
        if !FileProbe.exists(path) {
            guard mode == .write else { throw ArchiveError.missing(path: path) }
            var isDirectory: ObjCBool = false
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ArchiveError.missingDirectory(path: folder)
            }
        }
        guard mode == .read else {
            let connection = try open(path: path, access: .readWriteCreate)
            try configure(connection, busyTimeout: busyTimeout)
            try prepareForWriting(connection, path: path, migrator: migrator)
            return connection
        }
        // One connection does for checking and reading: each open and close of a WAL
        // database costs milliseconds, and a search should take few.
        var reader: Connection
        do {
            // (Setting up the connection reads the schema: a hot journal shows there.)
            reader = try openReader(path: path, busyTimeout: busyTimeout)
            try check(reader, path: path, migrator: migrator)
        } catch ArchiveError.interruptedWrite
                    where FileProbe.isWritable(path) && FileProbe.exists(WriterLock.path(archivePath: path)) {
            // A first import of ours was killed mid-transaction (it writes through a
            // rollback journal: FirstImportJournal). Rolling the journal back restores
            // its last commit, which is what any reader would see; a connection that may
            // write does that as it reads. Without our lock file beside it, the file is
            // someone else's and is left as it is (the error says what to do).
            try withConnection(path: path, access: .readWrite) { try check($0, path: path, migrator: migrator) }
            reader = try openReader(path: path, busyTimeout: busyTimeout)
            try check(reader, path: path, migrator: migrator)
        }
        // An empty database is no archive yet: reading must not turn it into one.
        if try reader.scalarInt("SELECT count(*) FROM sqlite_schema") == 0 {
            reader.close()
            throw ArchiveError.missing(path: path)
        }
        // An archive made by an older binary is brought up to date once, then read.
        if try migrator.appliedVersion(reader) < migrator.latestVersion, FileProbe.isWritable(path) {
            reader.close()
            try withConnection(path: path, access: .readWrite) { try prepareForWriting($0, path: path, migrator: migrator) }
            reader = try openReader(path: path, busyTimeout: busyTimeout)
        }
        return reader
    }

    /// Another reader of an archive already opened (and checked) once.
    static func openReader(path: String, busyTimeout: Duration = Archive.defaultBusyTimeout) throws -> Connection {
        // On a read-only file system SQLite cannot make the WAL's shared-memory file; the
        // file cannot change there either, so it is read as immutable.
        let folderIsWritable = FileProbe.isWritable(FileProbe.folder(of: path))
        let access: Connection.Access = !folderIsWritable && !FileProbe.exists(path + "-shm")
            ? .readOnlyImmutable : .readOnly
        let reader = try open(path: path, access: access)
        try configure(reader, busyTimeout: busyTimeout)
        return reader
    }

    /// Checks, without writing anything, that `path` can become or is an archive this
    /// binary can write: its folder exists, and an existing file is an archive (or an
    /// empty SQLite database) of a schema it knows.
    static func probeForWriting(path: String, migrator: Migrator) throws {
        var isDirectory: ObjCBool = false
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArchiveError.missingDirectory(path: folder)
        }
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try withConnection(path: path, access: .readOnly) { try check($0, path: path, migrator: migrator) }
        } catch ArchiveError.interruptedWrite where FileProbe.exists(WriterLock.path(archivePath: path)) {
            // A writer of ours was killed while it created the archive or during a first
            // import (the only times an archive has a rollback journal: FirstImportJournal):
            // the writing connection rolls it back, then checks the file as usual. Without
            // our lock file beside it, the file is someone else's and is left as it is.
        }
    }

    private static func open(path: String, access: Connection.Access) throws -> Connection {
        do {
            let connection = try Connection(path: path, access: access)
            guard connection.compileOptionUsed("ENABLE_FTS5") else {
                throw ArchiveError.noFTS5(version: Connection.libraryVersion)
            }
            try ArchiveRank.register(on: connection)
            return connection
        } catch let error as SQLiteError {
            throw translate(error, path: path)
        }
    }

    private static func withConnection<T>(path: String, access: Connection.Access, _ body: (Connection) throws -> T) throws -> T {
        let connection = try open(path: path, access: access)
        defer { connection.close() }
        try configure(connection)
        return try body(connection)
    }

    /// Settings of every connection. WAL lets searches run while an import writes;
    /// synchronous=NORMAL is durable at each checkpoint and never corrupts in WAL mode.
    private static func configure(_ connection: Connection, busyTimeout: Duration = Archive.defaultBusyTimeout) throws {
        connection.setBusyTimeout(milliseconds: Int32(clamping: Int((busyTimeout.inSeconds * 1000).rounded())))
        do {
            try connection.execute("""
                PRAGMA foreign_keys = ON;
                PRAGMA synchronous = NORMAL;
                PRAGMA temp_store = MEMORY;
                PRAGMA cache_size = -65536;
                """)
        } catch {
            throw translate(error, path: connection.path)
        }
    }

    /// Refuses files that are not archives (or are from a newer binary) before any write.
    private static func check(_ connection: Connection, path: String, migrator: Migrator) throws {
        do {
            let id = try connection.scalarInt("PRAGMA application_id")
            let objects = try connection.scalarInt("SELECT count(*) FROM sqlite_schema")
            if id != applicationID && !(id == 0 && objects == 0) {
                throw ArchiveError.notAnArchive(path: path)
            }
            let found = try migrator.appliedVersion(connection)
            if found > migrator.latestVersion {
                throw ArchiveError.newerSchema(path: path, found: found, known: migrator.latestVersion)
            }
        } catch let error as SQLiteError {
            throw translate(error, path: path)
        }
    }

    private static func prepareForWriting(_ connection: Connection, path: String, migrator: Migrator) throws {
        try check(connection, path: path, migrator: migrator)
        do {
            if try connection.scalar("PRAGMA journal_mode") != .text("wal") {
                try connection.execute("PRAGMA journal_mode = WAL")
            }
            let applied = try migrator.migrate(connection)
            if applied.contains(Self.cjkIndexRewritten) { try refillCJKIndex(connection) }
        } catch let error as SQLiteError {
            throw translate(error, path: path)
        }
    }

    /// The last migration that empties the CJK index to write it again in a new form
    /// (0019: body first; 0020: the `ascii` tokenizer). A file that applies any of
    /// them applies this one.
    static let cjkIndexRewritten = 20

    /// Indexes again what those migrations emptied, at once, so that no search leaves
    /// those articles out until the next import. The lengths ranking reads are written
    /// too unless an interrupted import has articles pending: then its end does that.
    private static func refillCJKIndex(_ connection: Connection) throws {
        try connection.transaction(.immediate) {
            let pendingAfter = try SearchIndex(connection: connection).pendingAfter()
            try CJKIndex(connection: connection).catchUp(pendingAfter: pendingAfter)
            if pendingAfter == nil { try RankLengths(connection: connection, index: RankLengths.cjk).update() }
        }
    }

    static func translate(_ error: SQLiteError, path: String) -> Error {
        switch error.code {
        case SQLITE_NOTADB: return ArchiveError.notSQLite(path: path)
        // SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection cannot roll back.
        case SQLITE_READONLY where error.extendedCode == SQLITE_READONLY | (3 << 8): return ArchiveError.interruptedWrite(path: path)
        case SQLITE_READONLY: return ArchiveError.readOnly(path: path)
        case SQLITE_CANTOPEN where !FileManager.default.isWritableFile(atPath: path): return ArchiveError.readOnly(path: path)
        case SQLITE_BUSY: return ArchiveError.busy(path: path)
        default: return error
        }
    }
}
