/// Reads the text dump format (see README, "Text dumps").
///
/// A record starts at a header line: the first line read, a line repeated on the next
/// line, or a line followed (after blank lines) by `Release time:`. The repeat is
/// dropped; a `Release time:` line right after the header gives the date; the
/// remaining non-blank lines are the body's paragraphs, joined by blank lines.
public struct TextDumpReader: DumpReader {
    private var lines: LineReader
    /// Non-blank lines read ahead, so a line can be judged by the one after it.
    private var lookahead: [TextLine] = []
    private var pendingProblems: [DumpProblem] = []
    private var current: RecordBuilder?
    private var reachedEnd = false

    public init(lines: LineReader) {
        self.lines = lines
    }

    public mutating func next() throws -> DumpEvent? {
        while true {
            if !pendingProblems.isEmpty { return .problem(pendingProblems.removeFirst()) }
            guard let line = try takeLine() else {
                guard let record = current else { return nil }
                current = nil
                return record.finish(end: lines.nextPosition, isComplete: false)
            }
            let following = try peekLine()
            guard var record = current else {
                current = try startRecord(with: line)
                continue
            }
            if Self.isHeader(line, followedBy: following) {
                current = try startRecord(with: line)
                return record.finish(end: line.start, isComplete: true)
            }
            if record.paragraphs.isEmpty, record.published == nil, let date = Self.releaseTime(line.text) {
                record.add(date: date, line: line)
            } else {
                record.add(paragraph: line)
            }
            current = record
        }
    }

    static func isHeader(_ line: TextLine, followedBy next: TextLine?) -> Bool {
        guard let next else { return false }
        return (next.text == line.text && next.blankLinesBefore == 0) || releaseTime(next.text) != nil
    }

    /// The labels of the date line: English dumps write `Release time:`, Chinese ones
    /// `发布时间：`.
    static let releaseTimeLabels = ["release time", "发布时间"]

    /// The value of a date line (`Release time:` in any case, or `发布时间`, with an
    /// ASCII or full-width colon). Asked of every line, so most lines are turned away by
    /// their first letter.
    static func releaseTime(_ text: String) -> String? {
        guard let first = text.unicodeScalars.first, first == "r" || first == "R" || first == "发" else { return nil }
        guard let label = releaseTimeLabels.first(where: {
            text.utf8.count > $0.utf8.count && text.prefix($0.count).lowercased() == $0
        }) else { return nil }
        let rest = text.dropFirst(label.count).drop { $0 == " " }
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        return rest.dropFirst().trimmingWhitespace
    }

    private mutating func startRecord(with header: TextLine) throws -> RecordBuilder {
        // Drop the header's repeats on the lines right after it.
        while let next = try peekLine(), next.text == header.text, next.blankLinesBefore == 0 {
            _ = try takeLine()
        }
        return RecordBuilder(header: header)
    }

    private mutating func takeLine() throws -> TextLine? {
        if lookahead.isEmpty { try readAhead() }
        return lookahead.isEmpty ? nil : lookahead.removeFirst()
    }

    private mutating func peekLine() throws -> TextLine? {
        if lookahead.isEmpty { try readAhead() }
        return lookahead.first
    }

    /// Reads the next non-blank line into the lookahead, counting the blanks before it.
    private mutating func readAhead() throws {
        var blanks = 0
        while !reachedEnd {
            let line: Line?
            do {
                line = try lines.next()
            } catch let tooLong as LineTooLong {
                pendingProblems.append(tooLong.problem(resume: lines.nextPosition))
                continue
            }
            guard let line else {
                reachedEnd = true
                return
            }
            if line.isBlank {
                blanks += 1
                continue
            }
            lookahead.append(TextLine(line: line, blankLinesBefore: blanks))
            return
        }
    }
}

/// A non-blank line with trailing white space removed.
struct TextLine {
    let text: String
    let start: InputPosition
    let isValidUTF8: Bool
    let blankLinesBefore: Int
    /// The bytes as read, kept (shared, not copied) in case the record must be stored raw.
    let raw: [UInt8]

    init(line: Line, blankLinesBefore: Int) {
        var text = line.text
        while let last = text.last, last.isWhitespace { text.removeLast() }
        self.text = text
        self.start = line.start
        self.isValidUTF8 = line.isValidUTF8
        self.blankLinesBefore = blankLinesBefore
        self.raw = line.bytes
    }
}

/// The record being read: its header, date and paragraphs so far.
private struct RecordBuilder {
    let header: TextLine
    var published: String?
    var paragraphs: [String] = []
    var invalidLines: [Int] = []
    var rawLines: [[UInt8]]

    init(header: TextLine) {
        self.header = header
        self.rawLines = [header.raw]
        if !header.isValidUTF8 { invalidLines.append(header.start.line) }
    }

    mutating func add(paragraph line: TextLine) {
        paragraphs.append(line.text.trimmingWhitespace)
        rawLines.append(line.raw)
        if !line.isValidUTF8 { invalidLines.append(line.start.line) }
    }

    mutating func add(date: String, line: TextLine) {
        published = date
        rawLines.append(line.raw)
    }

    func finish(end: InputPosition, isComplete: Bool) -> DumpEvent {
        let span = RecordSpan(start: header.start, end: end, isComplete: isComplete)
        let parsed = HeaderLine.parse(header.text.trimmingWhitespace)
        var record = DumpRecord(
            title: parsed.title, body: paragraphs.joined(separator: "\n\n"), tags: parsed.tags,
            published: published, header: header.text, span: span)
        if !invalidLines.isEmpty {
            let list = invalidLines.prefix(5).map(String.init).joined(separator: ", ")
            record.warnings.append("invalid UTF-8 on line \(list)\(invalidLines.count > 5 ? "…" : ""), replaced by U+FFFD")
        }
        // The lines as read (blank lines between them), for a record that is stored
        // repaired or refused: nothing the dump held is lost.
        if !invalidLines.isEmpty || paragraphs.isEmpty {
            record.raw = Array(rawLines.joined(separator: [0x0A, 0x0A]))
        }
        return .record(record)
    }
}
