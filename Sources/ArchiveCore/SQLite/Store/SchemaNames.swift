/// Values the schema gives a meaning to, named once (migrations/ defines the tables).
enum FileStatus {
    /// `files.status` while a file is being read, and after a run that was interrupted.
    static let importing = "importing"
    /// `files.status` once a file has been read to its end.
    static let complete = "complete"
    /// `files.path` of standard input, which is never skipped or resumed.
    static let standardInputPath = "-"
}

/// `dedup_state.status`.
enum DedupStatus {
    static let running = "running"
    static let complete = "complete"
}

enum FullTextSchema {
    /// The tokenizer of `articles_fts` as the archive's schema declares it, so that
    /// whatever migrations/ says is what every other index made to match it uses.
    static func tokenizer(_ connection: Connection) throws -> String {
        let sql = try connection.prepare("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").firstRow { $0.string(0) } ?? ""
        guard let start = sql.range(of: "tokenize='")?.upperBound, let end = sql[start...].firstIndex(of: "'") else {
            return "unicode61"
        }
        return String(sql[start..<end])
    }
}

enum FilterIndex {
    /// Whether `articles_filter` (migration 11) is there: an archive made by an older
    /// binary on a read-only disk cannot be brought up to date, and is read without it.
    static func exists(_ connection: Connection) throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'articles_filter'") > 0
    }

    /// `articles a`, read through the narrow index when there is one: for statements
    /// that read only what a filter tests (the id, `duplicate_of`, `published`).
    static func articlesForFilterColumns(_ connection: Connection) throws -> String {
        try exists(connection) ? "articles a INDEXED BY articles_filter" : "articles a"
    }
}
