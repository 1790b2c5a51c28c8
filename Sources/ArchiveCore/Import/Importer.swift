import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Imports dumps into an archive: reads each file as a stream, turns records into
/// articles, and stores them in batches. Each batch is one transaction that also
/// advances the file's ledger entry, so an import killed at any point leaves a
/// consistent archive and the next run carries on where the last commit stopped.
public final class Importer {
    public struct Options: Sendable {
        public var format: DumpFormat?
        public var force = false
        /// A batch is committed after this many records or bytes of input, whichever first.
        public var batchRecords = 5_000
        public var batchBytes: Int64 = 16 << 20
        /// Check new articles for near duplicates (versions of a story already in).
        /// Off, they are left for `archive dedup`.
        public var nearDuplicates = true

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
    private var summary = ImportSummary()

    public init(archive: Archive, options: Options = Options(), observer: ImportObserver? = nil) throws {
        self.archive = archive
        self.options = options
        self.observer = observer
        self.ledger = FileLedger(connection: archive.connection)
        self.store = try ArticleStore(connection: archive.connection)
    }

    public func run(paths: [String]) throws -> ImportSummary {
        let started = Date()
        try prepareNearDuplicates()
        let (files, problems) = DumpDiscovery.files(for: paths, format: options.format)
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
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Near duplicates are checked during the import only when the whole archive is
    /// checked already; otherwise the pending `archive dedup` run covers these articles
    /// too, in id order, and checking some now would only be redone.
    private func prepareNearDuplicates() throws {
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
        nearIndex = try NearDuplicateIndex(connection: archive.connection, policy: state.policy)
    }

    // MARK: One file

    private func importFile(_ file: DumpFile) throws {
        let now = timestamp()
        let source: ByteSource
        let format: DumpFormat
        let fileID: Int64
        var start = InputPosition.start
        var csvHeader: CSVHeader?
        var total: Int64?

        if file.isStandardInput {
            source = ByteSource(descriptor: STDIN_FILENO, name: "-")
            format = try file.format ?? Self.sniff(source)
            fileID = try archive.connection.transaction {
                try ledger.begin(path: "-", format: format, size: 0, sha256: [], resume: .start, now: now)
            }
        } else {
            try Self.checkRegularFile(file.path)
            let entry = try ledger.entry(path: file.path)
            let digest = try FileDigest(path: file.path, prefixSize: entry?.size)
            total = digest.size
            let copy = try ledger.completeCopy(size: digest.size, sha256: digest.sha256, otherThan: file.path)
            let plan = ImportPlan.decide(entry: entry, digest: digest, copy: copy, force: options.force)
            switch plan {
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
            let probe = try ByteSource(path: file.path)
            format = try file.format ?? Self.sniff(probe)
            if format == .csv && start.offset > 0 {
                csvHeader = try CSVDumpReader.readHeader(source: try ByteSource(path: file.path))
            }
            source = try ByteSource(path: file.path, offset: start.offset)
            fileID = try archive.connection.transaction {
                try ledger.begin(path: file.path, format: format, size: digest.size, sha256: digest.sha256, resume: start, now: now)
            }
        }

        summary.files += 1
        var reader = format.reader(source: source, line: start.line, header: csvHeader)
        var batch = Batch()
        var lastProgress = Date.distantPast
        let near = nearIndex != nil
        while let event = try reader.next() {
            batch.add(Self.prepare(event, nearDuplicates: near))
            if batch.records >= options.batchRecords || batch.bytes >= options.batchBytes {
                try commit(&batch, file: file, fileID: fileID, rereading: start)
            }
            if batch.records % 256 == 0, Date().timeIntervalSince(lastProgress) > 0.2 {
                lastProgress = Date()
                observer?.progress(summary, file: file.path, fileBytesDone: source.offset, fileBytesTotal: total)
            }
        }
        try commit(&batch, file: file, fileID: fileID, rereading: start)
        try archive.connection.transaction {
            if file.isStandardInput {
                try ledger.complete(id: fileID, size: source.bytesRead, sha256: source.sha256)
            } else {
                try ledger.complete(id: fileID)
            }
        }
        summary.bytes += source.offset - start.offset
        observer?.progress(summary, file: file.path, fileBytesDone: source.offset, fileBytesTotal: total)
    }

    /// A record turned into what the store needs, outside any transaction.
    enum Prepared {
        case article(Article, NearSignature?, RecordSpan, warnings: [String])
        case rejected(message: String, RecordSpan, raw: [UInt8])

        var span: RecordSpan {
            switch self {
            case .article(_, _, let span, _), .rejected(_, let span, _): return span
            }
        }
    }

    /// What near-duplicate detection needs of an article, computed with the parsing.
    struct NearSignature {
        let shingles: Shingles
        let keys: CandidateKeys
    }

    static func prepare(_ event: DumpEvent, nearDuplicates: Bool) -> Prepared {
        switch event {
        case .problem(let problem):
            return .rejected(message: problem.message, problem.span, raw: problem.raw)
        case .record(let record):
            var warnings = record.warnings
            do {
                let article = try Article(record: record, warnings: &warnings)
                var signature: NearSignature?
                if nearDuplicates {
                    let shingles = Shingles(normalized: article.comparisonBody)
                    signature = NearSignature(shingles: shingles, keys: CandidateKeys(shingles))
                }
                return .article(article, signature, record.span, warnings: warnings)
            } catch {
                return .rejected(message: error.message, record.span, raw: record.rawBytes)
            }
        }
    }

    struct Batch {

        var items: [Prepared] = []
        var records = 0
        var bytes: Int64 = 0

        mutating func add(_ item: Prepared) {
            items.append(item)
            records += 1
            bytes += item.span.end.offset - item.span.start.offset
        }
    }

    /// Commits a batch. `rereading` is where this read started: a record there was read
    /// before (it may have been cut short then), so its old errors are forgotten.
    private func commit(_ batch: inout Batch, file: DumpFile, fileID: Int64, rereading: InputPosition) throws {
        guard !batch.items.isEmpty else { return }
        let now = timestamp()
        var counts = FileLedger.Counts()
        var messages: [String] = []
        try archive.connection.transaction {
            var resume: InputPosition?
            for item in batch.items {
                counts.records += 1
                if rereading.offset > 0, item.span.start == rereading {
                    try store.clearErrors(path: file.path, at: rereading)
                }
                switch item {
                case .article(let article, let signature, let span, let warnings):
                    switch try store.store(article, fileID: fileID, at: span.start, now: now) {
                    case .inserted(let id):
                        counts.inserted += 1
                        if let nearIndex, let signature,
                           try nearIndex.check(id: id, keys: signature.keys, shingles: signature.shingles) != .unique {
                            counts.nearDuplicates += 1
                        }
                    case .duplicate:
                        counts.duplicates += 1
                    }
                    messages += warnings.map { "\(file.path):\(span.start.line): \($0)" }
                    resume = span.resumePoint
                case .rejected(let message, let span, let raw):
                    counts.errors += 1
                    try store.recordError(fileID: fileID, path: file.path, at: span.start, message: message, raw: raw, now: now)
                    messages.append("\(file.path):\(span.start.line): \(message)")
                    resume = span.resumePoint
                }
            }
            if let resume { try ledger.advance(id: fileID, to: resume, adding: counts) }
        }
        summary.records += counts.records
        summary.inserted += counts.inserted
        summary.duplicates += counts.duplicates
        summary.nearDuplicates += counts.nearDuplicates
        summary.errors += counts.errors
        summary.warnings += messages.count - counts.errors
        for message in messages { observer?.warning(message) }
        batch = Batch()
    }

    // MARK: Checks

    private static func checkRegularFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(path: path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ReadError(path: path, errno: EISDIR) }
    }

    /// Decides the format of input that has no telling name by its first bytes.
    private static func sniff(_ source: ByteSource) throws -> DumpFormat {
        try source.fill(atLeast: 4096)
        return source.withUnread { DumpFormat(sniffing: $0) }
    }
}
