/// Runs a user's SQL on a connection that cannot write: the file is opened read-only,
/// `query_only` is on, and an authorizer refuses ATTACH, writing pragmas and
/// `load_extension` before the statement is even compiled.
public struct ReadOnlySQL {
    public let connection: Connection
    private let guardian: ReadOnlyGuard

    /// `connection` must have been opened read-only (`Archive(mode: .read)`).
    public init(connection: Connection) throws {
        self.connection = connection
        try connection.execute("PRAGMA query_only = ON")
        guardian = ReadOnlyGuard.install(on: connection)
    }

    /// Calls `header` with the column names, then `row` for each row.
    public func run(_ sql: String, header: ([String]) throws -> Void, row: ([SQLiteValue]) throws -> Void) throws {
        let statement: Statement
        guardian.lastRefusal = nil
        do {
            statement = try connection.prepare(sql)
        } catch {
            // The authorizer said no (SQLITE_AUTH, or a generic error for a function).
            if let refused = guardian.lastRefusal { throw SQLRefusal(message: "refused: `archive sql` only reads; not allowed: \(refused)") }
            throw error
        }
        guard statement.isReadOnly else {
            throw SQLRefusal(message: "refused: `archive sql` only reads; this statement would write")
        }
        let count = statement.columnCount
        try header((0..<count).map(statement.columnName))
        try statement.forEachRow { statement in
            try row((0..<count).map(statement.value))
        }
    }
}

/// SQL that `archive sql` will not run.
public struct SQLRefusal: Error, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
