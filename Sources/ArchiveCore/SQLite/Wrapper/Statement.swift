import CSQLite

/// A prepared statement. It belongs to one connection and is finalized in `deinit`;
/// like the connection it is not Sendable, so the compiler keeps it on one thread.
final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection
    let sql: String

    init(connection: Connection, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { sqlite3_prepare_v3(connection.handle, $0, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail) }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code, sql: sql) }
        guard let statement else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "no SQL statement in the text", sql: sql)
        }
        // Several statements in one string would silently run only the first.
        if let tail, String(cString: tail).contains(where: { !$0.isWhitespace && $0 != ";" }) {
            sqlite3_finalize(statement)
            throw SQLiteError(code: SQLITE_MISUSE, message: "only one SQL statement may be given at a time", sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// True when the statement cannot change the database file by itself.
    var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    // MARK: Binding

    /// Binds values to parameters 1...n and resets the statement for a new run.
    @discardableResult
    func bind(_ values: SQLValue...) throws(SQLiteError) -> Statement {
        try bind(values)
    }

    @discardableResult
    func bind(_ values: [SQLValue]) throws(SQLiteError) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (index, value) in values.enumerated() {
            try bind(value, at: Int32(index + 1))
        }
        return self
    }

    func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            var text = text
            code = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    guard let base = chars.baseAddress else {
                        return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
                    }
                    return sqlite3_bind_text(handle, index, base, Int32(chars.count), csqlite_transient())
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(buffer.count), csqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code, sql: sql) }
    }

    // MARK: Stepping

    /// Advances to the next row; false when the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(connection: connection.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs the statement to completion, ignoring rows.
    func run() throws(SQLiteError) {
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Calls `body` for every row; the statement is reset afterwards, even on throw.
    func forEachRow<E: Error>(_ body: (Statement) throws(E) -> Void) throws -> Void {
        defer { sqlite3_reset(handle) }
        while try step() { try body(self) }
    }

    /// The first row mapped by `body`, or nil when there is none.
    func firstRow<T>(_ body: (Statement) throws -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        return try step() ? body(self) : nil
    }

    // MARK: Columns

    var columnCount: Int32 { sqlite3_column_count(handle) }

    func columnName(_ index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    func isText(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_TEXT }

    func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func optionalString(_ index: Int32) -> String? { isNull(index) ? nil : string(index) }

    /// The column's bytes in place (nil for NULL), valid only during `body`.
    func withBlob<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL, let bytes = sqlite3_column_blob(handle, index) else {
            return try body(nil)
        }
        return try body(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, index))))
    }

    /// The column's UTF-8 bytes in place (nil for NULL), valid only during `body`: for
    /// streaming large results without making Strings.
    func withUTF8<T>(_ index: Int32, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL, let text = sqlite3_column_text(handle, index) else {
            return try body(nil)
        }
        return try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))))
    }

    func optionalInt(_ index: Int32) -> Int? { isNull(index) ? nil : int(index) }

    func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The column as SQLite stores it in this row.
    func value(_ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT: return .text(string(index))
        case SQLITE_BLOB: return .blob(blob(index))
        default: return .null
        }
    }
}
