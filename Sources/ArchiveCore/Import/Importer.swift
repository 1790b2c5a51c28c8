import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Imports dumps into an archive. A reader thread (`DumpFeed`) parses each file and
/// prepares articles while this thread writes them to SQLite. Writes are grouped into
/// transactions of many records; each one also advances the file's ledger entry, so an
/// import killed at any point leaves a consistent archive and the next run carries on
/// where the last commit stopped.
public final class Importer {
    public struct Options: Sendable {
        public var format: DumpFormat?
        public var force = false
        /// Check new articles for near duplicates (versions of a story already in).
        /// Off, they are left for `archive dedup`.
        public var nearDuplicates = true
        /// A transaction is committed after this many records or bytes of input,
        /// whichever comes first: large transactions make fewer, larger index segments.
        public var commitRecords = 20_000
        public var commitBytes: Int64 = 64 << 20
        /// Records the reader hands over at a time (memory stays small).
        public var feedRecords = 500
        /// Articles indexed for full-text search at a time while the reader is busy.
        public var indexChunk = 500
        /// Test-only stops (README, "Development"); nil in normal use.
        public var holds: HoldPoints?

        public init(format: DumpFormat? = nil, force: Bool = false, nearDuplicates: Bool = true) {
            self.format = format
            self.force = force
            self.nearDuplicates = nearDuplicates
        }
    }

    private let archive: Archive
    private let options: Options
    private weak var observer: ImportObserver?
    private let ledger: FileLedger
    private let store: ArticleStore
    /// nil when near duplicates are not checked in this run.
    private var nearIndex: NearDuplicateIndex?
    private let index: SearchIndex
    private var summary = ImportSummary()
    private var isPrepared = false
    private var inputBytes: Int64 = 0
    private let holdCounter: HoldPoints.Counter

    public init(archive: Archive, options: Options = Options(), observer: ImportObserver? = nil) throws {
        self.archive = archive
        self.options = options
        self.observer = observer
        self.ledger = FileLedger(connection: archive.connection)
        self.store = try ArticleStore(connection: archive.connection)
        self.index = SearchIndex(connection: archive.connection)
        self.holdCounter = HoldPoints.Counter(options.holds)
    }

