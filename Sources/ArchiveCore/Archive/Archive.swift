import Foundation

/// The archive: one front door for every front end (the CLI, a web layer). Each method
/// does one job of the README's commands and returns view types (`Encodable`, with the
/// wire keys the README documents); nothing in these signatures names SQLite, FTS5
/// syntax or a connection. The work is done by the SQLite store (`SQLite/Store/`).
///
/// Sendable: it holds only its path and a pool that lends each connection to one task
/// at a time, so concurrent tasks may search, show and export through one instance.
/// Writing stays one command at a time (`WriterLock`).
public final class Archive: Sendable {
    public enum Mode: Sendable {
        /// Writes; creates the file (not its folder) when missing.
        case write
        /// Only reads; the file must exist. SQLite refuses every write.
        case read
    }

    public let path: String
    public let mode: Mode
    let connections: ConnectionPool
    /// How many answers each reading connection keeps (`AnswerCache`); 0 keeps none.
    let answersKept: Int

    /// How long a statement waits for a lock another process holds, unless told otherwise.
    public static let defaultBusyTimeout = Duration.seconds(10)

    /// How many readers may work at once on one open archive.
    static let readerCapacity = 4

    /// `answersKept`: with `.read`, each reading connection keeps the answers to that
    /// many recent searches, facets and counts, and gives them again while nothing has
    /// been committed to the archive since (a server's repeated questions). Ignored
    /// with `.write`, whose own commits would not empty the cache. `busyTimeout`: how
    /// long a statement waits for a lock another process holds before `ArchiveError.busy`
    /// (default 10 s).
    public convenience init(path: String, mode: Mode, answersKept: Int = 0, busyTimeout: Duration = Archive.defaultBusyTimeout) throws {
        try self.init(path: path, mode: mode, migrator: Migrator(), answersKept: answersKept, busyTimeout: busyTimeout)
    }

    init(path: String, mode: Mode, migrator: Migrator, answersKept: Int = 0, busyTimeout: Duration = Archive.defaultBusyTimeout) throws {
        self.path = path
        self.mode = mode
        self.answersKept = mode == .read ? max(0, answersKept) : 0
        let first = try ArchiveFile.open(path: path, mode: mode, migrator: migrator, busyTimeout: busyTimeout)
        connections = ConnectionPool(first: first, capacity: Self.readerCapacity,
                                     openAnother: mode == .read ? { try ArchiveFile.openReader(path: path, busyTimeout: busyTimeout) } : nil)
    }

    public func close() { connections.close() }

