import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Imports dumps into an archive. A reader thread (`DumpFeed`) parses each file and
/// prepares articles while this thread writes them to SQLite. Writes are grouped into
/// transactions of many records; each one also advances the file's ledger entry, so an
/// import killed at any point leaves a consistent archive and the next run carries on
/// where the last commit stopped.
final class Importer {
    let connection: Connection
    let options: ImportOptions
    private(set) weak var observer: ImportObserver?
    let ledger: FileLedger
    private let store: ArticleStore
    /// nil when near duplicates are not checked in this run.
    private var nearIndex: NearDuplicateIndex?
    private let index: SearchIndex
    /// CJK index entries of stored articles not indexed yet, made on the reading thread.
    private var madeCJK: MadeCJKEntries
    var summary = ImportSummary()
    private var isPrepared = false
    /// Set while a first import writes through a rollback journal (`FirstImportJournal`).
    private var writesThroughJournal = false
    private var inputBytes: Int64 = 0
    private let holdCounter: HoldPoints.Counter

    init(connection: Connection, options: ImportOptions = ImportOptions(), observer: ImportObserver? = nil) throws {
        self.connection = connection
        self.options = options
        self.observer = observer
        self.ledger = FileLedger(connection: connection)
        self.store = try ArticleStore(connection: connection)
        self.index = SearchIndex(connection: connection)
        self.madeCJK = MadeCJKEntries(budget: options.madeCJKBytes)
        self.holdCounter = HoldPoints.Counter(options.holds)
    }

