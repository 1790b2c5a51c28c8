/// One article as a dump gives it, before validation and normalization.
public struct DumpRecord: Sendable, Equatable {
    public var title: String?
    public var body: String?
    public var tags: [String] = []
    /// The date as written in the dump.
    public var published: String?
    /// CSV written by `archive export`: the date as the original dump wrote it, when
    /// `published` holds the ISO form.
    public var publishedRaw: String?
    public var url: String?
    public var source: String?
    /// Who wrote it (JSON Lines and CSV; text dumps name no author).
    public var authors: [String] = []
    /// Text dumps: the header line before it was split into title and tags.
    public var header: String?
    public var span: RecordSpan
    /// Things worth telling the user that did not stop the import (invalid UTF-8...).
    public var warnings: [String] = []
    /// The record's bytes, where the reader has them at hand (JSON Lines, CSV).
    public var raw: [UInt8]?

    public init(title: String? = nil, body: String? = nil, tags: [String] = [], published: String? = nil,
                url: String? = nil, source: String? = nil, header: String? = nil, span: RecordSpan) {
        self.title = title
        self.body = body
        self.tags = tags
        self.published = published
        self.url = url
        self.source = source
        self.header = header
        self.span = span
    }

    /// The record as the dump had it, for `import_errors` when it cannot be stored:
    /// its bytes, or for text dumps its lines put back together.
    public var rawBytes: [UInt8] {
        raw ?? Array([header ?? title, published.map { "Release time:\($0)" }, body].compactMap { $0 }.joined(separator: "\n\n").utf8)
    }
}

/// Where a record lies in its dump.
public struct RecordSpan: Sendable, Equatable {
    public var start: InputPosition
    /// Where reading continues after the record.
    public var end: InputPosition
    /// False when the input ended inside the record: it may go on if the file grows.
    public var isComplete: Bool

    public init(start: InputPosition, end: InputPosition, isComplete: Bool) {
        self.start = start
        self.end = end
        self.isComplete = isComplete
    }

    /// Where to read from to see everything after this record again, including the
    /// record itself when it may not be finished.
    public var resumePoint: InputPosition { isComplete ? end : start }
}

/// A record that cannot become an article, with its bytes so that nothing is lost.
public struct DumpProblem: Error, Sendable, Equatable {
    public var message: String
    public var span: RecordSpan
    public var raw: [UInt8]

    public init(message: String, span: RecordSpan, raw: [UInt8]) {
        self.message = message
        self.span = span
        self.raw = raw
    }
}

public enum DumpEvent: Sendable, Equatable {
    case record(DumpRecord)
    case problem(DumpProblem)

    public var span: RecordSpan {
        switch self {
        case .record(let record): return record.span
        case .problem(let problem): return problem.span
        }
    }
}

/// Reads one dump as a stream of records, never holding more than a record in memory.
public protocol DumpReader {
    /// The next record or problem, nil at the end. Throws only when the input itself
    /// cannot be read any further (an I/O error).
    mutating func next() throws -> DumpEvent?
}
