import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Everything SQLite reports: primary and extended result code, SQLite's message, and
/// the SQL that failed. Bound values are never included: they may be the user's data.
public struct SQLiteError: Error, Equatable, CustomStringConvertible {
    /// The extended result code (for example SQLITE_CONSTRAINT_UNIQUE, 2067).
    public let extendedCode: Int32
    public let message: String
    public let sql: String?
    /// The operating system's error number behind an I/O error (ENOSPC, EFBIG...), or 0.
    public let systemErrno: Int32

    /// The primary result code (for example SQLITE_CONSTRAINT, 19).
    public var code: Int32 { extendedCode & 0xFF }

    public init(code: Int32, message: String, sql: String? = nil, systemErrno: Int32 = 0) {
        self.extendedCode = code
        self.message = message
        self.sql = sql
        self.systemErrno = systemErrno
    }

    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        // sqlite3_extended_errcode reports the last error of the connection, which is
        // this one unless the call that failed did not set it (misuse).
        self.init(code: (extended & 0xFF) == (code & 0xFF) ? extended : code, message: message, sql: sql,
                  systemErrno: connection.map { sqlite3_system_errno($0) } ?? 0)
    }

    /// Out of space: the disk is full, or a file-size limit (ulimit -f) was reached.
    public var isDiskFull: Bool { code == SQLITE_FULL || (code == SQLITE_IOERR && [ENOSPC, EFBIG, EDQUOT].contains(systemErrno)) }
    public var isReadOnly: Bool { code == SQLITE_READONLY }
    /// A read or write of the file failed (any kind of SQLITE_IOERR).
    public var isIOError: Bool { (code & 0xFF) == SQLITE_IOERR }

    public var description: String {
        var text = "SQLite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.count > 200 ? String(sql.prefix(200)) + "…" : sql))" }
        return text
    }
}
