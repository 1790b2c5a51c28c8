import CSQLite
import CSQLiteConfig
import Foundation

/// One SQLite connection. It owns its handle and closes it; it is deliberately not
/// Sendable, so the compiler proves every use stays on the thread that opened it.
final class Connection {
    enum Access: Sendable {
        /// Read and write, creating the file when missing.
        case readWriteCreate
        /// Read and write an existing file.
        case readWrite
        /// Read only: SQLite itself refuses every write.
        case readOnly
        /// Read only, and promising SQLite that nobody changes the file meanwhile: how a
        /// WAL database on a read-only file system can be read at all (SQLite cannot
        /// create the shared-memory file it would otherwise need).
        case readOnlyImmutable
    }

    let handle: OpaquePointer
    let path: String
    private var isClosed = false
    /// The object an installed authorizer calls back into, kept alive with the handle.
    var authorizer: AnyObject?
    /// The object an installed progress handler calls back into (`StatementDeadline`).
    var progressObserver: AnyObject?
    /// Answers this connection gave while the archive was unchanged (`Archive.answersKept`).
    var answerCache: AnswerCache?

    /// The process-wide settings, made before the first connection opens. Their result
    /// is not checked: when SQLite was already initialised (a test that opened a file
    /// itself first), it keeps its defaults, which are slower but correct.
    private static let processConfigured: Void = { _ = archive_sqlite_configure_process() }()

    /// Makes the process-wide settings if no connection has yet (once per process).
    static func configureProcess() { processConfigured }

    init(path: String, access: Access = .readWriteCreate) throws(SQLiteError) {
        Self.processConfigured
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        switch access {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly, .readOnlyImmutable: flags |= SQLITE_OPEN_READONLY
        }
        var name = path
        if access == .readOnlyImmutable {
            flags |= SQLITE_OPEN_URI
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
            let escaped = path.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
            name = "file:\(escaped)?immutable=1"
        }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(name, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error = SQLiteError(connection: db, code: code)
            sqlite3_close_v2(db)
            throw error
        }
        self.handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        if !isClosed { sqlite3_close_v2(handle) }
    }

    /// Closes the connection; statements still alive are finalized with it.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows (schema scripts, pragmas).
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql, systemErrno: sqlite3_system_errno(handle))
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// The first column of the first row, for one-value queries.
    func scalar(_ sql: String, _ values: SQLValue...) throws -> SQLValue {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.firstRow { $0.value(0) } ?? .null
    }

    func scalarInt(_ sql: String, _ values: SQLValue...) throws -> Int {
        let statement = try prepare(sql)
        try statement.bind(values)
        return try statement.firstRow { $0.int(0) } ?? 0
    }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// Moves the write-ahead log into the database and empties it, so the next reader
    /// opens the file without first indexing a large log. Readers in the way only make
    /// it partial.
    func checkpoint() throws {
        try execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Waits up to `milliseconds` for another connection's lock before reporting busy.
    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    enum TransactionKind: String, Sendable {
        case deferred = "DEFERRED"
        /// Takes the write lock at once, so a busy error comes before any work is done.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue)")
        let result: T
        do {
            result = try body()
        } catch {
            rollback()
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            rollback()
            throw error
        }
        return result
    }

    /// Opens a transaction that `commit()` or `rollback()` ends, for work that spans
    /// more than one call (an import's batches).
    func begin(_ kind: TransactionKind = .immediate) throws(SQLiteError) {
        try execute("BEGIN \(kind.rawValue)")
    }

    func commit() throws(SQLiteError) {
        try execute("COMMIT")
    }

    /// Rolls back the open transaction, if any. SQLite may already have rolled it back
    /// by itself (after SQLITE_FULL, for one), which is not an error here.
    func rollback() {
        if isInTransaction { sqlite3_exec(handle, "ROLLBACK", nil, nil, nil) }
    }

    /// Copies a BLOB cell into `destination` through SQLite's incremental I/O, without
    /// an intermediate copy of the whole value (filters of tens of megabytes).
    func readBlob(table: String, column: String, row: Int64, into destination: UnsafeMutableRawBufferPointer) throws(SQLiteError) {
        try withBlob(table: table, column: column, row: row, writable: false) { blob throws(SQLiteError) in
            let code = sqlite3_blob_read(blob, destination.baseAddress, Int32(destination.count), 0)
            guard code == SQLITE_OK else { throw SQLiteError(connection: handle, code: code) }
        }
    }

    /// Writes `source` over a BLOB cell of exactly its size (made with zeroblob).
    func writeBlob(table: String, column: String, row: Int64, from source: UnsafeRawBufferPointer) throws(SQLiteError) {
        try withBlob(table: table, column: column, row: row, writable: true) { blob throws(SQLiteError) in
            var offset = 0
            while offset < source.count {
                let length = min(1 << 20, source.count - offset)
                let code = sqlite3_blob_write(blob, source.baseAddress! + offset, Int32(length), Int32(offset))
                guard code == SQLITE_OK else { throw SQLiteError(connection: handle, code: code) }
                offset += length
            }
        }
    }

    private func withBlob(table: String, column: String, row: Int64, writable: Bool,
                          _ body: (OpaquePointer) throws(SQLiteError) -> Void) throws(SQLiteError) {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(handle, "main", table, column, row, writable ? 1 : 0, &blob)
        guard code == SQLITE_OK, let blob else { throw SQLiteError(connection: handle, code: code) }
        defer { sqlite3_blob_close(blob) }
        try body(blob)
    }

    /// True when this SQLite library was compiled with `option` (for example "ENABLE_FTS5").
    func compileOptionUsed(_ option: String) -> Bool {
        sqlite3_compileoption_used(option) != 0
    }

    static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
