/// The full-text index's upkeep during imports: new articles are indexed in chunks by
/// the importer rather than row by row (see migrations/0003_pending_index.sql).
struct SearchIndex {
    let connection: Connection

    /// Articles with an id above the returned one are not in the index yet; nil when
    /// the index is complete.
    func pendingAfter() throws -> Int64? {
        try connection.prepare("SELECT after_id FROM fts_pending WHERE id = 1").firstRow { Int64($0.int(0)) }
    }

    /// From now on new articles wait for `indexPending`. Keeps an earlier, lower mark
    /// (an import that was killed) so that nothing is skipped.
    func holdNewArticles() throws {
        try connection.transaction {
            try connection.prepare("""
                INSERT OR IGNORE INTO fts_pending (id, after_id, since) SELECT 1, coalesce(max(id), 0), ? FROM articles
                """).bind(.text(timestamp())).run()
        }
    }

    /// Indexes up to `limit` pending articles, in id order, inside the caller's
    /// transaction, and moves the mark past them; `made`: CJK index entries made while
    /// reading (`CJKIndex.index`). Returns how many were indexed.
    @discardableResult
    func indexPending(limit: Int, made: inout MadeCJKEntries) throws -> Int {
        guard let after = try pendingAfter() else { return 0 }
        let chunk = try connection.prepare("""
            SELECT max(id), count(*) FROM (SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?)
            """).bind(.integer(after), .integer(Int64(limit))).firstRow { row -> (Int64, Int)? in
            row.isNull(0) ? nil : (Int64(row.int(0)), row.int(1))
        }
        guard let (through, count) = chunk ?? nil else { return 0 }
        // The CJK index first: it keeps the form articles_fts is given for its articles.
        try CJKIndex(connection: connection).index(ids: (after + 1)...through, made: &made)
        try addToFullText(ids: (after + 1)...through)
        try connection.prepare("UPDATE fts_pending SET after_id = ? WHERE id = 1").bind(.integer(through)).run()
        return count
    }

    /// Adds the articles with ids in `range` to articles_fts: as stored, or in the form
    /// kept for them (`FullTextForm`), as the triggers take them out again.
    func addToFullText(ids range: ClosedRange<Int64>) throws {
        try connection.prepare("""
            INSERT INTO articles_fts(rowid, title, body, tags)
            SELECT a.id, coalesce(f.title, a.title), coalesce(f.body, a.body), coalesce(f.tags, a.tags)
            FROM articles a LEFT JOIN fts_forms f ON f.article_id = a.id WHERE a.id BETWEEN ? AND ?
            """).bind(.integer(range.lowerBound), .integer(range.upperBound)).run()
    }

    /// Empties articles_fts and the CJK index and indexes every article again, as an
    /// import indexes new ones (`archive repair`), inside the caller's transaction.
    func rebuild() throws {
        try connection.execute("""
            DELETE FROM fts_pending;
            INSERT INTO articles_fts(articles_fts) VALUES ('delete-all');
            DELETE FROM fts_forms;
            """)
        try CJKIndex(connection: connection).rebuild(keepingForms: true)
        try addToFullText(ids: Int64.min...Int64.max)
    }

    /// Indexes every pending article and lets the triggers take over again.
    func finish(made: inout MadeCJKEntries) throws {
        try connection.transaction {
            while try indexPending(limit: 5_000, made: &made) > 0 {}
            // What other writers changed in the CJK index's articles meanwhile.
            try CJKIndex(connection: connection).catchUp(pendingAfter: nil)
            try connection.execute("DELETE FROM fts_pending")
            // The lengths ranking reads, for the new articles and for blocks that other
            // writers' changes dropped.
            for index in RankLengths.indexes { try RankLengths(connection: connection, index: index).update() }
            // The packed ids filters read, for the new articles' blocks and those that
            // other writers' changes dropped.
            try FilterBlocks(connection: connection).update()
        }
    }

    /// How many articles are not searchable yet.
    func pendingCount() throws -> Int {
        guard let after = try pendingAfter() else { return 0 }
        return try connection.scalarInt("SELECT count(*) FROM articles WHERE id > ?", .integer(after))
    }
}
