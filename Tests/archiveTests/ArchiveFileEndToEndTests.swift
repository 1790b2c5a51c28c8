import Foundation
import Testing

/// The archive file itself: whatever is at --db, a command either uses it as an archive
/// or says why not in one line naming the path, and leaves the file as it was.
@Suite("The archive file, end to end")
struct ArchiveFileEndToEndTests {
    static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    @Test("a missing folder, another program's database, a newer archive: one line, exit 1, nothing written")
    func foreignFiles() throws {
        try withSandbox { sandbox in
            let missing = try sandbox.archive("import", try sandbox.copySample(), db: sandbox.path("no/such/dir/a.db"))
            #expect(missing.status == 1)
            #expect(missing.stderrLines.count == 1 && missing.stderr.contains(sandbox.path("no/such/dir")))

            let other = sandbox.path("other.db")
            #expect(try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [other, "CREATE TABLE customers (name TEXT)"],
                                   environment: [:], directory: sandbox.directory).status == 0)
            let before = try sandbox.read("other.db")
            let refused = try sandbox.archive("import", sandbox.path("sample-dump.txt"), db: other)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("not an archive") && refused.stderr.contains(other))
            #expect(try sandbox.read("other.db") == before)
            #expect(!sandbox.exists("other.db-lock"))

            try sandbox.importSample()
            #expect(try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"),
                                   [sandbox.db, "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')"],
                                   environment: [:], directory: sandbox.directory).status == 0)
            for command in [["stats"], ["import", sandbox.path("sample-dump.txt")], ["search", "solar"]] {
                let result = try sandbox.archiveWithoutDB(command + ["--db", sandbox.db])
                #expect(result.status == 1, "\(result)")
                #expect(result.stderr.contains("newer archive"), "\(result)")
            }
        }
    }

    @Test("a file whose first write was cut short (a journal to roll back): beside our lock file it is rolled back and imported into; else refused, untouched")
    func interruptedFirstWrite() throws {
        try withSandbox { sandbox in
            let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")
            // An empty database, copied with its journal while a transaction is open: the
            // copy is what a writer killed in its first commit leaves (synchronous=OFF
            // writes the journal complete at once, so SQLite must roll it back).
            func interrupted(_ name: String) throws {
                let source = sandbox.path("source-\(name)")
                #expect(try runProcess(sqlite3, [source, "PRAGMA user_version = 0; VACUUM;"], environment: [:], directory: sandbox.directory).status == 0)
                let script = """
                    PRAGMA synchronous = OFF;
                    BEGIN;
                    CREATE TABLE t (x);
                    INSERT INTO t VALUES (randomblob(5000));
                    .shell cp \(source) \(sandbox.path(name)) && cp \(source)-journal \(sandbox.path(name))-journal
                    COMMIT;

                    """
                let made = try runProcess(sqlite3, [source], stdin: Data(script.utf8), environment: [:], directory: sandbox.directory)
                #expect(made.status == 0 && sandbox.exists(name + "-journal"), "\(made)")
            }

            // Another program's file: refused in one line, the file and its journal left as they are.
            try interrupted("other.db")
            let before = try [sandbox.read("other.db"), sandbox.read("other.db-journal")]
            let refused = try sandbox.archive("import", try sandbox.copySample(), db: sandbox.path("other.db"))
            #expect(refused.status == 1 && refused.stderrLines.count == 1, "\(refused)")
            #expect(refused.stderr.contains("a write to it was interrupted") && refused.stderr.contains(sandbox.path("other.db")), "\(refused)")
            #expect(try [sandbox.read("other.db"), sandbox.read("other.db-journal")] == before)
            #expect(!sandbox.exists("other.db-lock"))

            // Ours: the lock file of the killed import is beside it; the import rolls the
            // journal back and goes on as on a new archive.
            try interrupted("ours.db")
            _ = try sandbox.write("ours.db-lock", "")
            let imported = try sandbox.archive("import", sandbox.path("sample-dump.txt"), db: sandbox.path("ours.db"))
            #expect(imported.status == 0, "\(imported)")
            #expect(!sandbox.exists("ours.db-journal"))
            let check = try sandbox.archive("check", db: sandbox.path("ours.db"))
            #expect(check.status == 0, "\(check)")
        }
    }

    @Test("an archive with a hot rollback journal (a first import killed mid-transaction): a search beside our lock file rolls it back and answers as before; else refused, untouched")
    func hotJournalRolledBackByReader() throws {
        try withSandbox { sandbox in
            let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")
            try sandbox.importSample()
            let before = try sandbox.archive("search", "solar", "--format", "json")
            #expect(before.status == 0 && before.stdout.contains("\"id\""), "\(before)")
            // The archive in rollback-journal mode, copied with its journal in the middle of
            // a transaction that changed every title and spilled its pages into the file
            // (a one-page cache; synchronous=OFF writes the journal complete at once): what
            // FirstImportJournal leaves when the import is killed there.
            func interrupted(_ name: String) throws {
                let script = """
                    PRAGMA journal_mode = DELETE;
                    PRAGMA synchronous = OFF;
                    PRAGMA cache_size = 1;
                    BEGIN;
                    UPDATE articles SET title = 'overwritten';
                    .shell cp \(sandbox.db) \(sandbox.path(name)) && cp \(sandbox.db)-journal \(sandbox.path(name))-journal
                    ROLLBACK;
                    PRAGMA journal_mode = WAL;

                    """
                let made = try runProcess(sqlite3, [sandbox.db], stdin: Data(script.utf8), environment: [:], directory: sandbox.directory)
                #expect(made.status == 0 && sandbox.exists(name + "-journal"), "\(made)")
            }

            try interrupted("other.db")
            let untouched = try [sandbox.read("other.db"), sandbox.read("other.db-journal")]
            let refused = try sandbox.archive("search", "solar", db: sandbox.path("other.db"))
            #expect(refused.status == 1 && refused.stderr.contains("a write to it was interrupted"), "\(refused)")
            #expect(try [sandbox.read("other.db"), sandbox.read("other.db-journal")] == untouched)

            try interrupted("ours.db")
            _ = try sandbox.write("ours.db-lock", "")
            let after = try sandbox.archive("search", "solar", "--format", "json", db: sandbox.path("ours.db"))
            #expect(after.status == 0 && after.stdout == before.stdout, "\(after)")
            #expect(!sandbox.exists("ours.db-journal"))
            let check = try sandbox.archive("check", db: sandbox.path("ours.db"))
            #expect(check.status == 0, "\(check)")
        }
    }

    @Test("optimize merges the full-text index into one segment, says so per index, and changes no answer")
    func optimize() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            try sandbox.importJSON(try sandbox.write("more.jsonl", "{\"title\": \"Solar farm opens\", \"body\": \"A new solar farm opened.\"}\n"))
            let before = try sandbox.archive("search", "solar", "--format", "json")
            #expect(try sandbox.sqlRows("SELECT count(DISTINCT segid) AS n FROM articles_fts_idx").first?["n"] as? Int == 2)

            let text = try sandbox.archive("optimize")
            #expect(text.status == 0, "\(text)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2 && lines[0].hasPrefix("full-text index: 2 segments merged into 1 (") && lines[1] == "CJK index: empty",
                    "\(text)")
            #expect(try sandbox.sqlRows("SELECT count(DISTINCT segid) AS n FROM articles_fts_idx").first?["n"] as? Int == 1)
            #expect(try sandbox.archive("search", "solar", "--format", "json").stdout == before.stdout)

            let json = try sandbox.archive("optimize", "--json")
            #expect(json.status == 0, "\(json)")
            let reports = try json.stdout.split(separator: "\n").map { try jsonValue(String($0)) as? [String: Any] }
            #expect(reports.map { $0?["index"] as? String } == ["full-text index", "CJK index"])
            #expect(reports.map { $0?["segments_before"] as? Int } == [1, 0] && reports.map { $0?["segments_after"] as? Int } == [1, 0])
        }
    }

    @Test("an archive on a read-only file system: reads work, writes fail in one line, the file is untouched",
          .enabled(if: canMount, "needs root to mount a read-only file system"))
    func readOnly() throws {
        try withSandbox { sandbox in
            let mountPoint = sandbox.path("ro")
            try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
            let mount = URL(fileURLWithPath: "/bin/mount")
            guard try runProcess(mount, ["-t", "tmpfs", "-o", "size=8m", "tmpfs", mountPoint], environment: [:], directory: sandbox.directory).status == 0 else {
                Issue.record("mount failed")
                return
            }
            defer { _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [mountPoint], environment: [:], directory: sandbox.directory) }
            let db = mountPoint + "/a.db"
            try sandbox.importSample(db: db)
            // A clean, closed archive: a checkpointed file with no -wal left behind.
            _ = try runProcess(URL(fileURLWithPath: "/usr/bin/sqlite3"), [db, "PRAGMA wal_checkpoint(TRUNCATE)"], environment: [:], directory: sandbox.directory)
            #expect(try runProcess(mount, ["-o", "remount,ro", mountPoint], environment: [:], directory: sandbox.directory).status == 0)
            let before = try Data(contentsOf: URL(fileURLWithPath: db))

            let written = try sandbox.write("more.jsonl", "{\"title\": \"New\", \"body\": \"Text\"}\n")
            let refused = try sandbox.archive("import", written, db: db)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderrLines.count == 1 && refused.stderr.contains(mountPoint), "\(refused)")
            let stats = try sandbox.archive("stats", "--json", db: db)
            #expect(stats.status == 0, "\(stats)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        }
    }
}