    func run(paths: [String]) throws -> ImportSummary {
        let started = Date()
        defer { endJournal() }
        let (files, problems) = DumpDiscovery.files(for: paths, format: options.format)
        // About 3 kB an article: enough to size the near-duplicate key filter.
        inputBytes = files.reduce(Int64(0)) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)??.int64Value ?? 0
            // News text compresses about fourfold; a bundle is taken to be compressed.
            let packed = Compression.strippingExtension(file.path).compression != nil || Bundle.hasBundleName(file.path)
            return total + (packed ? size * 4 : size)
        }
        for problem in problems {
            summary.filesFailed += 1
            observer?.warning(problem)
        }
        for file in files {
            do {
                try importFile(file)
            } catch let error as ReadError {
                summary.filesFailed += 1
                observer?.warning(error.description)
            }
        }
        // Also finishes the index of an earlier import that was killed before this step.
        if try isPrepared || index.pendingAfter() != nil { try index.finish(made: &madeCJK) }
        if let nearIndex { try connection.transaction { try nearIndex.saveFilter() } }
        endJournal()
        // Leave the write-ahead log empty: the next reader opens the file without first
        // indexing hundreds of megabytes of log. Readers in the way only make it partial.
        if isPrepared { try? connection.checkpoint() }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Done once, before the first file that is read: a run that skips every file (a
    /// re-import) touches neither the key filter nor the full-text index.
    private func prepareForReading() throws {
        guard !isPrepared else { return }
        isPrepared = true
        writesThroughJournal = try FirstImportJournal(connection: connection).begin()
        try prepareNearDuplicates(expectedArticles: Int(inputBytes / 3_000))
        try index.holdNewArticles()
    }

    /// Back to the write-ahead log after a first import. A failure leaves the archive
    /// whole, in rollback-journal mode, which the next writing command turns back.
    private func endJournal() {
        guard writesThroughJournal else { return }
        writesThroughJournal = false
        try? FirstImportJournal(connection: connection).end()
    }

    /// Near duplicates are checked during the import only when the whole archive is
    /// checked already; otherwise the pending `archive dedup` run covers these articles
    /// too, in id order, and checking some now would only be redone.
    private func prepareNearDuplicates(expectedArticles: Int) throws {
        var state = try DedupState.load(connection)
        if state.isRunning {
            observer?.note(.nearDuplicatesPending(fromArticle: state.nextArticleID))
            return
        }
        guard options.nearDuplicates else {
            try connection.transaction { try state.startAfterNewestArticle(connection) }
            observer?.note(.nearDuplicatesNotChecked)
            return
        }
        nearIndex = try NearDuplicateIndex(connection: connection, policy: state.policy, expectedArticles: expectedArticles,
                                           heldKeys: options.heldNearKeys)
    }

    // MARK: One file

    /// What reading one file needs: where to start, what the ledger must record.
    struct FileRead {
        var input: DumpFeed.Input
        var format: DumpFormat?
        var start = InputPosition.start
        var digest: FileDigest?
        var identity: FileIdentity?
        /// Set when the file is a bundle: its members are read instead.
        var bundle: Bundle?
        /// The ledger row of the bundle a member is read from.
        var bundleID: Int64?

        /// The same file read again from `start`, which was committed, stopping short of
        /// `damage`: what a read that met the damage wrote after `start` was rolled back.
        func reading(from start: InputPosition, upTo damage: ReadError, csvHeader: CSVHeader?) -> FileRead? {
            guard case .file(let path, _, _, nil) = input else { return nil }
            var again = self
            again.input = .file(path: path, from: start, csvHeader: csvHeader, damage: damage)
            again.start = start
            return again
        }

        var isRereading: Bool {
            if case .file(_, _, _, .some) = input { return true }
            return false
        }
    }

    private func importFile(_ file: DumpFile) throws {
        guard let plan = try plan(file) else { return }
        try prepareForReading()
        if let bundle = plan.bundle {
            try importBundle(file, bundle, plan)
        } else {
            try read(file, plan)
        }
    }

    /// Decides with the ledger whether and from where to read a file (nil: skip it),
    /// telling the user why.
    private func plan(_ file: DumpFile) throws -> FileRead? {
        guard !file.isStandardInput else { return FileRead(input: .standardInput, format: file.format) }
        let identity = try FileIdentity(path: file.path)
        let entry = try ledger.entry(path: file.path)
        // Unchanged since its complete import (same size, time and inode): nothing to
        // read, not even to hash.
        if !options.force, let entry, entry.isComplete, entry.identity == identity {
            summary.filesSkipped += 1
            observer?.note(.skipped(file.path, sameBytesAs: nil))
            return nil
        }
        var digest = try FileDigest(path: file.path, prefixSize: entry?.size)
        let copy = try ledger.completeCopy(size: digest.size, sha256: digest.sha256, otherThan: file.path)
        let decision = ImportPlan.decide(entry: entry, digest: digest, copy: copy, force: options.force)
        if case .read = decision, let bundle = try Bundle.detect(path: file.path) {
            // A compressed tar is read only as far as its bytes are known good.
            if bundle.compression != nil { digest.damage = try FileDigest.damage(path: file.path) }
            // Its members are planned one by one; the bundle is only a container.
            return FileRead(input: .file(path: file.path, from: .start, csvHeader: nil), digest: digest, identity: identity,
                            bundle: bundle)
        }
        guard let start = announce(decision, path: file.path) else { return nil }
        let format = try file.format ?? DumpFeed.sniff(try ByteSource(path: file.path))
        let header = try csvHeader(path: file.path, format: format, start: start)
        return FileRead(input: .file(path: file.path, from: start, csvHeader: header), format: format, start: start,
                        digest: digest, identity: identity)
    }

    /// A CSV read from the middle still needs the names in its header row.
    private func csvHeader(path: String, format: DumpFormat?, start: InputPosition) throws -> CSVHeader? {
        guard format == .csv, start.offset > 0 else { return nil }
        return try CSVDumpReader.readHeader(source: try ByteSource(path: path))
    }

    /// Tells the user what the plan for a file is; returns where to start reading, nil
    /// when the file is skipped.
    func announce(_ decision: ImportPlan, path: String) -> InputPosition? {
        switch decision {
        case .skip(let copyOf):
            summary.filesSkipped += 1
            observer?.note(.skipped(path, sameBytesAs: copyOf))
            return nil
        case .read(let from, let reason):
            switch reason {
            case .grown: observer?.note(.grown(path, fromLine: from.line))
            case .interrupted: observer?.note(.resuming(path, atLine: from.line))
            case .changed: observer?.note(.changed(path))
            case .new, .forced: break
            }
            return from
        }
    }

    /// Reads a file on the reader thread and writes what it hands over, committing in
    /// batches with the ledger.
    func read(_ file: DumpFile, _ plan: FileRead) throws {
        let now = timestamp()
        let (start, digest) = (plan.start, plan.digest)
        // Progress against the size on disk; a compressed file's decoded size is unknown.
        var total = plan.digest?.size
        let feed = DumpFeed(input: plan.input, format: plan.format, nearDuplicates: nearIndex != nil,
                            batchRecords: options.feedRecords, batchBytes: 4 << 20, fields: options.fields)
        let channel = feed.start()
        // Leaving early (an error) stops the reader thread.
        defer { channel.close() }
        let recordsBefore = summary.records
        var pending: PendingCommit?
        // Whatever is written but not committed is rolled back if this file fails.
        defer { if pending != nil { rollBackTransaction() } }
        while let message = try nextMessage(channel, pending: &pending) {
            switch message {
            case .format(let read, let compression):
                if compression != nil { total = nil }
                let fileID = try connection.transaction {
                    try ledger.begin(path: file.path, format: read.rawValue, compression: compression, bundle: plan.bundleID,
                                     size: digest?.size ?? 0, sha256: digest?.sha256 ?? [], identity: plan.identity,
                                     resume: start, now: now)
                }
                pending = PendingCommit(file: file, fileID: fileID, rereading: start, reached: start, committed: start, verified: start.offset)
                if !plan.isRereading { summary.files += 1 }
            case .batch(let batch):
                guard var current = pending else { continue }
                if !connection.isInTransaction { try connection.begin() }
                try write(batch, into: &current)
                current.indexed += try indexMadeCJKEntriesIfFull()
                current.verified = max(current.verified, batch.verified)
                // A record cut short at the end of the input is read again by the next run
                // (its resume point is its start): it commits only with the file's complete
                // mark, or a kill in between would count it twice.
                let endsCutShort = batch.items.last.map { !$0.span.isComplete } ?? false
                if !endsCutShort, current.counts.records + current.indexed >= options.commitRecords || current.bytes >= options.commitBytes {
                    if current.reached.offset > current.verified, current.bytes >= options.uncheckedBytes {
                        // A member too large to hold uncommitted: its file is checked now,
                        // by a decode of its own.
                        if let damage = try untrusted(&current, failure: nil, path: file.path) {
                            pending = current
                            let again = try rollBack(&pending, plan, upTo: damage)
                            channel.close()
                            return try read(file, again)
                        }
                    }
                    if current.reached.offset <= current.verified { try commit(&current) }
                }
                pending = current
                observer?.progress(current.adding(to: summary), file: file.path, fileBytesDone: batch.offset, fileBytesTotal: total)
            case .finished(let end):
                guard var current = pending else { return }
                // The last records and the 'complete' mark commit together: a kill between
                // them would make the next run read the last record again.
                if !connection.isInTransaction { try connection.begin() }
                if file.isStandardInput {
                    try ledger.complete(id: current.fileID, size: end.bytesRead, sha256: end.sha256)
                } else {
                    try ledger.complete(id: current.fileID)
                }
                try commit(&current)
                pending = nil
                summary.bytes += end.offset - start.offset
                observer?.progress(summary, file: file.path, fileBytesDone: end.offset, fileBytesTotal: total)
                if summary.records == recordsBefore && start.offset == 0 {
                    observer?.note(.noRecords(file.path))
                }
                return
            case .note(let message):
                observer?.note(message)
            case .failed(let error):
                if var current = pending, let damage = try untrusted(&current, failure: error, path: file.path) {
                    let again = try rollBack(&pending, plan, upTo: damage)
                    return try read(file, again)
                }
                // What was read before the failure is kept; the ledger says where to resume,
                // and import_errors where and why reading stopped.
                if var current = pending {
                    if connection.isInTransaction { try commit(&current) }
                    try connection.transaction {
                        try store.recordError(fileID: current.fileID, path: file.path, at: current.reached, message: error.message,
                                              raw: [], now: timestamp())
                    }
                }
                pending = nil
                throw error
            }
        }
    }

    /// Settles how far the records written are known good when some end beyond the
    /// last check the decoder passed: `failure` says where the file is damaged, or a
    /// decode of the whole file does. Returns the damage when records written lie beyond
    /// it (they must be rolled back); nil when every record written may commit.
    private func untrusted(_ current: inout PendingCommit, failure: ReadError?, path: String) throws -> ReadError? {
        guard current.reached.offset > current.verified else { return nil }
        guard let damage = failure?.damage != nil ? failure : try FileDigest.damage(path: path),
              let trusted = damage.damage?.trustedLength
        else {
            current.verified = .max
            return nil
        }
        current.verified = trusted
        return current.reached.offset > trusted ? damage : nil
    }

    /// Rolls back what this read wrote since its last commit (records decoded from a
    /// damaged member among them); returns how to read the file again from there, up
    /// to the damage.
    private func rollBack(_ pending: inout PendingCommit?, _ plan: FileRead, upTo damage: ReadError) throws -> FileRead {
        guard let current = pending, case .file(let path, _, _, _) = plan.input,
              let again = plan.reading(from: current.committed, upTo: damage,
                                       csvHeader: try csvHeader(path: path, format: plan.format, start: current.committed))
        else { throw damage }
        rollBackTransaction()
        pending = nil
        nearIndex?.forgetUncommitted()
        return again
    }

    /// Indexes the pending articles up to the newest with a made CJK entry once the
    /// entries fill their budget, in one chunk (see `MadeCJKEntries`).
    private func indexMadeCJKEntriesIfFull() throws -> Int {
        guard madeCJK.isFull, let after = try index.pendingAfter(), madeCJK.highestID > after else { return 0 }
        return try index.indexPending(limit: Int(madeCJK.highestID - after), made: &madeCJK)
    }

    /// Rolls back the open transaction, and forgets the CJK entries of what it stored.
    private func rollBackTransaction() {
        connection.rollback()
        madeCJK.removeAll()
        nearIndex?.forgetFiledKeys()
    }

    /// The next message from the reader. While none is waiting, the writer is free:
    /// it indexes imported articles for full-text search, so the two threads overlap.
    private func nextMessage(_ channel: BatchChannel<DumpFeed.Message>, pending: inout PendingCommit?) throws -> DumpFeed.Message? {
        while true {
            if let message = channel.tryReceive() { return message }
            guard var current = pending else { return channel.receive() }
            if !connection.isInTransaction { try connection.begin() }
            let indexed = try index.indexPending(limit: options.indexChunk, made: &madeCJK)
            current.indexed += indexed
            pending = current
            if indexed == 0 { return channel.receive() }
        }
    }

    /// What the open transaction holds for one file, counted only once committed.
    private struct PendingCommit {
        let file: DumpFile
        let fileID: Int64
        /// Where this read started: a record there was read before (it may have been
        /// cut short then), so its old errors are forgotten.
        let rereading: InputPosition
        var counts = FileLedger.Counts()
        var bytes: Int64 = 0
        /// Articles indexed for full-text search in this transaction.
        var indexed = 0
        var resume: InputPosition?
        /// Where the records read so far end, committed or not.
        var reached: InputPosition
        /// Where the last commit left the file (where this read started, before one).
        var committed: InputPosition
        /// How far the file's bytes are known good (`DumpFeed.Batch.verified`): records
        /// beyond it are written but wait for the check before they commit.
        var verified: Int64
        /// What to tell the user once committed: warnings and record errors, in order.
        var messages: [String] = []
        var warnings = 0

        /// The running totals as they will be once this commits, for progress lines.
        func adding(to summary: ImportSummary) -> ImportSummary {
            var total = summary
            total.records += counts.records
            total.inserted += counts.inserted
            total.duplicates += counts.duplicates
            total.nearDuplicates += counts.nearDuplicates
            total.errors += counts.errors
            return total
        }
    }

    /// Writes one batch inside the open transaction.
    private func write(_ batch: DumpFeed.Batch, into pending: inout PendingCommit) throws {
        let now = timestamp()
        let path = pending.file.path
        for item in batch.items {
            pending.counts.records += 1
            if pending.rereading.offset > 0, item.span.start == pending.rereading {
                try store.clearErrors(path: path, at: pending.rereading)
            }
            switch item {
            case .article(let article, let signature, let cjkEntry, let span, let warnings, let repairedFrom):
                let articleID: Int64
                switch try store.store(article, fileID: pending.fileID, at: span.start, now: now) {
                case .inserted(let id):
                    articleID = id
                    pending.counts.inserted += 1
                    if let cjkEntry { madeCJK.add(cjkEntry, id: id, fingerprint: article.fingerprint) }
                    if let nearIndex, let signature,
                       try nearIndex.check(id: id, keys: signature.keys, shingles: { Shingles(normalized: article.comparisonBody) }) != .unique {
                        pending.counts.nearDuplicates += 1
                    }
                case .duplicate(let id):
                    articleID = id
                    pending.counts.duplicates += 1
                }
                if let raw = repairedFrom {
                    try store.recordError(fileID: pending.fileID, path: path, at: span.start, message: warnings.joined(separator: "; "),
                                          raw: raw, now: now, article: articleID)
                }
                pending.messages += warnings.map { "\(path):\(span.start.line): \($0)" }
                pending.warnings += warnings.count
            case .rejected(let message, let span, let raw):
                pending.counts.errors += 1
                try store.recordError(fileID: pending.fileID, path: path, at: span.start, message: message, raw: raw, now: now)
                pending.messages.append("\(path):\(span.start.line): \(message)")
            }
            pending.resume = item.span.resumePoint
            pending.reached = item.span.resumePoint
        }
        pending.bytes += batch.bytes
    }

    /// Advances the ledger and commits; only then are the counts and messages real.
    private func commit(_ pending: inout PendingCommit) throws {
        do {
            if let resume = pending.resume { try ledger.advance(id: pending.fileID, to: resume, adding: pending.counts) }
            try nearIndex?.writeKeys()
            holdCounter.reach(.beforeCommit)
            try connection.commit()
        } catch {
            rollBackTransaction()
            throw error
        }
        holdCounter.reach(.afterCommit)
        summary = pending.adding(to: summary)
        summary.warnings += pending.warnings
        for message in pending.messages { observer?.warning(message) }
        pending.counts = FileLedger.Counts()
        pending.messages = []
        pending.warnings = 0
        pending.bytes = 0
        pending.indexed = 0
        if let resume = pending.resume { pending.committed = resume }
        pending.resume = nil
    }
}
