/// JSON text for the values this tool writes: the one JSON string escaper of the
/// package. Non-ASCII characters are written as they are (UTF-8); only what JSON
/// requires is escaped, and U+2028/U+2029, which break JavaScript readers.
public enum JSONText {
    public static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string.
    public static func appendString<Output: ByteAppending>(_ text: String, to output: inout Output) {
        var text = text
        text.withUTF8 { appendString(UnsafeRawBufferPointer($0), to: &output) }
    }

    /// Appends UTF-8 `bytes` as a JSON string, or `null` for nil.
    public static func appendString<Output: ByteAppending>(_ bytes: UnsafeRawBufferPointer?, to output: inout Output) {
        guard let bytes else {
            return "null".utf8.forEach { output.append($0) }
        }
        output.append(0x22)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var escape: StaticString?
            var control: UInt8?
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case 0x00..<0x20: control = byte
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                break
            }
            guard escape != nil || control != nil else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
            if let escape {
                escape.withUTF8Buffer { output.append(contentsOf: UnsafeRawBufferPointer($0)) }
            } else if let control {
                for byte in "\\u00".utf8 { output.append(byte) }
                output.append(hexDigits[Int(control >> 4)])
                output.append(hexDigits[Int(control & 0x0F)])
            }
            index += width
            runStart = index
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
        output.append(0x22)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func array(_ strings: [String]) -> String {
        "[" + strings.map { string($0) }.joined(separator: ",") + "]"
    }

    /// A number as JSON writes it: integers without a fraction, non-finite as null.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
