import CSQLite

/// A first import writes through a rollback journal instead of the write-ahead log.
///
/// In WAL mode every page is written twice: into the log at each commit, then into the
/// file when the log is checkpointed. A first import into an empty archive writes
/// gigabytes of new pages (a million articles and their full-text index), and a
/// rollback journal keeps only the old content of pages a transaction changes: pages
/// added at the end of the file, which is nearly all of them, are written once (README,
/// "Performance"). The journal is as safe: a killed import leaves a hot journal that
/// the next connection able to write rolls back (`ArchiveFile` has readers do it too),
/// so the archive is its last commit, and the next import carries on from there.
///
/// What the log gives, readers that never wait for the writer, matters once there is
/// something to read; so only an import into an archive without articles switches, and
/// only when no other connection has the file open (SQLite refuses the switch then,
/// without waiting, and the import keeps the log). The archive is back in WAL mode when
/// the import ends, however it ends but killed; the next writing command sets it then.
struct FirstImportJournal {
    let connection: Connection

    /// Switches to a rollback journal when the archive holds no article yet and no
    /// other connection has it open. Returns whether it switched.
    func begin() throws -> Bool {
        guard try connection.scalarInt("SELECT EXISTS (SELECT 1 FROM articles)") == 0 else { return false }
        do {
            try connection.execute("PRAGMA journal_mode = DELETE")
        } catch {
            // execute throws only SQLiteError.
            guard [SQLITE_BUSY, SQLITE_LOCKED].contains(error.code) else { throw error }
            return false
        }
        return try connection.scalar("PRAGMA journal_mode") == .text("delete")
    }

    /// Back to the write-ahead log, so that searches and `archive serve` read while later
    /// imports write. Waits for readers that opened the file meanwhile (busy timeout).
    func end() throws {
        try connection.execute("PRAGMA journal_mode = WAL")
    }
}
