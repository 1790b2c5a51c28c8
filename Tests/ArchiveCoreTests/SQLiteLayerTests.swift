import CSQLite
import Testing
@testable import ArchiveCore

@Suite("SQLite layer")
struct SQLiteLayerTests {
    @Test("SQLite keeps no process-wide memory statistics: their one mutex made reading threads queue")
    func noMemoryStatistics() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("t.db"))
        try connection.execute("CREATE TABLE t (x TEXT)")
        try connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO t SELECT printf('%.500c', 'x') FROM n")
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 200)
        // With the statistics on, this counts every byte SQLite holds (a page cache full).
        #expect(sqlite3_memory_used() == 0)
    }

    @Test("an error carries the result code, SQLite's message and the SQL")
    func errorCarriesCodeMessageAndSQL() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("t.db"))
        try connection.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        let insert = try connection.prepare("INSERT INTO t (x) VALUES (?)")
        try insert.bind(.integer(1)).run()
        do {
            try insert.bind(.integer(1)).run()
            Issue.record("a second insert of 1 must violate UNIQUE")
        } catch {
            #expect(error.code == SQLITE_CONSTRAINT)
            #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.message.contains("UNIQUE constraint failed: t.x"))
            #expect(error.sql == "INSERT INTO t (x) VALUES (?)")
        }
        #expect(throws: SQLiteError.self) { try connection.prepare("SELEKT 1") }
        do {
            _ = try connection.prepare("SELECT * FROM missing")
        } catch {
            #expect(error.message == "no such table: missing")
            #expect(error.sql == "SELECT * FROM missing")
        }
    }

    @Test("a transaction is rolled back when its body throws, committed when it returns")
    func transactionRollsBackOnThrow() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("t.db"))
        try connection.execute("CREATE TABLE t (x)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try connection.transaction {
                try connection.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 0)
        #expect(!connection.isInTransaction)
        try connection.transaction { try connection.execute("INSERT INTO t VALUES (2)") }
        #expect(try connection.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test("values round-trip through bind and column accessors")
    func valuesRoundTrip() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("t.db"))
        try connection.execute("CREATE TABLE t (a, b, c, d, e)")
        try connection.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
            .bind(.integer(-7), .real(2.5), .text("naïve 日本 \u{0}x"), .blob([0, 1, 255]), .null).run()
        let row = try connection.prepare("SELECT a, b, c, d, e FROM t").firstRow { row in
            [row.value(0), row.value(1), row.value(2), row.value(3), row.value(4)]
        }
        #expect(row == [.integer(-7), .real(2.5), .text("naïve 日本 \u{0}x"), .blob([0, 1, 255]), .null])
        // An empty string is text, not NULL.
        #expect(try connection.scalar("SELECT typeof(?)", .text("")) == .text("text"))
    }

    @Test("only one statement is accepted per prepare")
    func oneStatementOnly() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("t.db"))
        #expect(throws: SQLiteError.self) { try connection.prepare("SELECT 1; DROP TABLE x") }
        _ = try connection.prepare("SELECT 1;  ")
    }

    @Test("a read-only connection refuses writes")
    func readOnlyConnection() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("t.db")
        try Connection(path: path).execute("CREATE TABLE t (x)")
        let reader = try Connection(path: path, access: .readOnly)
        do {
            try reader.execute("INSERT INTO t VALUES (1)")
            Issue.record("a read-only connection wrote")
        } catch {
            #expect(error.isReadOnly)
        }
    }
}
