/// CSV and JSON encodings of raw UTF-8 column bytes, straight into the output buffer:
/// an export of millions of rows makes no intermediate Strings.
enum FieldEncoding {
    /// An RFC 4180 field: quoted when it holds a comma, quote, CR or LF or starts or
    /// ends with a space; quotes doubled. Nothing is written for NULL.
    static func csv(_ bytes: UnsafeRawBufferPointer?, into sink: OutputSink) {
        guard let bytes, !bytes.isEmpty else { return }
        var needsQuotes = bytes.first == 0x20 || bytes.last == 0x20
        if !needsQuotes {
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return sink.append(bytes) }
        sink.append(0x22)
        var runStart = 0
        for (index, byte) in bytes.enumerated() where byte == 0x22 {
            sink.append(UnsafeRawBufferPointer(rebasing: bytes[runStart...index]))
            sink.append(0x22)
            runStart = index + 1
        }
        sink.append(UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
        sink.append(0x22)
    }

    /// A JSON string, or `null` for NULL; escapes what JSON requires (and U+2028/9).
    static func json(_ bytes: UnsafeRawBufferPointer?, into sink: OutputSink) {
        guard let bytes else { return sink.append(Array("null".utf8)) }
        sink.append(0x22)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var escape: [UInt8]?
            var width = 1
            switch byte {
            case 0x22: escape = [0x5C, 0x22]
            case 0x5C: escape = [0x5C, 0x5C]
            case 0x0A: escape = [0x5C, 0x6E]
            case 0x0D: escape = [0x5C, 0x72]
            case 0x09: escape = [0x5C, 0x74]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                escape = Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                // Line and paragraph separators: legal JSON, but they break JavaScript readers.
                escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                width = 3
            default:
                break
            }
            if let escape {
                sink.append(UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
                sink.append(escape)
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        sink.append(UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
        sink.append(0x22)
    }
}
