import Foundation
import Testing

@Suite("archive sql, and the archive file itself, end to end")
struct SQLEndToEndTests {
    /// The archive as it stands: the main file's bytes and the write-ahead log's (the
    /// -shm index is left out: readers may touch it), plus what SQL sees.
    static func snapshot(_ sandbox: Sandbox) throws -> [String] {
        var parts: [String] = []
        for suffix in ["", "-wal"] where sandbox.exists("archive.db" + suffix) {
            parts.append("archive.db\(suffix): \(try sandbox.read("archive.db" + suffix).base64EncodedString())")
        }
        parts.append(try sandbox.sqlJSONText("SELECT count(*) AS articles, (SELECT count(*) FROM article_tags) AS tags FROM articles"))
        parts.append(try sandbox.sqlJSONText("SELECT id, title, body, tags, published FROM articles ORDER BY id"))
        parts.append(try sandbox.sqlJSONText("SELECT type, name, sql FROM sqlite_schema ORDER BY name"))
        parts.append(try sandbox.sqlJSONText("PRAGMA user_version"))
        return parts
    }

    @Test("sql prints table, csv (with a header row) and json (an array of objects)")
    func outputFormats() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let statement = "SELECT id, title, published FROM articles WHERE id <= 2 ORDER BY id"
            let json = try sandbox.archive("sql", statement, "--format", "json")
            #expect(json.status == 0, "\(json)")
            let rows = try jsonArray(json.stdout)
            #expect(rows.count == 2)
            #expect(rows.map { Set($0.keys) } == [["id", "title", "published"], ["id", "title", "published"]])
            #expect(rows.map { $0["id"] as? Int } == [1, 2])
            #expect(rows.first?["title"] as? String == Sample.solar)

            let csv = try sandbox.archive("sql", statement, "--format", "csv")
            #expect(csv.status == 0, "\(csv)")
            #expect(csv.stdout == "id,title,published\r\n1,\(Sample.solar),2024-03-03T09:15:00\r\n2,\(Sample.drought),2024-03-05T14:00:00\r\n")

            let table = try sandbox.archive("sql", "SELECT count(*) AS n FROM articles")
            #expect(table.status == 0, "\(table)")
            #expect(table.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) } == ["n", "-", "7"])

            let empty = try sandbox.archive("sql", "SELECT id FROM articles WHERE id < 0", "--format", "json")
            #expect(try jsonArray(empty.stdout).isEmpty)
            let emptyCSV = try sandbox.archive("sql", "SELECT id FROM articles WHERE id < 0", "--format", "csv")
            #expect(emptyCSV.stdout == "id\r\n")

