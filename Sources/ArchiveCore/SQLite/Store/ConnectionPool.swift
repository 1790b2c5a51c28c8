import Foundation

/// The connections of one open archive, lent to one task at a time. Readers: up to
/// `capacity` connections, opened as concurrent tasks need them (WAL lets them read
/// side by side, and beside a writer in another process). A writer: its one connection
/// (SQLite has one writer, and so does this process).
///
/// `@unchecked Sendable`, and why that is safe: `idle`, `created` and `isClosed` are
/// read and written only while `condition` is locked; a connection is taken out of
/// `idle` by exactly one borrower and put back when its work returns, so no connection
/// is ever used by two threads at once, and none is used after `close()`.
final class ConnectionPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var idle: [Connection]
    private var created: Int
    private var isClosed = false
    private let capacity: Int
    private let openAnother: (() throws -> Connection)?
    /// The first connection, for code that holds the archive on one thread only (the
    /// tests reach the store's types through it).
    let primary: Connection

    init(first: Connection, capacity: Int, openAnother: (() throws -> Connection)?) {
        primary = first
        idle = [first]
        created = 1
        self.capacity = openAnother == nil ? 1 : max(1, capacity)
        self.openAnother = openAnother
    }

    /// Runs `work` with a connection no other task is using, waiting for one if all are
    /// lent and no more may be opened.
    func borrow<T>(_ work: (Connection) throws -> T) throws -> T {
        let connection = try take()
        defer { giveBack(connection) }
        return try work(connection)
    }

    private func take() throws -> Connection {
        condition.lock()
        while true {
            if isClosed {
                condition.unlock()
                throw ArchiveError.closed
            }
            if let connection = idle.popLast() {
                condition.unlock()
                return connection
            }
            if created < capacity, let openAnother {
                created += 1
                condition.unlock()
                do {
                    return try openAnother()
                } catch {
                    condition.lock()
                    created -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func giveBack(_ connection: Connection) {
        condition.lock()
        defer { condition.unlock() }
        if isClosed {
            connection.close()
        } else {
            idle.append(connection)
            condition.signal()
        }
    }

    /// Closes the idle connections now and the lent ones when they come back.
    func close() {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { return }
        isClosed = true
        for connection in idle { connection.close() }
        idle = []
        condition.broadcast()
    }
}
