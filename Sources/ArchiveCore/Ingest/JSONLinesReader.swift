/// Reads JSON Lines: one object per line with `title`, `body` (or `text`, `content`),
/// `tags` (array of strings or one ` | ` string), `published` (or `date`,
/// `release_time`), `url` and `source`. Other members are ignored; blank lines skipped.
public struct JSONLinesReader: DumpReader {
    private var lines: LineReader

    public init(lines: LineReader) {
        self.lines = lines
    }

    public mutating func next() throws -> DumpEvent? {
        while true {
            let line: Line
            do {
                guard let next = try lines.next() else { return nil }
                line = next
            } catch let tooLong as LineTooLong {
                return .problem(tooLong.problem(resume: lines.nextPosition))
            }
            if line.isBlank { continue }
            let span = RecordSpan(start: line.start, end: line.end, isComplete: line.isTerminated)
            do {
                return .record(try Self.record(from: line, span: span))
            } catch {
                return .problem(DumpProblem(message: error.message, span: span, raw: line.bytes))
            }
        }
    }

    struct Invalid: Error { let message: String }

    static func record(from line: Line, span: RecordSpan) throws(Invalid) -> DumpRecord {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line.utf8Bytes)
        } catch {
            throw Invalid(message: "invalid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw Invalid(message: "expected a JSON object, found \(value.typeName)")
        }
        var record = DumpRecord(span: span)
        record.raw = line.bytes
        var ranks: [RecordField: Int] = [:]
        for (name, value) in members {
            guard let (field, rank) = RecordField.lookup(name) else { continue }
            if let previous = ranks[field], previous <= rank { continue }
            ranks[field] = rank
            switch (field, value) {
            case (_, .null):
                continue
            case (.tags, .array(let elements)):
                var tags: [String] = []
                for element in elements {
                    guard case .string(let tag) = element else {
                        throw Invalid(message: "\"\(name)\" must hold strings, found \(element.typeName)")
                    }
                    tags.append(tag)
                }
                record.tags = Tags.clean(tags)
            case (_, .string(let text)):
                field.assign(text, to: &record)
            default:
                let expected = field == .tags ? "an array of strings or a string" : "a string"
                throw Invalid(message: "\"\(name)\" must be \(expected), found \(value.typeName)")
            }
        }
        if !line.isValidUTF8 {
            record.warnings.append("invalid UTF-8 replaced by U+FFFD")
        }
        return record
    }
}

extension RecordField: Hashable {}
