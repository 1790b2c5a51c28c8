import CSQLite
import Foundation

/// Runs a user's SQL so that it cannot write: the file is opened read-only,
/// `query_only` is on, and an authorizer refuses ATTACH, writing pragmas and
/// `load_extension` before the statement is even compiled. Both hold for this one
/// statement only: the connection goes back to the pool as it was.
struct ReadOnlySQL {
    let connection: Connection

    /// Calls `header` with the column names, then `row` for each row. With a
    /// `timeLimit`, a statement still running after it is stopped (`SQLTimeLimitExceeded`);
    /// the time spent in `row` counts too.
    func run(_ sql: String, timeLimit: Duration? = nil, header: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void) throws {
        try connection.execute("PRAGMA query_only = ON")
        let guardian = ReadOnlyGuard.install(on: connection)
        let deadline = timeLimit.map { StatementDeadline.install(on: connection, limit: $0) }
        defer {
            if deadline != nil { StatementDeadline.remove(from: connection) }
            ReadOnlyGuard.remove(from: connection)
            try? connection.execute("PRAGMA query_only = OFF")
        }
        do {
            try run(sql, guardian: guardian, header: header, row: row)
        } catch let error as SQLiteError where error.code == SQLITE_INTERRUPT {
            guard let deadline, deadline.hasExpired else { throw error }
            throw SQLTimeLimitExceeded(limit: deadline.limit)
        }
    }

    private func run(_ sql: String, guardian: ReadOnlyGuard, header: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void) throws {
        let statement: Statement
        do {
            statement = try connection.prepare(sql)
        } catch {
            // The authorizer said no (SQLITE_AUTH, or a generic error for a function).
            if let refused = guardian.lastRefusal { throw SQLRefusal.notAllowed(refused) }
            throw error
        }
        guard statement.isReadOnly else { throw SQLRefusal.wouldWrite }
        let count = statement.columnCount
        try header((0..<count).map(statement.columnName))
        try statement.forEachRow { statement in
            try row((0..<count).map(statement.value))
        }
    }
}

/// A statement of the user's that ran longer than it was allowed to, and was stopped.
public struct SQLTimeLimitExceeded: Error, Equatable, CustomStringConvertible {
    public let limit: Duration

    public var description: String {
        let seconds = limit.inSeconds
        let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.3g", seconds)
        return "the statement was stopped at its time limit of \(shown) s"
    }
}

/// A statement of the user's that will not be run, and why.
public enum SQLRefusal: Error, Equatable, CustomStringConvertible {
    /// What the statement asked for that reading does not allow (e.g. `DELETE from articles`).
    case notAllowed(String)
    /// The statement would change the archive.
    case wouldWrite

    public var description: String {
        switch self {
        case .notAllowed(let what): return "only reading is allowed; not allowed: \(what)"
        case .wouldWrite: return "only reading is allowed; this statement would write"
        }
    }
}
