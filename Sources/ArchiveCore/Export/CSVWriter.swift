/// CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a
/// comma, quote, CR or LF (or starts or ends with a space), quotes inside doubled.
public enum CSVWriter {
    public static func field(_ value: String?) -> String {
        guard let value else { return "" }
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    public static func record(_ values: [String?]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }
}
