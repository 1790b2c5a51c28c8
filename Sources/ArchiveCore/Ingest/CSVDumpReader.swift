/// The names in a CSV dump's header row, as read. Which field each column fills is
/// decided when the dump is read (`CSVColumns`), with that import's field rules.
public struct CSVHeader: Sendable, Equatable {
    public let names: [String]

    public init(names: [String]) {
        self.names = names
    }
}

/// Which field each column of a CSV dump fills: the header row read with the names
/// `RecordField` knows, or those `--map` gives. A header without what an article needs
/// refuses the whole file.
struct CSVColumns {
    /// For each column, the field it fills (nil: ignored).
    let fields: [RecordField?]
    /// The column names, trimmed.
    let names: [String]

    init(_ header: CSVHeader, rules: FieldRules) throws(CSVHeaderError) {
        names = header.names.map(\.trimmingWhitespace)
        // The best-ranked name of each field takes it (body over text); on a tie, the
        // first column.
        var best: [RecordField: (rank: Int, column: Int)] = [:]
        for (column, name) in names.enumerated() {
            guard let (field, rank) = rules.field(named: name) else { continue }
            if let previous = best[field], previous.rank <= rank { continue }
            best[field] = (rank, column)
        }
        var fields = [RecordField?](repeating: nil, count: names.count)
        for (field, chosen) in best { fields[chosen.column] = field }
        self.fields = fields

        let missing = RecordField.mappable.compactMap { field in
            rules.mapped[field].flatMap { best[field] == nil ? "no column \"\($0)\" (--map \(field.rawValue)=\($0))" : nil }
        }
        guard missing.isEmpty else { throw CSVHeaderError(message: "the header row has " + missing.joined(separator: ", ")) }
        let titles = Self.list(RecordField.names(of: .title)), bodies = Self.list(RecordField.names(of: .body))
        switch (best[.title] != nil || rules.titleFromBody, best[.body] != nil) {
        case (true, true):
            return
        case (false, false):
            throw CSVHeaderError(message: "the header row has no title column (\(titles)) and no body column (\(bodies)); "
                                 + "name them with --map title=COLUMN --map body=COLUMN")
        case (true, false):
            throw CSVHeaderError(message: "the header row has no body column (\(bodies)); name it with --map body=COLUMN")
        case (false, true):
            throw CSVHeaderError(message: "the header row has no title column (\(titles)); --title-from-body takes each "
                                 + "title from the body's first sentence, or name the column with --map title=COLUMN")
        }
    }

    /// `a, b or c`.
    private static func list(_ names: [String]) -> String {
        names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
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
    private var columns: CSVColumns?
    private let fields: FieldRules
    /// A problem met in the first row when the dump was opened, reported first.
    private var pending: DumpProblem?
    /// Lines read while looking for the end of an unbalanced quote, to be read again.
    private var replay: [Line] = []
    private var failed = false
    /// A quoted field longer than this is taken for an unbalanced quote.
    static let maximumRecordBytes = 32 << 20

    /// A reader that reads the header row (unless given) with the first record.
    public init(lines: LineReader, header: CSVHeader? = nil, fields: FieldRules = FieldRules()) {
        self.lines = lines
        self.header = header
        self.fields = fields
    }

    /// Opens a dump for import: its header row (or `header`, for a dump read from the
    /// middle) is read now, so that a header without the columns an article needs
    /// refuses the whole file, as a `ReadError`, before any record is read or the
    /// import's ledger hears of it: the same file is then read in full once the command
    /// line names the columns.
    public static func open(lines: LineReader, header: CSVHeader? = nil, fields: FieldRules = FieldRules()) throws -> CSVDumpReader {
        var reader = CSVDumpReader(lines: lines, header: header, fields: fields)
        if reader.header == nil {
            switch try reader.nextFields() {
            case nil: return reader
            // The next row is taken for the header, and judged when it is read.
            case .problem(let problem): reader.pending = problem; return reader
            case .fields(let names, _, _): reader.header = CSVHeader(names: names)
            }
        }
        try reader.resolveColumns()
        return reader
    }

    private mutating func resolveColumns() throws(ReadError) {
        guard let header else { return }
        do {
            columns = try CSVColumns(header, rules: fields)
        } catch {
            failed = true
            throw ReadError(path: lines.name, reason: error.message)
        }
    }

    /// Reads the header row at the start of `source`, for resuming in the middle of a file.
    public static func readHeader(source: ByteSource) throws -> CSVHeader? {
        var reader = CSVDumpReader(lines: LineReader(source: source))
        guard case .fields(let names, _, _) = try reader.nextFields() else { return nil }
        return CSVHeader(names: names)
    }

    public mutating func next() throws -> DumpEvent? {
        if let problem = pending {
            pending = nil
            return .problem(problem)
        }
        if columns == nil, header != nil, !failed { try resolveColumns() }
        while !failed {
            guard let row = try nextFields() else { return nil }
            let fields: [String], span: RecordSpan, raw: [UInt8]
            switch row {
            case .problem(let problem):
                return .problem(problem)
            case .fields(let f, let s, let r):
                (fields, span, raw) = (f, s, r)
            }
            guard let columns else {
                do {
                    header = CSVHeader(names: fields)
                    columns = try CSVColumns(CSVHeader(names: fields), rules: self.fields)
                } catch {
                    failed = true
                    return .problem(DumpProblem(message: "\(error.message); not a dump this tool can read", span: span, raw: raw))
                }
                continue
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count == columns.fields.count else {
                return .problem(DumpProblem(
                    message: "expected \(columns.fields.count) fields as in the header row, found \(fields.count)",
                    span: span, raw: raw))
            }
            var record = DumpRecord(span: span)
            record.raw = raw
            for (column, value) in fields.enumerated() where !value.isEmpty {
                columns.fields[column]?.assign(value, from: columns.names[column], to: &record)
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
