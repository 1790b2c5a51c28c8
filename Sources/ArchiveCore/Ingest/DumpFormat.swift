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
    /// object means JSON Lines, a header row naming a title column means CSV.
    public init(sniffing bytes: some Collection<UInt8>) {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.first == "{" {
            self = .jsonl
            return
        }
        let firstLine = trimmed.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
        let columns = firstLine.split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: "\" ")) }
        self = columns.contains("title") && columns.count > 1 ? .csv : .text
    }

    /// Opens a reader of this format over `source`.
    public func reader(source: ByteSource, line: Int, header: CSVHeader? = nil, encoding: TextEncoding = .utf8) -> any DumpReader {
        let lines = LineReader(source: source, line: line, encoding: encoding)
        switch self {
        case .text: return TextDumpReader(lines: lines)
        case .jsonl: return JSONLinesReader(lines: lines)
        case .csv: return CSVDumpReader(lines: lines, header: header)
        }
    }
}
