import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The reading half of an import: on its own thread it reads a dump, turns records into
/// articles (cleaned, fingerprinted, shingled) and hands them over in batches. It never
/// touches the database.
struct DumpFeed: Sendable {
    enum Input: Sendable {
        /// A compressed file is decoded once, as its records are read; each batch says
        /// how far its checks have passed (`Batch.verified`). `damage`: found by an
        /// earlier read, which this one stops short of.
        case file(path: String, from: InputPosition, csvHeader: CSVHeader?, damage: ReadError? = nil)
        case standardInput
        /// A member of a bundle, opened on the reader thread by `open`, read from its
        /// start up to `from` (its format, encoding and CSV header are judged there).
        case stream(name: String, from: InputPosition, open: @Sendable () throws(ReadError) -> ByteStream)
    }

    let input: Input
    /// nil: decided by looking at the first bytes.
    let format: DumpFormat?
    let nearDuplicates: Bool
    let batchRecords: Int
    let batchBytes: Int64
    /// Which members or columns hold which field (`--map`), and `--title-from-body`.
    var fields = FieldRules()

    enum Message: Sendable {
        /// Always first: the format the dump is read as, and how it was compressed.
        case format(DumpFormat, Compression?)
        /// Something the user should know about the whole file.
        case note(ImportNote)
        case batch(Batch)
        /// Always last when nothing failed.
        case finished(End)
        case failed(ReadError)
    }

    struct End: Sendable {
        /// Where reading stopped (the end of the input).
        var offset: Int64
        var bytesRead: Int64
        /// For standard input, hashed as it was read.
        var sha256: [UInt8]?
    }

    /// Starts reading on a new thread; the messages arrive on the returned channel, which
    /// the receiver closes to stop the reader early.
    func start() -> BatchChannel<Message> {
        let channel = BatchChannel<Message>(capacity: 3)
        let feed = self
        let thread = Thread {
            feed.run(into: channel)
            channel.close()
        }
        thread.name = "archive dump reader"
        thread.start()
        return channel
    }

    private func run(into channel: BatchChannel<Message>) {
        // Records read before a failure are handed over before it is.
        var batch = Batch()
        do {
            let source: ByteSource
            var line = 1
            var header: CSVHeader?
            switch input {
            case .file(let path, let from, let csvHeader, let damage):
                source = try ByteSource(path: path, offset: from.offset, damage: damage)
                line = from.line
                header = csvHeader
            case .standardInput:
                source = try ByteSource(descriptor: STDIN_FILENO, name: "-")
            case .stream(let name, let from, let open):
                source = ByteSource(stream: try open(), name: name)
                line = from.line
            }
            // Judged from the start of the file, wherever reading resumes, so a resumed
            // import reads the rest exactly as an uninterrupted one would.
            let sample: ByteSource
            if case .file(let path, let from, _, _) = input, from.offset > 0 {
                sample = try ByteSource(path: path)
            } else {
                sample = source
            }
            try sample.fillSample(TextEncoding.sampleSize)
            if case .standardInput = input, sample.withUnread({ Self.startsBundle($0) }) {
                throw ReadError(path: inputName, reason: "a zip or tar bundle cannot be read from standard input; give its path")
            }
            let encoding: TextEncoding
            switch sample.withUnread({ TextEncoding.detect($0) }) {
            case .success(let detected): encoding = detected
            case .failure(let refusal): throw ReadError(path: inputName, reason: refusal.reason)
            }
            let format = try self.format ?? Self.sniff(source)
            if case .stream(_, let from, _) = input, from.offset > 0 {
                if format == .csv { header = try CSVDumpReader.readHeader(source: source) }
                try source.advance(to: from.offset)
            }
            // Opened before the ledger hears of the file: a CSV header without the
            // columns an article needs refuses the file as a whole.
            var reader = try format.reader(source: source, line: line, header: header, encoding: encoding, fields: fields)
            guard channel.send(.format(format, source.compression)) else { return }
            if encoding == .latin1, !channel.send(.note(.readAsLatin1(inputName))) { return }
            let futureAfter = Article.tomorrow()
            while let event = try reader.next() {
                batch.add(Self.prepare(event, nearDuplicates: nearDuplicates, futureAfter: futureAfter, titleFromBody: fields.titleFromBody))
                batch.offset = source.offset
                batch.verified = source.verifiedOffset
                if batch.records >= batchRecords || batch.bytes >= batchBytes {
                    guard channel.send(.batch(batch)) else { return }
                    batch = Batch()
                }
            }
            batch.offset = source.offset
            batch.verified = source.verifiedOffset
            if batch.records > 0, !channel.send(.batch(batch)) { return }
            channel.send(.finished(End(offset: source.offset, bytesRead: source.bytesRead, sha256: source.sha256)))
        } catch let error as ReadError {
            if batch.records > 0, !channel.send(.batch(batch)) { return }
            channel.send(.failed(error))
        } catch {
            channel.send(.failed(ReadError(path: inputName, errno: EIO)))
        }
    }

