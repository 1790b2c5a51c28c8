/// `archive check`: every integrity check the archive supports, each with its verdict.
struct ArchiveCheck {
    typealias Finding = CheckReport.Finding

    let connection: Connection
    /// Another command is writing right now: its unfinished work is not a problem.
    let writerActive: Bool

    init(connection: Connection, writerActive: Bool = false) {
        self.connection = connection
        self.writerActive = writerActive
    }

    func run() throws -> [Finding] {
        [
            try sqlite(),
            try fullTextIndex(),
            try rankLengths(),
            try cjkIndex(),
            try tagRows(),
            try filterBlocks(),
            try versionLinks(),
            try nearKeys(),
            try ledger(),
            try sightings(),
        ]
    }

    private func finding(_ name: String, _ problem: String?, remedy: String? = nil) -> Finding {
        Finding(name: name, problem: problem, remedy: problem == nil ? nil : remedy)
    }

    /// SQLite's own check of every page, index and constraint.
    func sqlite() throws -> Finding {
        var messages: [String] = []
        try connection.prepare("PRAGMA integrity_check").forEachRow { messages.append($0.string(0)) }
        let foreign = try connection.scalarInt("SELECT count(*) FROM pragma_foreign_key_check")
        var problem: String?
        if messages != ["ok"] { problem = messages.prefix(5).joined(separator: "; ") }
        if foreign > 0 { problem = (problem.map { $0 + "; " } ?? "") + "\(foreign) rows break foreign keys" }
        return finding("sqlite integrity", problem, remedy: "restore from a backup; `archive export` then import into a new archive saves what is readable")
    }

    /// FTS5 against its content table: every article indexed exactly as it is.
    func fullTextIndex() throws -> Finding {
        let search = SearchIndex(connection: connection)
        if try search.pendingCount() > 0 {
            if writerActive { return finding("full-text index", nil) }
            return finding("full-text index", "\(try search.pendingCount()) articles not indexed yet (an import was interrupted)",
                           remedy: "`archive import` (any file) or `archive repair`")
        }
        let remedy = "`archive repair` rebuilds the index from the articles"
        do {
            try withFormsInPlace {
                try connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
            }
        } catch let error as SQLiteError {
            return finding("full-text index", "FTS5 says: \(error.message)", remedy: remedy)
        }
        let wrongForms = try wrongFullTextForms()
        return finding("full-text index", wrongForms == 0 ? nil : "\(wrongForms) of the forms kept for articles_fts are not their articles' text in form",
                       remedy: remedy)
    }

    /// Forms kept for articles that no longer exist, or that are not the form of the
    /// article's text as stored (the triggers drop a changed article's form), which
    /// the triggers would use to take the article out of the index.
    private func wrongFullTextForms() throws -> Int {
        var wrong = 0
        try connection.prepare("""
            SELECT a.title, a.body, a.tags, f.title, f.body, f.tags
            FROM fts_forms f LEFT JOIN articles a ON a.id = f.article_id
            """).forEachRow { row in
            if row.isNull(0) {
                wrong += 1
                return
            }
            let form = FullTextForm.Columns(title: row.string(0), body: row.string(1), storedTags: row.string(2))
            if [form.title, form.body, form.tags] != [row.string(3), row.string(4), row.string(5)] { wrong += 1 }
        }
        return wrong
    }

