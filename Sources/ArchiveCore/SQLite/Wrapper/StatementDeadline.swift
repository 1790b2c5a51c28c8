import CSQLite

/// A time limit on the statements a connection runs, through SQLite's progress handler:
/// every `checkEvery` virtual-machine steps SQLite asks whether to go on, and once the
/// time is up the answer is no, so the running statement fails with SQLITE_INTERRUPT.
/// Only that connection is stopped: other connections (and the tasks using them) go on.
/// Installed for one statement of a user's and removed after it, like `ReadOnlyGuard`.
final class StatementDeadline {
    static let checkEvery: Int32 = 1_000

    let limit: Duration
    private let end: ContinuousClock.Instant
    /// True once the handler has stopped a statement for running past the limit.
    private(set) var hasExpired = false

    private init(limit: Duration) {
        self.limit = limit
        end = .now + limit
    }

    /// Starts the clock. The connection keeps the deadline alive while installed, so the
    /// pointer SQLite calls back with stays valid.
    static func install(on connection: Connection, limit: Duration) -> StatementDeadline {
        let deadline = StatementDeadline(limit: limit)
        connection.progressObserver = deadline
        sqlite3_progress_handler(connection.handle, checkEvery, { context in
            let deadline = Unmanaged<StatementDeadline>.fromOpaque(context!).takeUnretainedValue()
            return deadline.shouldStop() ? 1 : 0
        }, Unmanaged.passUnretained(deadline).toOpaque())
        return deadline
    }

    static func remove(from connection: Connection) {
        sqlite3_progress_handler(connection.handle, 0, nil, nil)
        connection.progressObserver = nil
    }

    private func shouldStop() -> Bool {
        if ContinuousClock.now >= end { hasExpired = true }
        return hasExpired
    }
}