            let types = try sandbox.archive("sql", "SELECT 1.5 AS x, NULL AS n, 'text' AS s, 42 AS i", "--format", "json")
            let object = try #require(try jsonArray(types.stdout).first)
            #expect(object["x"] as? Double == 1.5)
            #expect(object["n"] is NSNull)
            #expect(object["s"] as? String == "text")
            #expect(object["i"] as? Int == 42)
        }
    }

    static let writes = [
        "INSERT INTO articles(title, body, fingerprint, imported_at) VALUES ('x', 'y', x'00', 'now')",
        "UPDATE articles SET title = 'changed'",
        "DELETE FROM articles",
        "DROP TABLE articles",
        "ATTACH DATABASE 'attached.db' AS other",
        "PRAGMA journal_mode=delete",
        "PRAGMA user_version=5",
        "SELECT load_extension('x')",
        "CREATE TABLE t(x)",
        "CREATE TEMP TABLE t(x)",
        "WITH doomed AS (SELECT id FROM articles) DELETE FROM articles WHERE id IN doomed",
        "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')",
        "VACUUM",
        "VACUUM INTO 'vacuumed.db'",
        "REINDEX",
        "PRAGMA query_only=0",
        "PRAGMA writable_schema=1",
    ]

    @Test("writes, ATTACH, writing pragmas and load_extension are refused with exit 4; the archive is unchanged")
    func writesAreRefused() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            // Settle the files a read leaves (-wal, -shm) before taking the snapshot.
            _ = try sandbox.archive("stats")
            let before = try Self.snapshot(sandbox)
            let filesBefore = try sandbox.listing()
            for statement in Self.writes {
                let result = try sandbox.archive("sql", statement)
                #expect(result.status == 4, "\(statement): \(result)")
                #expect(result.stderrLines.count == 1, "\(statement): \(result)")
            }
            #expect(try Self.snapshot(sandbox) == before)
            #expect(try sandbox.listing() == filesBefore)
            #expect(!sandbox.exists("attached.db"))
            #expect(!sandbox.exists("vacuumed.db"))
            #expect(try sandbox.articleCount() == 7)
        }
    }

    @Test("several statements at once are not run; the archive is unchanged")
    func severalStatementsAreRefused() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            _ = try sandbox.archive("stats")
            let before = try Self.snapshot(sandbox)
            for statement in ["SELECT 1; DELETE FROM articles", "SELECT 1; ATTACH 'attached.db' AS x"] {
                let result = try sandbox.archive("sql", statement)
                #expect(result.status != 0, "\(statement): \(result)")
            }
            #expect(try Self.snapshot(sandbox) == before)
            #expect(!sandbox.exists("attached.db"))
        }
    }

    /// `sql` is documented as "one SELECT (or other reading) statement", and the guard
    /// lists table_info, index_list... as reporting pragmas; they only work with an argument.
    @Test("reporting pragmas that take an argument (table_info) are allowed")
    func readingPragmasWithArgument() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let result = try sandbox.archive("sql", "PRAGMA table_info(articles)", "--format", "json")
            #expect(result.status == 0, "\(result)")
            let names = (try? jsonArray(result.stdout))?.compactMap { $0["name"] as? String } ?? []
            #expect(names.contains("title") && names.contains("body"), "\(result)")
        }
    }

    // MARK: The archive file

    @Test("read commands on a missing archive exit 1, name the path, and create nothing")
    func missingArchive() throws {
        try withSandbox { sandbox in
            let missing = sandbox.path("missing.db")
            let commands: [[String]] = [
                ["stats"], ["stats", "--json"], ["search", "solar"], ["show", "1"], ["export"],
                ["export", "--format", "jsonl"], ["sql", "SELECT 1"],
            ]
            for command in commands {
                let result = try sandbox.archiveWithoutDB([command[0], "--db", missing] + command.dropFirst())
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains(missing), "\(result)")
                let left = try sandbox.listing()
                #expect(left.isEmpty, "\(command) left files: \(left)")
            }
        }
    }

    @Test("a --db that is not SQLite (a text file) exits 1 naming it, and is left byte for byte")
    func notSQLite() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            let text = String(repeating: "These are notes, not a database.\n", count: 200)
            let notes = try sandbox.write("notes.db", text)
            let commands: [[String]] = [
                ["stats"], ["search", "solar"], ["show", "1"], ["export"], ["sql", "SELECT 1"], ["import", dump],
                ["import", "--force", dump],
            ]
            for command in commands {
                let result = try sandbox.archiveWithoutDB([command[0], "--db", notes] + command.dropFirst())
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains(notes), "\(result)")
                #expect(try sandbox.read("notes.db") == Data(text.utf8))
                #expect(try sandbox.listing() == ["notes.db", "sample-dump.txt"])
            }
        }
    }

    /// An empty (0-byte) file is a valid empty SQLite database to SQLite itself. A read
    /// command should still only read: it must not turn the file into an archive.
    @Test("a read command on an empty file does not write to it")
    func readCommandOnEmptyFile() throws {
        try withSandbox { sandbox in
            let empty = try sandbox.write("empty.db", "")
            _ = try sandbox.archive("stats", "--json", db: empty)
            #expect(try sandbox.read("empty.db").isEmpty)
            #expect(try sandbox.listing() == ["empty.db"])
        }
    }

    // MARK: Other tools

    @Test(
        "sqlite-utils finds the full-text index",
        // Skipped (reported as skipped) unless $ARCHIVE_TEST_PYTHON or .build-venv/bin/python
        // can import sqlite_utils; `make test` (scripts/test-tools.sh) sets up the venv.
        .enabled("needs sqlite-utils in $ARCHIVE_TEST_PYTHON or .build-venv (scripts/test-tools.sh)") {
            Python.toolsPythonCanImport("sqlite_utils")
        })
    func sqliteUtilsDetectsFTS() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let python = try #require(Python.toolsPython)
            let result = try runProcess(
                python, ["-c", "import sqlite_utils, sys; print(sqlite_utils.Database(sys.argv[1])['articles'].detect_fts())", sandbox.db],
                environment: ProcessInfo.processInfo.environment, directory: sandbox.directory)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "articles_fts", "\(result)")
        }
    }

    @Test(
        "Datasette finds the full-text index",
        // Skipped (reported as skipped) unless $ARCHIVE_TEST_PYTHON or .build-venv/bin/python
        // can import datasette; `make test` (scripts/test-tools.sh) sets up the venv.
        .enabled("needs datasette in $ARCHIVE_TEST_PYTHON or .build-venv (scripts/test-tools.sh)") {
            Python.toolsPythonCanImport("datasette")
        })
    func datasetteDetectsFTS() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let python = try #require(Python.toolsPython)
            let script = """
                import sqlite3, sys
                from datasette.utils import detect_fts
                print(detect_fts(sqlite3.connect(sys.argv[1]), "articles"))
                """
            let result = try runProcess(
                python, ["-c", script, sandbox.db], environment: ProcessInfo.processInfo.environment,
                directory: sandbox.directory)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "articles_fts", "\(result)")
        }
    }
}
