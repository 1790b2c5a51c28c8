import Foundation

/// The text new articles are made from: the BBC news set (CSV `text,category`) when it is
/// there, else a small built-in text.
struct SourceText {
    struct Document {
        var text: [UInt8]
        var category: String
    }

    var documents: [Document]
    /// What the text came from, for the stamp and the report.
    var origin: String

    static let bbcFiles = ["train.csv", "val.csv", "test.csv"]

    /// Reads every BBC file found in `folder`; falls back to the built-in text when none is.
    static func load(folder: String) throws -> SourceText {
        var documents: [Document] = []
        var found: [String] = []
        for name in bbcFiles {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            found.append(name)
            let rows = CSVRows.parse([UInt8](data))
            guard let header = rows.first,
                  let textColumn = header.firstIndex(of: "text"),
                  let categoryColumn = header.firstIndex(of: "category") else {
                throw BenchError("\(path): expected a header row with text and category columns")
            }
            for row in rows.dropFirst() where row.count > max(textColumn, categoryColumn) {
                let text = Array(row[textColumn].utf8)
                if text.count > 200 { documents.append(Document(text: text, category: row[categoryColumn])) }
            }
        }
        if documents.isEmpty {
            return SourceText(documents: BuiltInText.documents, origin: "built-in text (\(BuiltInText.documents.count) passages)")
        }
        return SourceText(documents: documents, origin: "BBC news (\(documents.count) articles from \(found.joined(separator: ", ")))")
    }
}

/// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVRows {
    static func parse(_ bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        var atFieldStart = true
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && atFieldStart {
                quoted = true
                atFieldStart = false
            } else if byte == UInt8(ascii: ",") {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                endField()
                rows.append(row)
                row = []
            } else {
                field.append(byte)
                atFieldStart = false
            }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
