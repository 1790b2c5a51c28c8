/// CSV as RFC 4180 writes it: CRLF between records, a field quoted when it holds a
/// comma, quote, CR or LF (or starts or ends with a space), quotes inside doubled. The
/// one CSV quoter of the package.
public enum CSVWriter {
    public static func field(_ value: String?) -> String {
        var bytes: [UInt8] = []
        appendField(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func record(_ values: [String?]) -> String {
        values.map(field).joined(separator: ",") + "\r\n"
    }

    /// Appends `value` as a field (nothing for nil).
    public static func appendField<Output: ByteAppending>(_ value: String?, to output: inout Output) {
        guard var value else { return }
        value.withUTF8 { appendField(UnsafeRawBufferPointer($0), to: &output) }
    }

    /// Appends UTF-8 `bytes` as a field; nothing for nil (NULL) or empty.
    public static func appendField<Output: ByteAppending>(_ bytes: UnsafeRawBufferPointer?, to output: inout Output) {
        guard let bytes, !bytes.isEmpty else { return }
        var needsQuotes = bytes.first == 0x20 || bytes.last == 0x20
        if !needsQuotes {
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return output.append(contentsOf: bytes) }
        output.append(0x22)
        var runStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x22 {
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...index]))
            output.append(0x22)
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
        output.append(0x22)
    }
}
