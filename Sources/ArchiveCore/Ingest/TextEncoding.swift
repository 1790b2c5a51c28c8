/// How a dump's bytes are to be read, decided from its first bytes.
public enum TextEncoding: Equatable, Sendable {
    case utf8
    /// Old Western European dumps: every byte is one character (Windows-1252, the
    /// superset of Latin-1 that such files really use).
    case latin1

    /// How much of the start of a file decides.
    static let sampleSize = 64 << 10

    /// The encoding of a dump starting with `sample`, or why it cannot be read.
    static func detect(_ sample: UnsafeBufferPointer<UInt8>) -> Result<TextEncoding, Refusal> {
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            return .failure(Refusal(reason: "UTF-16 text (it starts with a UTF-16 byte order mark); convert it first: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.txt"))
        }
        // Binary: NUL bytes in earnest, or NULs among many other control bytes. A stray
        // NUL in text is only replaced (see Article).
        let nuls = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        let controls = sample.reduce(0) { $0 + ($1 < 0x20 && $1 != 0x09 && $1 != 0x0A && $1 != 0x0D && $1 != 0x0C ? 1 : 0) }
        if nuls > 0 && (nuls * 100 >= sample.count || controls * 20 >= sample.count), let zero = sample.firstIndex(of: 0) {
            return .failure(Refusal(reason: "binary data (NUL bytes from offset \(zero)), not a text dump; nothing imported"))
        }
        var index = 0, invalid = 0, multibyte = 0
        while index < sample.count {
            let byte = sample[index]
            if byte < 0x80 { index += 1; continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            // A sequence cut by the end of the sample is not evidence either way.
            if length > 0 && index + length > sample.count { break }
            if length > 0 && (1..<length).allSatisfy({ sample[index + $0] & 0xC0 == 0x80 }) {
                multibyte += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return .success(invalid > 0 && multibyte == 0 ? .latin1 : .utf8)
    }

    /// The bytes as UTF-8.
    func utf8(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8:
            return bytes
        case .latin1:
            guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                let scalar = byte >= 0x80 && byte < 0xA0 ? Self.windows1252[Int(byte - 0x80)] : Unicode.Scalar(byte)
                output.append(contentsOf: Array(String(scalar).utf8))
            }
            return output
        }
    }

    /// Windows-1252's characters for 0x80...0x9F (unassigned ones read as U+FFFD).
    static let windows1252: [Unicode.Scalar] = [
        "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
        "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
    ]

    struct Refusal: Error, Equatable {
        let reason: String
    }
}