    /// The archive a command works on: `--db`, else $ARCHIVE_DB, else ./archive.db.
    /// Every front end (`archive`, `archive-serve`) resolves it so.
    public static func path(given db: String?) -> String {
        db ?? ProcessInfo.processInfo.environment["ARCHIVE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "archive.db"
    }

    /// The first connection, for code that holds the archive on one thread (tests).
    var connection: Connection { connections.primary }

    /// Checks, without writing anything, that `path` can become or is an archive this
    /// binary can write: its folder exists, and an existing file is an archive (or an
    /// empty SQLite database) of a schema it knows.
    public static func probeForWriting(path: String) throws {
        try ArchiveFile.probeForWriting(path: path, migrator: Migrator())
    }

    // MARK: Reading

    /// Runs a read in one snapshot of the archive: what takes several statements (the
    /// counts of `stats`, an article and its versions, a search's window and page) sees
    /// one state of it, even while an import commits in another process.
    private func read<T>(_ work: (Connection) throws -> T) throws -> T {
        try connections.borrow { connection in
            if connection.isInTransaction { return try work(connection) }
            return try connection.transaction(.deferred) { try work(connection) }
        }
    }

    /// A read whose answer the connection's `AnswerCache` may already hold.
    private func read<T>(_ question: AnswerCache.Question, _ work: (Connection) throws -> T) throws -> T {
        try read { connection in try cached(question, on: connection) { try work(connection) } }
    }

    /// The answer the connection keeps for `question`, else `work`'s; inside a read.
    private func cached<T>(_ question: AnswerCache.Question, on connection: Connection, _ work: () throws -> T) throws -> T {
        guard answersKept > 0 else { return try work() }
        let cache = connection.answerCache ?? AnswerCache(capacity: answersKept)
        connection.answerCache = cache
        return try cache.answer(question, on: connection, compute: work)
    }

    /// The best `limit` matches after skipping `offset`, best first.
    public func search(_ filter: ArticleFilter, limit: Int, offset: Int = 0, marks: SearchMarks = .markdown,
                       reach: SearchReach = .standard) throws -> SearchPage {
        try read(.search(filter, limit: limit, offset: offset, marks: marks, reach: reach)) {
            try ArticleSearch(connection: $0).search(filter, limit: limit, offset: offset, marks: marks, reach: reach)
        }
    }

    /// The newest articles a filter without a query covers (its query, if any, is
    /// ignored), by date of publication, undated ones last: hits without a rank, whose
    /// snippet is the start of the body.
    public func newest(_ filter: ArticleFilter, limit: Int, offset: Int = 0) throws -> [SearchHit] {
        try read { try NewestArticles(connection: $0).list(filter, limit: limit, offset: offset) }
    }

    /// How many tags a facet lists, and among how many newest articles a broad filter's
    /// tags are counted, unless told otherwise.
    public static let tagLimit = 20
    public static let tagSample = 2_000

    /// The most frequent tags (at most `tagLimit`) and every year among the articles a
    /// filter covers, each with how many of them it holds, and how many they are. The
    /// tags of a filter covering more than `tagSample` articles are counted among its
    /// `tagSample` newest (`SearchFacets.tagsAmongNewest`). With a `countLimit`,
    /// a filter covering more articles than that has its years counted among its
    /// `countLimit` newest articles and no total (`SearchFacets.yearsAmongNewest`).
    public func facets(_ filter: ArticleFilter, tagLimit: Int = Archive.tagLimit, tagSample: Int = Archive.tagSample,
                       countLimit: Int? = nil) throws -> SearchFacets {
        try read(.facets(filter, tagLimit: tagLimit, tagSample: tagSample, countLimit: countLimit)) {
            try FacetQuery(connection: $0).facets(filter, tagLimit: tagLimit, tagSample: tagSample, countLimit: countLimit)
        }
    }

    /// A page of results: the search (or, without a query, the newest articles), and
    /// either the facets, whose total is the count, or the count alone. Each is counted
    /// no further than `countLimit` when one is given.
    ///
    /// All of it is read in one snapshot, so that the count or the facets go on from the
    /// matches the search's ranking window walked (`WalkedMatches`) instead of walking
    /// them again; each part is still kept and found apart in the reader's answers.
    public func results(_ filter: ArticleFilter, limit: Int, offset: Int, marks: SearchMarks, withFacets: Bool,
                        countLimit: Int?) throws -> SearchResults {
        try read { connection in
            var results = SearchResults(hits: [], total: nil)
            var walked: WalkedMatches?
            if filter.query != nil {
                let page = try cached(.search(filter, limit: limit, offset: offset, marks: marks, reach: .standard), on: connection) {
                    let searched = try ArticleSearch(connection: connection).searchWalking(filter, limit: limit, offset: offset,
                                                                                            marks: marks, reach: .standard)
                    walked = searched.walked
                    return searched.page
                }
                results.hits = page.hits
                results.rankedNewest = page.rankedNewest
            } else {
                results.hits = try NewestArticles(connection: connection).list(filter, limit: limit, offset: offset)
            }
            if withFacets {
                let facets = try cached(.facets(filter, tagLimit: Self.tagLimit, tagSample: Self.tagSample, countLimit: countLimit),
                                        on: connection) {
                    try FacetQuery(connection: connection).facets(filter, tagLimit: Self.tagLimit, tagSample: Self.tagSample,
                                                                  countLimit: countLimit, walked: walked)
                }
                results.facets = facets
                results.total = facets.total
            } else if let countLimit {
                results.total = try cached(.count(filter, upTo: countLimit), on: connection) {
                    try ArticleSearch(connection: connection).count(filter, upTo: countLimit, walked: walked)
                }
            } else {
                results.total = try cached(.count(filter, upTo: nil), on: connection) { try ArticleSearch(connection: connection).count(filter) }
            }
            return results
        }
    }

    /// How many articles were published in each month, oldest first (undated ones left out).
    public func articlesPerMonth() throws -> [PeriodCount] {
        try read { try FacetQuery(connection: $0).articlesPerMonth() }
    }

    /// How many articles a filter covers.
    public func count(_ filter: ArticleFilter) throws -> Int {
        try read(.count(filter, upTo: nil)) { try ArticleSearch(connection: $0).count(filter) }
    }

    /// How many articles a filter covers, counted no further than `limit`: nil when more
    /// do. Counting a word in half of a million articles visits every one of them; a
    /// web page that says "more than 10000" needs to visit 10,001.
    public func count(_ filter: ArticleFilter, upTo limit: Int) throws -> Int? {
        try read(.count(filter, upTo: limit)) { try ArticleSearch(connection: $0).count(filter, upTo: limit) }
    }

    /// One article with every place it was read and its story's other versions; nil
    /// when there is no such article.
    public func article(id: Int64) throws -> ArticleView? {
        try read { connection in
            let queries = ArticleQueries(connection: connection)
            guard var article = try queries.article(id: id) else { return nil }
            article.versions = try queries.versions(of: id, policy: DedupState.load(connection).policy)
            return article
        }
    }

    /// Stories with two or more versions, the most versions first.
    public func stories(limit: Int? = nil, offset: Int = 0) throws -> [StoryCluster] {
        try read { try ArticleQueries(connection: $0).stories(limit: limit, offset: offset) }
    }

    public func stats(topTags: Int = 10) throws -> ArchiveStats {
        try read { try StatsQuery(connection: $0).stats(path: path, topTagCount: topTags) }
    }

    /// Writes every article the filter covers to `sink`, in archive order (CSV with its
    /// header row, or one JSON object a line); returns how many.
    @discardableResult
    public func export(_ filter: ArticleFilter, as format: ExportFormat, to sink: some ByteSink) throws -> Int {
        try read { try ArticleExport(connection: $0).write(filter, as: format, to: sink) }
    }

    /// Runs one statement of the user's that cannot write: `columns` gets the column
    /// names, then `row` each row. Refused statements throw `SQLRefusal`. With a
    /// `timeLimit`, a statement still running then is stopped and `SQLTimeLimitExceeded`
    /// thrown: a runaway query gives its connection back instead of holding it forever.
    public func readOnlySQL(_ sql: String, timeLimit: Duration? = nil, columns: ([String]) throws -> Void,
                            row: ([SQLValue]) throws -> Void) throws {
        try read { try ReadOnlySQL(connection: $0).run(sql, timeLimit: timeLimit, header: columns, row: row) }
    }

    /// How many of the newest articles are not in the full-text index yet: an import is
    /// indexing them, or was killed and leaves them to the next one.
    public func articlesAwaitingIndex() throws -> Int {
        try read { try SearchIndex(connection: $0).pendingCount() }
    }

    /// The thresholds near duplicates are judged by, and whether a check is pending.
    public func nearDuplicateState() throws -> (policy: NearDuplicatePolicy, isPending: Bool) {
        try read { let state = try DedupState.load($0); return (state.policy, state.isRunning) }
    }

    /// Where each record read went: the article it became and that article's story.
    public func placements() throws -> [RecordPlacement] {
        try read { try PlacementQuery(connection: $0).all() }
    }

    // MARK: Writing (the caller holds the `WriterLock`)

    public func importDumps(_ paths: [String], options: ImportOptions = ImportOptions(), observer: ImportObserver? = nil) throws
        -> ImportSummary
    {
        try connections.borrow { try Importer(connection: $0, options: options, observer: observer).run(paths: paths) }
    }

    /// Every integrity check. `writerActive`: another command is writing now, so its
    /// unfinished work is not a problem.
    public func check(writerActive: Bool = false) throws -> CheckReport {
        try connections.borrow { CheckReport(checks: try ArchiveCheck(connection: $0, writerActive: writerActive).run()) }
    }

    /// Rebuilds what derives from the articles, one step at a time.
    public func repair(step done: (RepairStep) -> Void = { _ in }) throws {
        try connections.borrow { try ArchiveRepair(connection: $0).run(step: done) }
    }

    /// Merges each full-text index into one segment (the merging imports leave undone),
    /// reporting each index as it is done.
    public func optimize(done: (IndexMergeReport) throws -> Void = { _ in }) throws {
        try connections.borrow { connection in
            let merge = IndexMerge(connection: connection)
            for (index, name) in IndexMerge.indexes {
                let started = ContinuousClock.now
                let before = try merge.segments(of: index)
                if before > 1 { try merge.merge(index) }
                try done(IndexMergeReport(index: name, segmentsBefore: before, segmentsAfter: try merge.segments(of: index),
                                      seconds: (ContinuousClock.now - started).inSeconds))
            }
        }
    }

    /// Checks the whole archive for near duplicates (see `DedupRun`).
    public func dedup(policy: NearDuplicatePolicy?, restart: Bool, batchSize: Int? = nil,
                      progress: (_ checked: Int, _ total: Int) throws -> Void = { _, _ in }) throws -> DedupOutcome {
        try connections.borrow { connection in
            var run = DedupRun(connection: connection)
            if let batchSize { run.batchSize = batchSize }
            return try run.run(policy: policy, restart: restart, progress: progress)
        }
    }
}