    /// Runs `body` while the articles held in articles_fts in their form
    /// (`FullTextForm`) have that form in place of their columns, which is what FTS5's
    /// check must compare the index with. Done in a savepoint that is always rolled
    /// back, with the triggers on articles dropped inside it (and CHECK constraints off:
    /// the tags' form is no JSON array), so nothing else is written and nothing stays.
    private func withFormsInPlace(_ body: () throws -> Void) throws {
        guard try connection.scalarInt("SELECT EXISTS (SELECT 1 FROM fts_forms)") == 1 else { return try body() }
        try connection.execute("SAVEPOINT full_text_check; PRAGMA ignore_check_constraints = ON;")
        var failure: Error?
        do {
            var triggers: [String] = []
            try connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles'")
                .forEachRow { triggers.append($0.string(0)) }
            for name in triggers { try connection.execute("DROP TRIGGER \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"") }
            try connection.execute("""
                UPDATE articles SET title = f.title, body = f.body, tags = f.tags FROM fts_forms f WHERE f.article_id = articles.id
                """)
            try body()
        } catch {
            failure = error
        }
        try connection.execute("ROLLBACK TO full_text_check; RELEASE full_text_check; PRAGMA ignore_check_constraints = OFF;")
        if let failure { throw failure }
    }

    /// The packed lengths ranking reads say what the full-text indexes say (a missing
    /// block is not a problem: FTS5 is asked instead, and the next import writes it).
    func rankLengths() throws -> Finding {
        let wrong = try RankLengths.indexes.reduce(0) { $0 + (try RankLengths(connection: connection, index: $1).wrongLengths()) }
        return finding("ranking lengths", wrong == 0 ? nil : "\(wrong) stored article lengths differ from the full-text indexes'",
                       remedy: "`archive repair` writes them again from the index")
    }

    /// The CJK index holds one entry per recorded article, every article with such text
    /// is recorded, and no other writer changed one since.
    func cjkIndex() throws -> Finding {
        let index = CJKIndex(connection: connection)
        let counts = try index.counts()
        var problems: [String] = []
        if counts.indexed != counts.recorded { problems.append("\(counts.indexed) entries for \(counts.recorded) recorded articles") }
        if counts.missingArticles > 0 { problems.append("\(counts.missingArticles) entries for articles that no longer exist") }
        if counts.stale > 0 && !writerActive { problems.append("\(counts.stale) articles written by another program wait to be indexed") }
        let unindexed = try index.unrecordedCount(through: SearchIndex(connection: connection).pendingAfter())
        if unindexed > 0 { problems.append("\(unindexed) articles with Chinese, Japanese or Korean text are not indexed") }
        return finding("CJK index", problems.isEmpty ? nil : problems.joined(separator: "; "),
                       remedy: "`archive repair` rebuilds it (an import also indexes what another program wrote)")
    }

    /// The packed ids filters read say what article_tags and articles say (a block not
    /// listed is not a problem: it is read from those tables, and the next import writes it).
    func filterBlocks() throws -> Finding {
        let wrong = try FilterBlocks(connection: connection).wrongBlocks()
        return finding("filter blocks", wrong == 0 ? nil : "\(wrong) blocks of packed tag and month ids differ from the articles'",
                       remedy: "`archive repair` writes them again")
    }

    /// article_tags holds exactly the tags of articles.tags.
    func tagRows() throws -> Finding {
        let missing = try connection.scalarInt("""
            SELECT count(*) FROM (SELECT a.id, j.value FROM articles a, json_each(a.tags) j WHERE j.type = 'text'
                                  EXCEPT SELECT article_id, tag FROM article_tags)
            """)
        let extra = try connection.scalarInt("""
            SELECT count(*) FROM (SELECT article_id, tag FROM article_tags
                                  EXCEPT SELECT a.id, j.value FROM articles a, json_each(a.tags) j WHERE j.type = 'text')
            """)
        let problem = missing + extra == 0 ? nil : "\(missing) tag rows missing, \(extra) tag rows with no article tag"
        return finding("tag rows", problem, remedy: "`archive repair`")
    }

    /// Every version points at a canonical article that exists and is canonical itself.
    func versionLinks() throws -> Finding {
        let dangling = try connection.scalarInt("""
            SELECT count(*) FROM articles v LEFT JOIN articles c ON c.id = v.duplicate_of
            WHERE v.duplicate_of IS NOT NULL AND (c.id IS NULL OR c.duplicate_of IS NOT NULL OR c.id = v.id)
            """)
        let halfLinked = try connection.scalarInt("""
            SELECT count(*) FROM articles WHERE (duplicate_of IS NULL) <> (similarity IS NULL) OR (duplicate_of IS NULL) <> (match_rule IS NULL)
            """)
        var problems: [String] = []
        if dangling > 0 { problems.append("\(dangling) versions point to a missing or non-canonical article") }
        if halfLinked > 0 { problems.append("\(halfLinked) articles with a half-written link") }
        return finding("story links", problems.isEmpty ? nil : problems.joined(separator: "; "), remedy: "`archive repair` checks every article again")
    }

    /// Every checked article is filed under its candidate keys (16 bands at least).
    func nearKeys() throws -> Finding {
        let state = try DedupState.load(connection)
        let checkedBelow = state.isRunning ? state.nextArticleID : Int64.max
        let checked = try connection.scalarInt("SELECT count(*) FROM articles WHERE id < ?", .integer(checkedBelow))
        let filed = try connection.scalarInt("""
            SELECT count(*) FROM (SELECT article_id FROM near_keys_all GROUP BY article_id HAVING count(DISTINCT key) >= \(CandidateKeys.bandCount))
            WHERE article_id IN (SELECT id FROM articles WHERE id < ?)
            """, .integer(checkedBelow))
        let stale = try connection.scalarInt("""
            SELECT count(*) FROM (SELECT DISTINCT article_id FROM near_keys_all) WHERE article_id NOT IN (SELECT id FROM articles)
            """)
        var problems: [String] = []
        if filed < checked { problems.append("\(checked - filed) checked articles lack their candidate keys") }
        if stale > 0 { problems.append("keys of \(stale) deleted articles remain") }
        if state.isRunning { problems.append("a near-duplicate check is pending from article \(state.nextArticleID)") }
        return finding("near-duplicate keys", problems.isEmpty ? nil : problems.joined(separator: "; "),
                       remedy: state.isRunning && problems.count == 1 ? "`archive dedup`" : "`archive repair`")
    }

    /// The import ledger: finished files, counts that add up, offsets inside the file.
    func ledger() throws -> Finding {
        var problems: [String] = []
        var unfinished: [String] = []
        // Standard input cannot be read again by the archive: what an interrupted import
        // from it committed is kept, and its row stays 'importing' for the record.
        try connection.prepare("SELECT path FROM files WHERE status <> '\(FileStatus.complete)' AND path <> '\(FileStatus.standardInputPath)'").forEachRow { unfinished.append($0.string(0)) }
        if !unfinished.isEmpty && !writerActive { problems.append("interrupted import of \(unfinished.prefix(3).joined(separator: ", "))") }
        let badCounts = try connection.scalarInt("SELECT count(*) FROM files WHERE records <> inserted + duplicates + errors")
        if badCounts > 0 { problems.append("\(badCounts) files whose counts do not add up") }
        let badOffsets = try connection.scalarInt("SELECT count(*) FROM files WHERE path <> '\(FileStatus.standardInputPath)' AND (resume_offset < 0 OR (resume_offset > size AND compression IS NULL))")
        if badOffsets > 0 { problems.append("\(badOffsets) files with a resume point outside the file") }
        let remedy = unfinished.isEmpty ? "`archive repair` cannot fix the ledger; import the files again with --force"
            : "run the same `archive import` again to finish"
        return finding("import ledger", problems.isEmpty ? nil : problems.joined(separator: "; "), remedy: remedy)
    }

    /// Every sighting names an existing file and article.
    func sightings() throws -> Finding {
        let orphans = try connection.scalarInt("""
            SELECT count(*) FROM sightings s
            WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id) OR NOT EXISTS (SELECT 1 FROM files f WHERE f.id = s.file_id)
            """)
        let unseen = try connection.scalarInt("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id)")
        var problems: [String] = []
        if orphans > 0 { problems.append("\(orphans) sightings of a missing article or file") }
        if unseen > 0 { problems.append("\(unseen) articles with no record of where they were seen") }
        return finding("sightings", problems.isEmpty ? nil : problems.joined(separator: "; "), remedy: "`archive repair` removes sightings of missing articles")
    }
}
