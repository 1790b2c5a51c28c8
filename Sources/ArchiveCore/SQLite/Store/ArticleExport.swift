/// Streams the articles a filter covers, in archive order (by id), one at a time.
struct ArticleExport {
    let connection: Connection

    /// The CSV columns, in order. Every field `import` reads is here, so an export
    /// imports back into a new archive as the same articles. Columns added later go at
    /// the end (`authors`), so scripts that count columns keep working.
    public static let columns = ["id", "title", "published", "tags", "body", "url", "source", "published_raw", "header", "authors"]

    /// Writes every article the filter covers to `sink` (CSV with its header row, or one
    /// JSON object a line), straight from SQLite's buffers. Returns how many.
    @discardableResult
    func write<Sink: ByteSink>(_ filter: ArticleFilter, as format: ExportFormat, to output: Sink) throws -> Int {
        var sink = output
        let parts = try FilterSQL(filter, cjkInUse: try CJKIndex(connection: connection).hasArticles())
        // Tags and authors as CSV wants them (joined with ` | `) or as JSON already stores them.
        func list(_ column: String) -> String {
            format == .csv ? "(SELECT group_concat(value, ' | ') FROM json_each(a.\(column)))" : "a.\(column)"
        }
        let sql = """
            SELECT a.id, a.title, a.published, \(list("tags")), a.body, a.url, a.source, a.published_raw, a.header, \(list("authors"))
            FROM \(parts.from) \(parts.whereClause) ORDER BY a.id
            """
        let names = Self.columns.map { Array($0.utf8) }
        if format == .csv { try sink.write(CSVWriter.record(Self.columns)) }
        var count = 0
        try connection.queryRows(sql, parts.values, filter: filter) { row in
            count += 1
            for column in 0..<Int32(names.count) {
                switch format {
                case .csv:
                    if column > 0 { sink.append(0x2C) }
                    row.withUTF8(column) { CSVWriter.appendField($0, to: &sink) }
                case .jsonl:
                    sink.append(column == 0 ? 0x7B : 0x2C)
                    sink.append(0x22)
                    sink.append(bytes: names[Int(column)])
                    sink.append(bytes: [0x22, 0x3A])
                    switch column {
                    case 0: sink.append(bytes: Array(String(row.int(0)).utf8))
                    // Stored as a JSON array of strings (the schema checks it).
                    case 3, 9: row.withUTF8(column) { $0.map { sink.append(contentsOf: $0) } ?? sink.append(bytes: Array("[]".utf8)) }
                    default: row.withUTF8(column) { JSONText.appendString($0, to: &sink) }
                    }
                }
            }
            sink.append(bytes: format == .csv ? [0x0D, 0x0A] : [0x7D, 0x0A])
            try sink.flushIfFull()
        }
        return count
    }
}
