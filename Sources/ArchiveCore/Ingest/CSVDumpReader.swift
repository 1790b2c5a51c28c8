/// The columns of a CSV dump, read from its header row.
public struct CSVHeader: Sendable, Equatable {
    /// For each column, the field it fills (nil: ignored).
    let fields: [RecordField?]
    public let names: [String]

    init(names: [String]) throws(CSVHeaderError) {
        var best: [RecordField: Int] = [:]
        var fields: [RecordField?] = []
        for name in names {
            guard let (field, rank) = RecordField.lookup(name.trimmingWhitespace) else {
                fields.append(nil)
                continue
            }
            // A better-ranked name of the same field (body over text) takes it.
            if let previous = best[field], previous <= rank {
                fields.append(nil)
                continue
            }
            if best[field] != nil, let index = fields.firstIndex(of: field) { fields[index] = nil }
            best[field] = rank
            fields.append(field)
        }
        guard best[.title] != nil else { throw CSVHeaderError(message: "the header row has no title column") }
        guard best[.body] != nil else { throw CSVHeaderError(message: "the header row has no body (or text, content) column") }
        self.fields = fields
        self.names = names
    }
}

struct CSVHeaderError: Error { let message: String }

/// Reads CSV (RFC 4180) with a header row naming the same fields as JSON Lines; the
/// CSV that `archive export` writes reads back without loss. A quoted field may hold
/// line breaks; a quote left open is reported at the line where it opened, and reading
/// goes on from the next line.
public struct CSVDumpReader: DumpReader {
    private var lines: LineReader
    private var header: CSVHeader?
    /// Lines read while looking for the end of an unbalanced quote, to be read again.
    private var replay: [Line] = []
    private var failed = false
    /// A quoted field longer than this is taken for an unbalanced quote.
    static let maximumRecordBytes = 32 << 20

    public init(lines: LineReader, header: CSVHeader? = nil) {
        self.lines = lines
        self.header = header
    }

    /// Reads the header row at the start of `source`, for resuming in the middle of a file.
    public static func readHeader(source: ByteSource) throws -> CSVHeader? {
        var reader = CSVDumpReader(lines: LineReader(source: source))
        guard case .fields(let names, _, _) = try reader.nextFields() else { return nil }
        return try? CSVHeader(names: names)
    }

    public mutating func next() throws -> DumpEvent? {
        while !failed {
            guard let row = try nextFields() else { return nil }
            let fields: [String], span: RecordSpan, raw: [UInt8]
            switch row {
            case .problem(let problem):
                return .problem(problem)
            case .fields(let f, let s, let r):
                (fields, span, raw) = (f, s, r)
            }
            guard let header else {
                do {
                    header = try CSVHeader(names: fields)
                } catch {
                    failed = true
                    return .problem(DumpProblem(message: "\(error.message); not a dump this tool can read", span: span, raw: raw))
                }
                continue
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count == header.fields.count else {
                return .problem(DumpProblem(
                    message: "expected \(header.fields.count) fields as in the header row, found \(fields.count)",
                    span: span, raw: raw))
            }
            var record = DumpRecord(span: span)
            record.raw = raw
            for (value, field) in zip(fields, header.fields) where !value.isEmpty {
                field?.assign(value, to: &record)
            }
            if String(validating: raw, as: UTF8.self) == nil {
                record.warnings.append("invalid UTF-8 replaced by U+FFFD")
            }
            return .record(record)
        }
        return nil
    }

    enum Row {
        case fields([String], RecordSpan, raw: [UInt8])
        case problem(DumpProblem)
    }

    private mutating func nextLine() throws -> Line? {
        if !replay.isEmpty { return replay.removeFirst() }
        return try lines.next()
    }

    /// The next record's fields, joining lines while a quoted field is open.
    mutating func nextFields() throws -> Row? {
        let first: Line
        do {
            guard let line = try nextLine() else { return nil }
            first = line
        } catch let tooLong as LineTooLong {
            return .problem(tooLong.problem(resume: lines.nextPosition))
        }
        var raw = first.utf8Bytes
        var consumed: [Line] = [first]
        var last = first
        var quotes = raw.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
        while quotes % 2 == 1 {
            let next: Line?
            do { next = try nextLine() } catch is LineTooLong { next = nil }
            guard let next, raw.count <= Self.maximumRecordBytes else {
                // The quote never closes: report the opening line, read the rest again.
                replay = Array(consumed.dropFirst()) + replay
                let span = RecordSpan(start: first.start, end: first.end, isComplete: first.isTerminated)
                return .problem(DumpProblem(message: "a quoted field opened on line \(first.start.line) is never closed", span: span, raw: first.bytes))
            }
            raw.append(0x0A)
            let bytes = next.utf8Bytes
            raw.append(contentsOf: bytes)
            quotes += bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
            consumed.append(next)
            last = next
        }
        let span = RecordSpan(start: first.start, end: last.end, isComplete: last.isTerminated)
        return .fields(Self.split(raw), span, raw: raw)
    }

    /// Splits one balanced record into fields, undoing RFC 4180 quoting. Text after a
    /// closing quote is kept (lenient, as spreadsheets are).
    static func split(_ bytes: [UInt8]) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                inQuotes = true
            } else {
                field.append(byte)
            }
            index += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}
