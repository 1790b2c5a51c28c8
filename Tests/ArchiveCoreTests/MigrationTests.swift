import Foundation
import Testing
@testable import ArchiveCore

@Suite("Migrations and opening an archive")
struct MigrationTests {
    @Test("the bundled migrations are compiled in, numbered from 1 without gaps")
    func bundledMigrations() {
        let versions = Migration.bundled.map(\.version)
        #expect(versions.first == 1)
        #expect(versions == Array(1...versions.count))
        #expect(Migration.bundled[0].sql.contains("CREATE VIRTUAL TABLE articles_fts"))
    }

    @Test("a fresh file gets every migration; a second run applies nothing")
    func freshThenAlreadyApplied() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("a.db"))
        let migrator = Migrator()
        #expect(try migrator.migrate(connection) == Migration.bundled.map(\.version))
        #expect(try migrator.migrate(connection) == [])
        #expect(try migrator.appliedVersion(connection) == migrator.latestVersion)
        #expect(try connection.scalarInt("SELECT count(*) FROM schema_migrations") == Migration.bundled.count)
    }

    @Test("migrations apply in order; a failing one leaves no trace")
    func failingMigrationRollsBack() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("a.db"))
        let migrator = Migrator(migrations: [
            Migration(version: 1, name: "one", sql: "CREATE TABLE one (x);"),
            Migration(version: 2, name: "two", sql: "CREATE TABLE two (x); INSERT INTO nowhere VALUES (1);"),
        ])
        #expect(throws: SQLiteError.self) { try migrator.migrate(connection) }
        #expect(try migrator.appliedVersion(connection) == 1)
        #expect(try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'two'") == 0)
    }

    @Test("a schema newer than the binary is refused before anything is written")
    func newerSchemaRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.db")
        let connection = try Connection(path: path)
        try Migrator().migrate(connection)
        try connection.execute("INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
        connection.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: ArchiveError.newerSchema(path: path, found: 9999, known: Migrator().latestVersion)) {
            try Archive(path: path, mode: .write)
        }
        #expect(throws: ArchiveError.self) { try Archive(path: path, mode: .read) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a key filter saved in the layout before blocks is dropped by the upgrade, and the next import saves one in the new layout")
    func keyFilterLayout() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("a.db")
        let connection = try Connection(path: path)
        let beforeBlocks = Array(Migration.bundled.prefix { !$0.name.contains("blocked_key_filter") })
        #expect(beforeBlocks.count < Migration.bundled.count)
        try Migrator(migrations: beforeBlocks).migrate(connection)
        try connection.execute("INSERT INTO near_key_filter (id, keys, bits) VALUES (1, 3, zeroblob(1000))")
        try Migrator().migrate(connection)
        #expect(try connection.scalarInt("SELECT count(*) FROM near_key_filter") == 0)
        connection.close()
        try importDumps([directory.write("1.jsonl", StoryLinkTests.line("Original", StoryLinkTests.original))], into: path)
        let saved = try count("SELECT length(bits) FROM near_key_filter", in: path)
        #expect(saved > 0 && saved % (8 * KeyFilter.wordsPerBlock) == 0)
    }

    @Test("files that are not archives are refused and left untouched")
    func foreignFilesRefused() throws {
        let directory = TemporaryDirectory()
        let text = directory.write("notes.txt", String(repeating: "not a database\n", count: 100))
        #expect(throws: ArchiveError.notSQLite(path: text)) { try Archive(path: text, mode: .write) }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == String(repeating: "not a database\n", count: 100))

        let other = directory.path("other.db")
        let connection = try Connection(path: other)
        try connection.execute("CREATE TABLE customers (name TEXT)")
        connection.close()
        #expect(throws: ArchiveError.notAnArchive(path: other)) { try Archive(path: other, mode: .write) }
        #expect(try Connection(path: other).scalarInt("SELECT count(*) FROM sqlite_schema") == 1)
    }

    @Test("reading a missing archive does not create it; a missing folder is named")
    func missingFiles() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("none.db")
        #expect(throws: ArchiveError.missing(path: path)) { try Archive(path: path, mode: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let nested = directory.path("no/such/folder/a.db")
        #expect(throws: ArchiveError.missingDirectory(path: directory.path("no/such/folder"))) {
            try Archive(path: nested, mode: .write)
        }
    }

    @Test("the full-text index is declared the way Datasette and sqlite-utils detect it")
    func ftsDeclaration() throws {
        let directory = TemporaryDirectory()
        let archive = try Archive(path: directory.path("a.db"), mode: .write)
        let sql = try archive.connection.scalar("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'")
        guard case .text(let text) = sql else { Issue.record("no articles_fts"); return }
        #expect(text.contains(#"content="articles""#))
        #expect(try archive.connection.scalar("PRAGMA journal_mode") == .text("wal"))
        #expect(try archive.connection.scalarInt("PRAGMA application_id") == ArchiveFile.applicationID)
    }
}
