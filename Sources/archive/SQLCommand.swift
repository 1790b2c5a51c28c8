import ArgumentParser
import ArchiveCore

struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run one read-only SQL statement against the archive (see README, Schema).",
        discussion: "Writes of any kind (INSERT, UPDATE, DELETE, DROP, ATTACH, writing PRAGMAs) are refused; the file is opened read-only.")

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "One SELECT (or other reading) statement.")
    var statement: String

    @Option(help: "table, csv (with a header row) or json (an array of objects).")
    var format: SQLFormat = .table

    enum SQLFormat: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    func run() throws {
        try perform {
            let archive = try archive.open(.read)
            defer { archive.close() }
            let output = OutputSink.standardOutput()
            var columns: [String] = []
            var table = TablePrinter(maximumCellWidth: 60)
            var first = true
            try archive.readOnlySQL(statement, columns: { names in
                columns = names
                switch format {
                case .csv: try output.write(CSVWriter.record(names))
                case .json: try output.write("[")
                case .table: table.header = names
                }
            }, row: { values in
                switch format {
                case .csv:
                    try output.write(CSVWriter.record(values.map(\.text)))
                case .json:
                    try output.write((first ? "\n" : ",\n") + SQLValue.jsonObject(columns: columns, values: values))
                case .table:
                    table.add(values.map { $0.text ?? "" })
                }
                first = false
            })
            switch format {
            case .json: try output.write(first ? "]\n" : "\n]\n")
            case .table: try output.write(table.render())
            case .csv: break
            }
            try output.finish()
        }
    }
}

/// Aligned columns for people; long cells are cut with an ellipsis, line breaks shown as spaces.
struct TablePrinter {
    let maximumCellWidth: Int
    var header: [String] = []
    private var rows: [[String]] = []

    init(maximumCellWidth: Int) {
        self.maximumCellWidth = maximumCellWidth
    }

    mutating func add(_ row: [String]) {
        rows.append(row.map(cell))
    }

    private func cell(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > maximumCellWidth ? String(flat.prefix(maximumCellWidth - 1)) + "…" : flat
    }

    func render() -> String {
        let all = [header.map(cell)] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (index, value) in row.enumerated() { widths[index] = max(widths[index], value.count) } }
        func line(_ row: [String]) -> String {
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .replacingTrailingSpaces()
        }
        var output = line(all[0]) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
