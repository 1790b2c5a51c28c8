import Foundation

/// The comparison form of text: Unicode NFKC, case-folded without a locale, every run
/// of white space one space, no leading or trailing space. Two texts that differ only in
/// width variants, case or spacing normalize to the same string.
///
/// Most news text is ASCII with a few accents and curly quotes that these steps leave
/// alone, so the work is done byte by byte: ASCII is lowered directly, other characters
/// are looked up once, and only a word that holds a character the steps would change
/// (a ligature, an accented capital) goes through Foundation. Words are cut at white
/// space, which NFKC never merges across.
///
/// Chinese, Japanese and Korean text has no spaces, so a whole paragraph is one "word",
/// and nearly every character of it is beyond ASCII. Two shortcuts keep it off
/// Unicode's tables and Foundation: the kana, Hangul syllables, ideographs and CJK
/// punctuation that the steps leave alone (`ScalarClass.unchanged`) are copied as they
/// are, and the full-width forms of ASCII (`，`, `５`, `Ｇ`) become ASCII directly, which is
/// what NFKC and folding make of them, unless the word also holds a character that
/// could combine with them (then the whole word takes the long way, as before).
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var wordStart = -1
            var wordNeedsUnicode = false
            var wordHasWidthForms = false
            var wordHasOthers = false
            var index = 0
            func endWord(at end: Int) {
                guard wordStart >= 0 else { return }
                if !output.isEmpty { output.append(0x20) }
                if wordNeedsUnicode || (wordHasWidthForms && wordHasOthers) {
                    output.append(contentsOf: fullTreatment(bytes[wordStart..<end]))
                } else if wordHasWidthForms {
                    var at = wordStart
                    while at < end {
                        let (scalar, length) = bytes[at] < 0x80 ? (Unicode.Scalar(bytes[at]), 1) : decodeScalar(bytes, at: at)
                        if ScalarClass.of(scalar.value) == .fullWidthASCII {
                            output.append(lowered(UInt8(scalar.value - 0xFEE0)))
                        } else {
                            for byte in bytes[at..<(at + length)] { output.append(lowered(byte)) }
                        }
                        at += length
                    }
                } else {
                    for byte in bytes[wordStart..<end] { output.append(lowered(byte)) }
                }
                wordStart = -1
                wordNeedsUnicode = false
                wordHasWidthForms = false
                wordHasOthers = false
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
                switch ScalarClass.of(scalar.value) {
                case .unchanged:
                    if wordStart < 0 { wordStart = index }
                case .fullWidthASCII:
                    if wordStart < 0 { wordStart = index }
                    wordHasWidthForms = true
                case .ideographicSpace:
                    endWord(at: index)
                case .other:
                    if scalar.properties.isWhitespace && !scalar.properties.changesWhenNFKCCaseFolded {
                        endWord(at: index)
                    } else {
                        if wordStart < 0 { wordStart = index }
                        if scalar.properties.changesWhenNFKCCaseFolded {
                            wordNeedsUnicode = true
                        } else if !isCommonPunctuation(scalar.value) {
                            // Punctuation that stays as it is never combines with what
                            // the width forms become: it does not send the word the long way.
                            wordHasOthers = true
                        }
                    }
                }
                index += length
            }
            endWord(at: bytes.count)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// What the shortcuts above know of a scalar beyond ASCII without Unicode's tables.
    enum ScalarClass: Equatable {
        /// Left alone by NFKC and case folding, not white space, and never the second
        /// half of a composition: CJK punctuation (without the combining tone marks),
        /// kana (without the combining sound marks), ideographs, Hangul syllables. A
        /// test checks every one against Unicode's tables.
        case unchanged
        /// U+FF01...U+FF5E: NFKC makes them U+0021...U+007E.
        case fullWidthASCII
        /// U+3000: NFKC makes it a space.
        case ideographicSpace
        case other

        static func of(_ value: UInt32) -> ScalarClass {
            switch value {
            case 0x3001...0x3029, 0x3030...0x3035, 0x3041...0x3096, 0x309D...0x309E, 0x30A0...0x30FE,
                 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
                return .unchanged
            case 0xFF01...0xFF5E:
                return .fullWidthASCII
            case 0x3000:
                return .ideographicSpace
            default:
                return .other
            }
        }
    }

    /// CJK punctuation and the general punctuation CJK text uses (`。`, `「」`, `《》`,
    /// `·`, `—`, `“”`): neither letters nor digits, nor white space, nor combining
    /// marks, known without Unicode's tables (a test checks each against them). Some of
    /// them change under NFKC (`…`); the rest never combine with a neighbour.
    static func isCommonPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x00B7, 0x2010...0x2027, 0x2030...0x205E, 0x3001...0x3004, 0x3008...0x3020, 0x3030, 0x303D...0x303F:
            return true
        default:
            return false
        }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
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
