/// The `files` table: which dumps were read, how far, and with what result.
struct FileLedger {
    let connection: Connection

    struct Entry: Equatable {
        var id: Int64
        var path: String
        var format: String
        var size: Int64
        var sha256: [UInt8]
        var isComplete: Bool
        var resume: InputPosition
        var identity: FileIdentity?
    }

    struct Counts: Equatable {
        var records = 0
        var inserted = 0
        var duplicates = 0
        /// Not stored per file: `archive dedup` may relink them later.
        var nearDuplicates = 0
        var errors = 0
    }

    private static let columns = "id, path, format, size, sha256, status, resume_offset, resume_line, modified_ns, inode"

    private func entry(from row: Statement) -> Entry {
        Entry(id: Int64(row.int(0)), path: row.string(1), format: row.string(2), size: Int64(row.int(3)),
              sha256: row.blob(4), isComplete: row.string(5) == FileStatus.complete,
              resume: InputPosition(offset: Int64(row.int(6)), line: row.int(7)),
              identity: row.isNull(8) || row.isNull(9) ? nil
                  : FileIdentity(size: Int64(row.int(3)), modifiedNanoseconds: Int64(row.int(8)), inode: UInt64(bitPattern: Int64(row.int(9)))))
    }

    func entry(path: String) throws -> Entry? {
        try connection.prepare("SELECT \(Self.columns) FROM files WHERE path = ? AND path <> '\(FileStatus.standardInputPath)'")
            .bind(.text(path)).firstRow(entry)
    }

    /// A completely imported file with exactly these bytes, under another path.
    func completeCopy(size: Int64, sha256: [UInt8], otherThan path: String) throws -> Entry? {
        try connection.prepare("""
            SELECT \(Self.columns) FROM files
            WHERE size = ? AND sha256 = ? AND status = '\(FileStatus.complete)' AND path <> ? LIMIT 1
            """).bind(.integer(size), .blob(sha256), .text(path)).firstRow(entry)
    }

    /// Marks the start (or restart) of an import of `path` at `resume`; returns its id.
    /// `format`: a DumpFormat's name, or `zip` / `tar` for a bundle. `compression`: how
    /// the file is compressed; `bundle`: the row of the bundle a member is read from.
    func begin(path: String, format: String, compression: Compression? = nil, bundle: Int64? = nil, size: Int64, sha256: [UInt8], identity: FileIdentity?, resume: InputPosition,
               now: String) throws -> Int64 {
        let modified: SQLValue = identity.map { .integer($0.modifiedNanoseconds) } ?? .null
        let inode: SQLValue = identity.map { .integer(Int64(bitPattern: $0.inode)) } ?? .null
        if path != FileStatus.standardInputPath, let existing = try entry(path: path) {
            try connection.prepare("""
                UPDATE files SET format = ?, size = ?, sha256 = ?, status = '\(FileStatus.importing)',
                    resume_offset = ?, resume_line = ?, last_imported_at = ?, modified_ns = ?, inode = ?,
                    compression = ?, bundle_id = ? WHERE id = ?
                """).bind(.text(format), .integer(size), .blob(sha256), .integer(resume.offset),
                          .integer(Int64(resume.line)), .text(now), modified, inode, compressionValue(compression),
                          bundle.map(SQLValue.integer) ?? .null, .integer(existing.id)).run()
            return existing.id
        }
        try connection.prepare("""
            INSERT INTO files (path, format, size, sha256, status, resume_offset, resume_line, first_imported_at, last_imported_at,
                               modified_ns, inode, compression, bundle_id)
            VALUES (?, ?, ?, ?, '\(FileStatus.importing)', ?, ?, ?, ?, ?, ?, ?, ?)
            """).bind(.text(path), .text(format), .integer(size), .blob(sha256), .integer(resume.offset),
                      .integer(Int64(resume.line)), .text(now), .text(now), modified, inode, compressionValue(compression),
                      bundle.map(SQLValue.integer) ?? .null).run()
        return connection.lastInsertedRowID
    }

    private func compressionValue(_ compression: Compression?) -> SQLValue {
        compression.map { .text($0.rawValue) } ?? .null
    }

    /// Records progress: everything before `resume` is in. Runs inside the batch's
    /// transaction, so the ledger never runs ahead of or behind the articles.
    func advance(id: Int64, to resume: InputPosition, adding counts: Counts) throws {
        try connection.prepare("""
            UPDATE files SET resume_offset = ?, resume_line = ?, records = records + ?, inserted = inserted + ?,
                duplicates = duplicates + ?, errors = errors + ? WHERE id = ?
            """).bind(.integer(resume.offset), .integer(Int64(resume.line)), .integer(Int64(counts.records)),
                      .integer(Int64(counts.inserted)), .integer(Int64(counts.duplicates)), .integer(Int64(counts.errors)),
                      .integer(id)).run()
    }

    /// The file has been read to its end; for standard input its size and hash are
    /// known only now.
    func complete(id: Int64, size: Int64? = nil, sha256: [UInt8]? = nil) throws {
        try connection.prepare("""
            UPDATE files SET status = '\(FileStatus.complete)', size = coalesce(?, size), sha256 = coalesce(?, sha256) WHERE id = ?
            """).bind(size.map { .integer($0) } ?? .null, sha256.map { .blob($0) } ?? .null, .integer(id)).run()
    }
}
