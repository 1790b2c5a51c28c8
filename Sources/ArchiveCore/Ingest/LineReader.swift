/// One line of a dump as read: its bytes without the terminator, and where it lies.
public struct Line {
    public var bytes: [UInt8]
    public var start: InputPosition
    /// The position just after the line's terminator: where the next line starts.
    public var end: InputPosition
    /// False for a last line that the input ended without terminating.
    public var isTerminated: Bool
    public var encoding: TextEncoding = .utf8

    /// The line's bytes as UTF-8 (the same bytes unless the dump is Latin-1).
    public var utf8Bytes: [UInt8] { encoding.utf8(bytes) }

    /// The line as text; invalid UTF-8 becomes U+FFFD (the caller is told by `isValidUTF8`).
    public var text: String { String(decoding: utf8Bytes, as: UTF8.self) }

    public var isValidUTF8: Bool { encoding != .utf8 || String(validating: bytes, as: UTF8.self) != nil }

    /// True when the line holds only spaces and tabs (or nothing).
    public var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// Splits a byte stream into lines ending in LF, CRLF or a lone CR, dropping a UTF-8
/// byte order mark at the start of the file.
public struct LineReader {
    public let source: ByteSource
    private var position: InputPosition
    /// Lines longer than this are cut and reported rather than held in memory.
    public let maximumLength: Int
    public let encoding: TextEncoding

    public init(source: ByteSource, line: Int = 1, encoding: TextEncoding = .utf8, maximumLength: Int = 64 << 20) {
        self.source = source
        self.position = InputPosition(offset: source.offset, line: line)
        self.encoding = encoding
        self.maximumLength = maximumLength
    }

    public var name: String { source.name }

    /// Where the next line starts.
    public var nextPosition: InputPosition { position }

    /// The next line, or nil at the end of input. A line longer than `maximumLength`
    /// throws `LineTooLong` after its bytes have been skipped, so reading can go on.
    public mutating func next() throws -> Line? {
        var scanned = 0
        while true {
            let found: (index: Int, terminator: Int)? = source.withUnread { bytes in
                var index = scanned
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x0A { return (index, 1) }
                    if byte == 0x0D {
                        // A CR at the very end of the buffer might be the first half of CRLF.
                        if index + 1 == bytes.count { return nil }
                        return (index, bytes[index + 1] == 0x0A ? 2 : 1)
                    }
                    index += 1
                }
                return nil
            }
            if let found {
                guard found.index <= maximumLength else {
                    let start = position
                    source.consume(found.index + found.terminator)
                    position = InputPosition(offset: source.offset, line: start.line + 1)
                    throw LineTooLong(start: start, length: Int64(found.index), limit: maximumLength)
                }
                return take(count: found.index, terminator: found.terminator)
            }
            scanned = max(0, source.available - 1)
            if source.available > maximumLength {
                try skipLongLine()
            }
            let more = try source.fill(atLeast: source.available + 1)
            if !more {
                guard source.available > 0 else { return nil }
                if source.withUnread({ $0.last == 0x0D }) {
                    return take(count: source.available - 1, terminator: 1)
                }
                return take(count: source.available, terminator: 0)
            }
        }
    }

    private mutating func take(count: Int, terminator: Int) -> Line {
        var bytes = source.withUnread { Array($0[0..<count]) }
        let start = position
        if start.offset == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        }
        source.consume(count + terminator)
        position = InputPosition(offset: source.offset, line: start.line + (terminator > 0 ? 1 : 0))
        return Line(bytes: bytes, start: start, end: position, isTerminated: terminator > 0, encoding: encoding)
    }

    /// Skips to the end of an overlong line and reports where it was.
    private mutating func skipLongLine() throws -> Never {
        let start = position
        var skipped: Int64 = 0
        while true {
            let cut: (index: Int, terminator: Int)? = source.withUnread { bytes in
                guard let index = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
                let crlf = bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                return (index, crlf ? 2 : 1)
            }
            if let cut {
                skipped += Int64(cut.index)
                source.consume(cut.index + cut.terminator)
                break
            }
            skipped += Int64(source.available)
            source.consume(source.available)
            if !(try source.fill(atLeast: 1)) { break }
        }
        position = InputPosition(offset: source.offset, line: start.line + 1)
        throw LineTooLong(start: start, length: skipped, limit: maximumLength)
    }
}

/// A line over the reader's limit: it was skipped, reading goes on after it.
public struct LineTooLong: Error, Equatable {
    public let start: InputPosition
    public let length: Int64
    public let limit: Int

    /// The problem a reader reports for it; reading goes on at `resume`.
    func problem(resume: InputPosition) -> DumpProblem {
        DumpProblem(message: "line \(start.line) is \(length) bytes long, over the \(limit >> 20) MiB limit; skipped",
                    span: RecordSpan(start: start, end: resume, isComplete: true), raw: [])
    }
}
