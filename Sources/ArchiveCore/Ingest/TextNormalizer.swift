import Foundation

/// The comparison form of text: Unicode NFKC, case-folded without a locale, every run
/// of white space one space, no leading or trailing space. Two texts that differ only in
/// width variants, case or spacing normalize to the same string.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        if let ascii = normalizeASCII(text) { return ascii }
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            // Folding can produce compatibility forms again (rare); one more NFKC settles it.
            .precomposedStringWithCompatibilityMapping
        return collapseWhitespace(folded)
    }

    /// ASCII text needs no Unicode tables: NFKC leaves it alone and folding is lowercase.
    /// Returns nil when the text has any non-ASCII byte.
    static func normalizeASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !output.isEmpty
                    continue
                }
                if pendingSpace {
                    output.append(0x20)
                    pendingSpace = false
                }
                output.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
