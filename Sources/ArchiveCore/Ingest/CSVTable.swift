/// A whole CSV file as rows of fields, header included, read with the archive's own CSV
/// reader (RFC 4180; quoted fields may hold commas, doubled quotes and line breaks;
/// LF, CRLF and CR line ends). For corpus files loaded whole by the benchmark and the
/// evaluation; dumps are streamed by `CSVDumpReader` instead.
public enum CSVTable {
    public struct Problem: Error, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    public static func rows(path: String) throws -> [[String]] {
        var reader = CSVDumpReader(lines: LineReader(source: try ByteSource(path: path)))
        var rows: [[String]] = []
        while let row = try reader.nextFields() {
            switch row {
            case .fields(let fields, _, _):
                if fields != [""] { rows.append(fields) }
            case .problem(let problem):
                throw Problem(path: path, line: problem.span.start.line, message: problem.message)
            }
        }
        return rows
    }
}
