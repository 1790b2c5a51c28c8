/// The second full-text index, `articles_cjk`: articles that hold Chinese, Japanese or
/// Korean text (or full-width forms), in the bigram form `CJKText` makes (see
/// migrations/0008_cjk_index.sql). Every write happens inside the caller's transaction.
struct CJKIndex {
    let connection: Connection

    /// True when at least one article is in the index: only then do searches read it.
    func hasArticles() throws -> Bool {
        try connection.scalarInt("SELECT EXISTS (SELECT 1 FROM cjk_articles)") == 1
    }

    /// Indexes the articles with ids in `range` that need it, and keeps the form each
    /// one is to be given to articles_fts in (`FullTextForm`). The importer calls this
    /// for each chunk, under the same pending mark, just before it adds the chunk to
    /// articles_fts, with the entries its reading thread made (`made`): those are added
    /// as they are, when the article stored under the id is the one they were made of;
    /// every other article is read back and its entry made here.
    func index(ids range: ClosedRange<Int64>, made: inout MadeCJKEntries) throws {
        let writer = try Writer(connection: connection, keepingForms: true)
        let taken = made.take(in: range)
        if !taken.isEmpty {
            let stored = try connection.prepare("SELECT fingerprint FROM articles WHERE id = ?")
            for (id, fingerprint, entry) in taken
            where try stored.bind(.integer(id)).firstRow({ $0.blob(0) }) == fingerprint.bytes {
                try writer.add(entry, id: id)
            }
        }
        try connection.prepare("""
            SELECT id, title, body, tags FROM articles a WHERE id >= ?1 AND id <= ?2
              AND NOT EXISTS (SELECT 1 FROM cjk_articles c WHERE c.article_id = a.id)
            """)
            .bind(.integer(range.lowerBound), .integer(range.upperBound))
            .forEachRow(adder(writer))
    }

    /// Brings the index up to date with what other writers did: an article deleted or
    /// changed after it was indexed makes the whole index be rebuilt (a contentless
    /// FTS5 table cannot forget one row without its old text); an article added by
    /// them is indexed. Articles above `pendingAfter` are left to the importer.
    func catchUp(pendingAfter: Int64?) throws {
        let changed = try connection.scalarInt("SELECT EXISTS (SELECT 1 FROM cjk_stale JOIN cjk_articles USING (article_id))") == 1
        if changed {
            try rebuild(through: pendingAfter)
            return
        }
        try connection.prepare(Self.staleArticles).bind(pendingAfter.map(SQLValue.integer) ?? .null).forEachRow(try adder())
        try connection.execute("DELETE FROM cjk_stale")
    }

    /// The articles other writers added or changed, up to the pending mark (bound, or
    /// NULL). CROSS JOIN keeps cjk_stale, usually empty, as the outer loop: with a plain
    /// JOIN and no statistics SQLite read every article instead, at the end of every
    /// import (1.5 s of a daily import into 1,000,000 articles, from the page cache).
    static let staleArticles = """
        SELECT a.id, a.title, a.body, a.tags FROM cjk_stale s CROSS JOIN articles a ON a.id = s.article_id
        WHERE a.id <= coalesce(?, a.id)
        """

    /// Empties the index and indexes every article again (`archive repair`, or after
    /// another writer changed an indexed article), up to `through` when an import's
    /// pending articles are above it. `keepingForms`: articles_fts is being rebuilt
    /// too, from the forms kept now (`SearchIndex.rebuild`).
    func rebuild(through: Int64? = nil, keepingForms: Bool = false) throws {
        try connection.execute("""
            INSERT INTO articles_cjk(articles_cjk) VALUES ('delete-all');
            DELETE FROM cjk_article_lengths;
            DELETE FROM cjk_articles;
            DELETE FROM cjk_stale;
            """)
        try connection.prepare("SELECT id, title, body, tags FROM articles WHERE id <= coalesce(?, id)")
            .bind(through.map(SQLValue.integer) ?? .null).forEachRow(try adder(Writer(connection: connection, keepingForms: keepingForms)))
    }

    /// What adds one article (a row of id, title, body, tags) when its text needs the
    /// index and it is not there yet.
    private func adder(_ writer: Writer? = nil) throws -> (Statement) throws -> Void {
        let writer = try writer ?? Writer(connection: connection)
        return { row in
            // Judged on the bytes first: most articles do not need the index.
            guard (Int32(1)...3).contains(where: { Self.needsIndex(row, column: $0) }),
                  let entry = CJKEntry(title: row.string(1), body: row.string(2), tags: StoredTags.decode(row.string(3)),
                                       storedTags: row.string(3))
            else { return }
            try writer.add(entry, id: Int64(row.int(0)))
        }
    }

    /// Adds entries to the index, its statements prepared once.
    final class Writer {
        private let connection: Connection
        private let record: Statement
        private let insert: Statement
        private let keepForm: Statement?

        /// `keepingForms`: the articles are about to be added to articles_fts (only the
        /// importer's pending articles are; the others are in it already, as they were
        /// given, and their forms must not change).
        init(connection: Connection, keepingForms: Bool = false) throws {
            self.connection = connection
            record = try connection.prepare("INSERT OR IGNORE INTO cjk_articles (article_id) VALUES (?)")
            insert = try connection.prepare("INSERT INTO articles_cjk (rowid, title, body, tags) VALUES (?, ?, ?, ?)")
            keepForm = keepingForms
                ? try connection.prepare("INSERT OR REPLACE INTO fts_forms (article_id, title, body, tags) VALUES (?, ?, ?, ?)")
                : nil
        }

        /// Indexes article `id` unless it is recorded as indexed already.
        func add(_ entry: CJKEntry, id: Int64) throws {
            if let keepForm {
                let form = entry.fullText
                try keepForm.bind(.integer(id), .text(form.title), .text(form.body), .text(form.tags)).run()
            }
            try record.bind(.integer(id)).run()
            guard connection.changes > 0 else { return }
            try insert.bind(.integer(id), .text(entry.title), .text(entry.body), .text(entry.tags)).run()
        }
    }

    /// Articles (up to `through`, when an import has more pending) whose text needs the
    /// index but that are neither in it nor waiting for it.
    func unrecordedCount(through: Int64?) throws -> Int {
        var count = 0
        try connection.prepare("""
            SELECT a.title, a.body, a.tags FROM articles a
            WHERE a.id <= coalesce(?, a.id)
              AND NOT EXISTS (SELECT 1 FROM cjk_articles c WHERE c.article_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM cjk_stale s WHERE s.article_id = a.id)
            """).bind(through.map(SQLValue.integer) ?? .null).forEachRow { row in
            if (Int32(0)...2).contains(where: { Self.needsIndex(row, column: $0) }) { count += 1 }
        }
        return count
    }

    /// Judged on the column's bytes, before any string is made of them.
    private static func needsIndex(_ row: Statement, column: Int32) -> Bool {
        row.withUTF8(column) { $0.map { CJKText.needsIndex(utf8: $0.assumingMemoryBound(to: UInt8.self)) } ?? false }
    }

    /// What `archive check` compares: rows in the index, articles recorded as indexed,
    /// and of those, articles that no longer exist.
    func counts() throws -> (indexed: Int, recorded: Int, missingArticles: Int, stale: Int) {
        (try connection.scalarInt("SELECT count(*) FROM articles_cjk"),
         try connection.scalarInt("SELECT count(*) FROM cjk_articles"),
         try connection.scalarInt("SELECT count(*) FROM cjk_articles c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)"),
         try connection.scalarInt("SELECT count(*) FROM cjk_stale"))
    }
}