    private var inputName: String {
        switch input {
        case .file(let path, _, _, _): return path
        case .stream(let name, _, _): return name
        case .standardInput: return "-"
        }
    }

    /// A zip's signature or a tar header.
    static func startsBundle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || TarReader.isTar(Array(bytes.prefix(512)))
    }

    /// Decides the format of input that has no telling name by its first bytes.
    static func sniff(_ source: ByteSource) throws -> DumpFormat {
        try source.fillSample(4096)
        return source.withUnread { DumpFormat(sniffing: $0) }
    }

    // MARK: Records into articles

    /// A record turned into what the store needs.
    enum Prepared: Sendable {
        /// `repairedFrom`: the record's bytes when it was imported only after a repair
        /// (invalid UTF-8), to be kept. `cjk`: the article's entry in the CJK index, if
        /// its text needs one.
        case article(Article, NearSignature?, cjk: CJKEntry?, RecordSpan, warnings: [String], repairedFrom: [UInt8]?)
        case rejected(message: String, RecordSpan, raw: [UInt8])

        var span: RecordSpan {
            switch self {
            case .article(_, _, _, let span, _, _), .rejected(_, let span, _): return span
            }
        }
    }

    /// What near-duplicate detection needs of an article, computed with the parsing: its
    /// candidate keys. Its shingles stay on the reading thread (the writer makes them
    /// again from the text for the few articles that have candidates).
    struct NearSignature: Sendable {
        let keys: CandidateKeys
    }

    struct Batch: Sendable {
        var items: [Prepared] = []
        var records = 0
        var bytes: Int64 = 0
        /// How far the input had been read when the batch was cut, for progress.
        var offset: Int64 = 0
        /// How far the input was known good when the batch was cut
        /// (`ByteSource.verifiedOffset`): records ending beyond it must not commit yet.
        var verified: Int64 = .max

        mutating func add(_ item: Prepared) {
            items.append(item)
            records += 1
            bytes += item.span.end.offset - item.span.start.offset
        }
    }

    static func prepare(_ event: DumpEvent, nearDuplicates: Bool, futureAfter: String, titleFromBody: Bool = false) -> Prepared {
        switch event {
        case .problem(let problem):
            return .rejected(message: problem.message, problem.span, raw: problem.raw)
        case .record(let record):
            var warnings = record.warnings
            do {
                let article = try Article(record: record, warnings: &warnings, futureAfter: futureAfter, titleFromBody: titleFromBody)
                var signature: NearSignature?
                if nearDuplicates {
                    signature = NearSignature(keys: CandidateKeys(Shingles(normalized: article.comparisonBody)))
                }
                let repaired = record.warnings.isEmpty && !article.repaired ? nil : record.rawBytes
                return .article(article, signature, cjk: CJKEntry(article), record.span, warnings: warnings, repairedFrom: repaired)
            } catch {
                return .rejected(message: error.message, record.span, raw: record.rawBytes)
            }
        }
    }
}
