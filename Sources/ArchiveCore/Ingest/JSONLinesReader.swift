/// Reads JSON Lines: one object per line, its members named as `RecordField` knows them
/// (`title`, `body`, `tags`, `published`, `url`, `source`, `authors` and their other
/// names) or as `--map` says. Tags and authors are an array of strings or one string;
/// `published` may be a number (Unix seconds). Other members are ignored; blank lines
/// skipped.
public struct JSONLinesReader: DumpReader {
    private var lines: LineReader
    private let fields: FieldRules

    public init(lines: LineReader, fields: FieldRules = FieldRules()) {
        self.lines = lines
        self.fields = fields
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
                return .record(try Self.record(from: line, span: span, fields: fields))
            } catch {
                return .problem(DumpProblem(message: error.message, span: span, raw: line.bytes))
            }
        }
    }

    struct Invalid: Error { let message: String }

    /// The member chosen for a field: `name` as the dump or `--map` wrote it (for
    /// messages), `key` the member's own name, `position` its place in the line.
    private struct Found {
        var name: String
        var key: String
        var value: JSONValue
        var rank: Int
        var position: Int
    }

    static func record(from line: Line, span: RecordSpan, fields: FieldRules = FieldRules()) throws(Invalid) -> DumpRecord {
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
        // Each field is read from its best-named member (`null` is absent, so the next
        // name stands in), whatever order the members come in; only that one must have
        // the right type.
        var chosen: [RecordField: Found] = [:]
        for (position, (name, value)) in members.enumerated() where value != .null {
            guard let (field, rank) = fields.field(named: name) else { continue }
            if let previous = chosen[field], previous.rank <= rank { continue }
            chosen[field] = Found(name: name, key: name, value: value, rank: rank, position: position)
        }
        // A mapped name with dots that no member has whole is a path into nested objects.
        for (field, path) in fields.mapped where chosen[field] == nil && path.contains(".") {
            let steps = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let value = Self.value(at: steps, in: members), value != .null {
                chosen[field] = Found(name: path, key: steps.last!, value: value, rank: -1, position: members.count)
            }
        }
        for (field, found) in chosen.sorted(by: { $0.value.position < $1.value.position }) {
            try Self.assign(found, to: field, in: &record)
        }
        if !line.isValidUTF8 {
            record.warnings.append("invalid UTF-8 replaced by U+FFFD")
        }
        return record
    }

    /// Stores one member's value, checking its type.
    private static func assign(_ found: Found, to field: RecordField, in record: inout DumpRecord) throws(Invalid) {
        switch (field, found.value) {
        case (.tags, .array(let elements)):
            record.tags = Tags.clean(try strings(elements, in: found.name))
        case (.authors, .array(let elements)):
            record.authors = Authors.clean(try strings(elements, in: found.name))
        case (.published, .number(let seconds)):
            // Unix seconds, read by ReleaseDate like the same digits in a string.
            record.published = text(of: seconds)
        case (_, .string(let text)):
            field.assign(text, from: found.key, to: &record)
        default:
            let expected = switch field {
            case .tags, .authors: "an array of strings or a string"
            case .published: "a string or a number"
            default: "a string"
            }
            throw Invalid(message: "\"\(found.name)\" must be \(expected), found \(found.value.typeName)")
        }
    }

    private static func strings(_ elements: [JSONValue], in name: String) throws(Invalid) -> [String] {
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else {
                throw Invalid(message: "\"\(name)\" must hold strings, found \(element.typeName)")
            }
            strings.append(text)
        }
        return strings
    }

    /// The value at a path of member names (matched without case, the first of a name).
    static func value(at path: [String], in members: [(String, JSONValue)]) -> JSONValue? {
        var current = JSONValue.object(members)
        for step in path {
            guard case .object(let inner) = current else { return nil }
            let lower = step.lowercased()
            guard let member = inner.first(where: { $0.0.lowercased() == lower }) else { return nil }
            current = member.1
        }
        return current
    }

    /// A JSON number as the text that stands for it: whole numbers without a fraction
    /// (`1713171600`, not `1713171600.0`).
    static func text(of number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
