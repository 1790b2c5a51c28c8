/// Applies migrations in version order, each in its own IMMEDIATE transaction together
/// with the row that records it, so a crash leaves every migration applied or not.
struct Migrator {
    let migrations: [Migration]

    init(migrations: [Migration] = Migration.bundled) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    var latestVersion: Int { migrations.last?.version ?? 0 }

    static let ledger = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        )
        """

    /// The highest version recorded in the file, 0 for a new file.
    func appliedVersion(_ connection: Connection) throws -> Int {
        let exists = try connection.scalarInt(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
        guard exists > 0 else { return 0 }
        return try connection.scalarInt("SELECT coalesce(max(version), 0) FROM schema_migrations")
    }

    /// Refuses a file whose schema is newer than this binary, before anything is written.
    func checkNotNewer(_ connection: Connection) throws {
        let applied = try appliedVersion(connection)
        if applied > latestVersion { throw ArchiveError.newerSchema(path: connection.path, found: applied, known: latestVersion) }
    }

    /// Applies what is missing; returns the versions applied now.
    @discardableResult
    func migrate(_ connection: Connection) throws -> [Int] {
        try checkNotNewer(connection)
        var applied: [Int] = []
        for migration in migrations {
            let done: Bool = try connection.transaction(.immediate) {
                // Checked inside the write lock: another process may have just applied it.
                try connection.execute(Self.ledger)
                let present = try connection.scalarInt(
                    "SELECT count(*) FROM schema_migrations WHERE version = ?", .integer(Int64(migration.version)))
                guard present == 0 else { return false }
                try connection.execute(migration.sql)
                try connection.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)")
                    .bind(.integer(Int64(migration.version)), .text(migration.name)).run()
                return true
            }
            if done { applied.append(migration.version) }
        }
        return applied
    }
}