    public func run(paths: [String]) throws -> ImportSummary {
        let started = Date()
        let (files, problems) = DumpDiscovery.files(for: paths, format: options.format)
        // About 3 kB an article: enough to size the near-duplicate key filter.
        inputBytes = files.reduce(Int64(0)) { total, file in
            total + ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)??.int64Value ?? 0)
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
        if try isPrepared || index.pendingAfter() != nil { try index.finish() }
        if let nearIndex { try archive.connection.transaction { try nearIndex.saveFilter() } }
        // Leave the write-ahead log empty: the next reader opens the file without first
        // indexing hundreds of megabytes of log. Readers in the way only make it partial.
        if isPrepared { try? archive.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Done once, before the first file that is read: a run that skips every file (a
    /// re-import) touches neither the key filter nor the full-text index.
    private func prepareForReading() throws {
        guard !isPrepared else { return }
        isPrepared = true
        try prepareNearDuplicates(expectedArticles: Int(inputBytes / 3_000))
        try index.holdNewArticles()
    }

    /// Near duplicates are checked during the import only when the whole archive is
    /// checked already; otherwise the pending `archive dedup` run covers these articles
    /// too, in id order, and checking some now would only be redone.
    private func prepareNearDuplicates(expectedArticles: Int) throws {
        var state = try DedupState.load(archive.connection)
        if state.isRunning {
            observer?.note("near-duplicate check pending (from article \(state.nextArticleID)); run `archive dedup` to finish it")
            return
        }
        guard options.nearDuplicates else {
            try archive.connection.transaction {
                state.isRunning = true
                state.nextArticleID = Int64(try archive.connection.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM articles"))
                try state.save(archive.connection)
            }
            observer?.note("near duplicates not checked; run `archive dedup` to check them")
            return
        }
        nearIndex = try NearDuplicateIndex(connection: archive.connection, policy: state.policy, expectedArticles: expectedArticles)
    }

    // MARK: One file

    private func importFile(_ file: DumpFile) throws {
        let now = timestamp()
        var start = InputPosition.start
        var total: Int64?
        var digest: FileDigest?
        var fileIdentity: FileIdentity?
        let input: DumpFeed.Input
        var format = file.format

        if file.isStandardInput {
            input = .standardInput
        } else {
            let identity = try FileIdentity(path: file.path)
            fileIdentity = identity
            let entry = try ledger.entry(path: file.path)
            // Unchanged since its complete import (same size, time and inode): nothing to
            // read, not even to hash.
            if !options.force, let entry, entry.isComplete, entry.identity == identity {
                summary.filesSkipped += 1
                observer?.note("\(file.path): skipped, already imported and unchanged")
                return
            }
            let fileDigest = try FileDigest(path: file.path, prefixSize: entry?.size)
            digest = fileDigest
            total = fileDigest.size
            let copy = try ledger.completeCopy(size: fileDigest.size, sha256: fileDigest.sha256, otherThan: file.path)
            switch ImportPlan.decide(entry: entry, digest: fileDigest, copy: copy, force: options.force) {
            case .skip(let copyOf):
                summary.filesSkipped += 1
                observer?.note(copyOf.map { "\(file.path): skipped, same bytes as \($0), already imported" }
                               ?? "\(file.path): skipped, already imported and unchanged")
                return
            case .read(let from, let reason):
                start = from
                switch reason {
                case .grown: observer?.note("\(file.path): has grown; reading from line \(from.line)")
                case .interrupted: observer?.note("\(file.path): resuming an interrupted import at line \(from.line)")
                case .changed: observer?.note("\(file.path): changed since it was imported; reading it all again")
                case .new, .forced: break
                }
            }
            let known = try format ?? DumpFeed.sniff(try ByteSource(path: file.path))
            format = known
            let header = known == .csv && start.offset > 0 ? try CSVDumpReader.readHeader(source: try ByteSource(path: file.path)) : nil
            input = .file(path: file.path, from: start, csvHeader: header)
        }

        try prepareForReading()
        let feed = DumpFeed(input: input, format: format, nearDuplicates: nearIndex != nil,
                            batchRecords: options.feedRecords, batchBytes: 4 << 20)
        let channel = feed.start()
        // Leaving early (an error) stops the reader thread.
        defer { channel.close() }
        let recordsBefore = summary.records
        var pending: PendingCommit?
        // Whatever is written but not committed is rolled back if this file fails.
        defer { if pending != nil { archive.connection.rollback() } }
        while let message = try nextMessage(channel, pending: &pending) {
            switch message {
            case .format(let read):
                let fileID = try archive.connection.transaction {
                    try ledger.begin(path: file.path, format: read, size: digest?.size ?? 0, sha256: digest?.sha256 ?? [],
                                     identity: fileIdentity, resume: start, now: now)
                }
                pending = PendingCommit(file: file, fileID: fileID, rereading: start)
                summary.files += 1
            case .batch(let batch):
                guard var current = pending else { continue }
                if !archive.connection.isInTransaction { try archive.connection.begin() }
                try write(batch, into: &current)
                // A record cut short at the end of the input is read again by the next run
                // (its resume point is its start): it commits only with the file's complete
                // mark, or a kill in between would count it twice.
                let endsCutShort = batch.items.last.map { !$0.span.isComplete } ?? false
                if !endsCutShort, current.records + current.indexed >= options.commitRecords || current.bytes >= options.commitBytes {
                    try commit(&current)
                }
                pending = current
                observer?.progress(current.adding(to: summary), file: file.path, fileBytesDone: batch.offset, fileBytesTotal: total)
            case .finished(let end):
                guard var current = pending else { return }
                // The last records and the 'complete' mark commit together: a kill between
                // them would make the next run read the last record again.
                if !archive.connection.isInTransaction { try archive.connection.begin() }
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
                    observer?.note("\(file.path): no records found (empty, or only blank lines)")
                }
                return
            case .note(let message):
                observer?.note(message)
            case .failed(let error):
                // What was read before the failure is kept; the ledger says where to resume.
                if var current = pending, archive.connection.isInTransaction { try commit(&current) }
                pending = nil
                throw error
            }
        }
    }

    /// The next message from the reader. While none is waiting, the writer is free:
    /// it indexes imported articles for full-text search, so the two threads overlap.
    private func nextMessage(_ channel: BatchChannel<DumpFeed.Message>, pending: inout PendingCommit?) throws -> DumpFeed.Message? {
        while true {
            if let message = channel.tryReceive() { return message }
            guard var current = pending else { return channel.receive() }
            if !archive.connection.isInTransaction { try archive.connection.begin() }
            let indexed = try index.indexPending(limit: options.indexChunk)
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
        var records = 0
        var bytes: Int64 = 0
        /// Articles indexed for full-text search in this transaction.
        var indexed = 0
        var resume: InputPosition?
        var messages: [String] = []

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
            case .article(let article, let signature, let span, let warnings, let repairedFrom):
                let articleID: Int64
                switch try store.store(article, fileID: pending.fileID, at: span.start, now: now) {
                case .inserted(let id):
                    articleID = id
                    pending.counts.inserted += 1
                    if let nearIndex, let signature,
                       try nearIndex.check(id: id, keys: signature.keys, shingles: signature.shingles) != .unique {
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
            case .rejected(let message, let span, let raw):
                pending.counts.errors += 1
                try store.recordError(fileID: pending.fileID, path: path, at: span.start, message: message, raw: raw, now: now)
                pending.messages.append("\(path):\(span.start.line): \(message)")
            }
            pending.resume = item.span.resumePoint
        }
        pending.records += batch.records
        pending.bytes += batch.bytes
    }

    /// Advances the ledger and commits; only then are the counts and messages real.
    private func commit(_ pending: inout PendingCommit) throws {
        do {
            if let resume = pending.resume { try ledger.advance(id: pending.fileID, to: resume, adding: pending.counts) }
            try nearIndex?.mergeRecentKeys()
            try archive.connection.commit()
        } catch {
            archive.connection.rollback()
            throw error
        }
        holdCounter.reach(.afterCommit)
        summary = pending.adding(to: summary)
        summary.warnings += pending.messages.count - pending.counts.errors
        for message in pending.messages { observer?.warning(message) }
        pending.counts = FileLedger.Counts()
        pending.messages = []
        pending.records = 0
        pending.bytes = 0
        pending.indexed = 0
        pending.resume = nil
    }
}
