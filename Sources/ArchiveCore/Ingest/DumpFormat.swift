import Foundation

/// The dump formats `archive import` reads.
public enum DumpFormat: String, Sendable, CaseIterable {
    case text
    case jsonl
    case csv

    /// The format a file name implies, nil when its extension is not one of ours. A
    /// compression extension is looked through: `dump.jsonl.gz` is JSON Lines.
    public init?(fileName: String) {
        let lower = Compression.strippingExtension(fileName).name.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".text") {
            self = .text
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .jsonl
        } else if lower.hasSuffix(".csv") {
            self = .csv
        } else {
            return nil
        }
    }

    /// A guess from the first bytes, for standard input and unknown extensions: a JSON
    /// object means JSON Lines; a header row naming a title or body column (any of its
    /// names, e.g. `text,category`) means CSV. A text dump's header line may hold commas
    /// too (`Text, lies and tape`), so apart from `title`, which has always made CSV, a
    /// row counts as a header only when every column looks like a name: no spaces, at
    /// most 40 characters.
    public init(sniffing bytes: some Collection<UInt8>) {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.first == "{" {
            self = .jsonl
            return
        }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
        let columns = firstLine.split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: "\" ")) }
        guard columns.count > 1 else {
            self = .text
            return
        }
        if columns.contains("title") {
            self = .csv
            return
        }
        let namesArticle = columns.contains { RecordField.lookup($0).map { [.title, .body].contains($0.field) } ?? false }
        let allNames = columns.allSatisfy { !$0.isEmpty && $0.count <= 40 && !$0.contains(where: \.isWhitespace) }
        self = namesArticle && allNames ? .csv : .text
    }

    /// Opens a reader of this format over `source`. A CSV dump's header row is read now:
    /// one without the columns an article needs throws a `ReadError` for the file.
    public func reader(source: ByteSource, line: Int, header: CSVHeader? = nil, encoding: TextEncoding = .utf8,
                       fields: FieldRules = FieldRules()) throws -> any DumpReader {
        let lines = LineReader(source: source, line: line, encoding: encoding)
        switch self {
        case .text: return TextDumpReader(lines: lines)
        case .jsonl: return JSONLinesReader(lines: lines, fields: fields)
        case .csv: return try CSVDumpReader.open(lines: lines, header: header, fields: fields)
        }
    }
}
