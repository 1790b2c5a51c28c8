import Foundation

/// The comparison form of text: Unicode NFKC, case-folded without a locale, every run
/// of white space one space, no leading or trailing space. Two texts that differ only in
/// width variants, case or spacing normalize to the same string.
///
/// Most news text is ASCII with a few accents and curly quotes that these steps leave
/// alone, so the work is done byte by byte: ASCII is lowered directly, other characters
/// are looked up once, and only a word that holds a character the steps would change
/// (a ligature, a full-width letter, an accented capital) goes through Foundation.
/// Words are cut at white space, which NFKC never merges across.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var wordStart = -1
            var wordNeedsUnicode = false
            var index = 0
            func endWord(at end: Int) {
                guard wordStart >= 0 else { return }
                if !output.isEmpty { output.append(0x20) }
                if wordNeedsUnicode {
                    output.append(contentsOf: fullTreatment(bytes[wordStart..<end]))
                } else {
                    for byte in bytes[wordStart..<end] { output.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) }
                }
                wordStart = -1
                wordNeedsUnicode = false
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        endWord(at: index)
                    } else if wordStart < 0 {
                        wordStart = index
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = decodeScalar(bytes, at: index)
                if scalar.properties.isWhitespace && !scalar.properties.changesWhenNFKCCaseFolded {
                    endWord(at: index)
                } else {
                    if wordStart < 0 { wordStart = index }
                    if scalar.properties.changesWhenNFKCCaseFolded { wordNeedsUnicode = true }
                }
                index += length
            }
            endWord(at: bytes.count)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// NFKC, case folding, NFKC again (folding can produce compatibility forms), with
    /// any white space the mapping produced collapsed to single spaces.
    static func fullTreatment(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        let folded = String(decoding: bytes, as: UTF8.self).precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        return Array(folded.split(whereSeparator: \.isWhitespace).joined(separator: " ").utf8)
    }

    /// The scalar starting at `index` of valid UTF-8, and its length in bytes.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        let (length, initial): (Int, UInt32) = lead >= 0xF0 ? (4, lead & 0x07) : lead >= 0xE0 ? (3, lead & 0x0F) : (2, lead & 0x1F)
        var value = initial
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
