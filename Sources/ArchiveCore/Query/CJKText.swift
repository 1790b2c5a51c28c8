/// Chinese, Japanese and Korean text made searchable by SQLite's built-in tokenizer.
///
/// `unicode61` keeps a whole run of Han, kana or Hangul as one token, so only a query
/// equal to a whole run between punctuation would match. Here such runs are written as
/// overlapping pairs of characters (bigrams, as Lucene's CJK analyzer does) before the
/// tokenizer sees them: `人工智能大会` becomes `人工 工智 智能 能大 大会 会`. The run's last
/// character also stands alone, so every character of the text is the first character
/// of some token, and a one-character query is a prefix query (`"会" *`).
///
/// A query is written the same way, except that a run at the end of a query word has no
/// lone last character (the text may go on after it): `人工智能` is the phrase
/// `"人工 工智 智能"`, found wherever those four characters stand together.
public enum CJKText {
    /// Characters written without spaces between words, which get bigrams: Han, kana
    /// (with 々 and the long-vowel mark, without the middle dot), Hangul.
    static func isIdeographic(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x11FF, 0x3005, 0x3007, 0x3040...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF,
             0x3131...0x318E, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0x20000...0x323AF:
            return true
        default:
            return false
        }
    }

    /// Characters that put an article into the CJK index: the ideographic ones, and the
    /// full-width letters and digits and half-width kana and Hangul (`５Ｇ` is found by
    /// `5G` only there, where text is indexed in its NFKC form). CJK punctuation alone
    /// (`【`, `。`) does not count: the tokenizer drops it anyway. The GLOB patterns in
    /// migrations/0008_cjk_index.sql test the same characters.
    static func belongsInIndex(_ value: UInt32) -> Bool {
        switch value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF66...0xFF9D, 0xFFA0...0xFFDC:
            return true
        default:
            return isIdeographic(value)
        }
    }

    /// True when UTF-8 text holds a character that puts an article into the CJK index.
    /// English text is passed over byte by byte: only scalars of three or more bytes
    /// (lead byte 0xE1 and up) are decoded.
    static func needsIndex(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0xE1 { index += 1; continue }
            let (scalar, length) = TextNormalizer.decodeScalar(bytes, at: index)
            if belongsInIndex(scalar.value) { return true }
            index += length
        }
        return false
    }

    static func needsIndex(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsIndex(utf8: $0) }
    }

    /// True when the text holds a character that gets bigrams.
    static func hasIdeographs<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { isIdeographic($0.value) }
    }

    /// The form the CJK index stores for normalized text (`TextNormalizer`): every run
    /// of ideographic characters as its bigrams and its last character, spaced apart.
    static func indexForm(_ normalized: String) -> String {
        bigrams(normalized, closingLastRun: true).text
    }

    /// A query word (or the inside of a quoted phrase), normalized, as the tokens to
    /// look for in a row, and whether the last of them is a prefix: true when the word
    /// ends in a single ideographic character, which may be the first half of a pair.
    static func queryForm(_ normalized: String) -> (tokens: String, lastIsPrefix: Bool) {
        let (text, lastRun) = bigrams(normalized, closingLastRun: false)
        return (text.trimmingSpaces(), lastRun == 1)
    }

    /// The text with each ideographic run written as its pairs. A run's last character
    /// also stands alone when something else follows it, since the text has it alone
    /// then too (or always, `closingLastRun`, for the text that is indexed), and in a
    /// run of one. Also returns the length of a run the text ends in (0 if none).
    ///
    /// Between runs, a stretch holding anything beyond ASCII is written as the tokens
    /// SQLite's `unicode61` finds in it (`Unicode61Words`, one session for the whole
    /// text), spaced apart: the index's `ascii` tokenizer splits at ASCII punctuation
    /// only, and would keep `。` or `é` inside a word. An ASCII stretch is copied:
    /// `ascii` and `unicode61` cut and fold ASCII alike.
    private static func bigrams(_ normalized: String, closingLastRun: Bool) -> (text: String, lastRun: Int) {
        var text = normalized
        return Unicode61Words.session { words in text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 3)
            // The run's characters, as byte ranges of the input.
            var run: [Range<Int>] = []
            func endRun(closed: Bool) {
                guard let last = run.last else { return }
                output.append(0x20)
                for (first, second) in zip(run, run.dropFirst()) {
                    output.append(contentsOf: bytes[first])
                    output.append(contentsOf: bytes[second])
                    output.append(0x20)
                }
                if closed || run.count == 1 {
                    output.append(contentsOf: bytes[last])
                    output.append(0x20)
                }
                run.removeAll(keepingCapacity: true)
            }
            // The stretch since the last run, and whether it holds a scalar beyond ASCII.
            var stretchStart = 0
            var stretchIsASCII = true
            func endStretch(at end: Int) {
                guard stretchStart < end else { return }
                if stretchIsASCII {
                    output.append(contentsOf: bytes[stretchStart..<end])
                } else {
                    words.appendTokens(of: UnsafeBufferPointer(rebasing: bytes[stretchStart..<end]), to: &output)
                }
            }
            var index = 0
            while index < bytes.count {
                // ASCII is never ideographic: only longer scalars are decoded.
                let (value, length) = bytes[index] < 0x80
                    ? (UInt32(bytes[index]), 1) : { let (scalar, length) = TextNormalizer.decodeScalar(bytes, at: index); return (scalar.value, length) }()
                if isIdeographic(value) {
                    if run.isEmpty { endStretch(at: index) }
                    run.append(index..<(index + length))
                } else {
                    if !run.isEmpty {
                        endRun(closed: true)
                        (stretchStart, stretchIsASCII) = (index, true)
                    }
                    if value >= 0x80 { stretchIsASCII = false }
                }
                index += length
            }
            let lastRun = run.count
            if run.isEmpty { endStretch(at: bytes.count) }
            endRun(closed: closingLastRun)
            return (String(decoding: output, as: UTF8.self), lastRun)
        } }
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII space only: the forms above use it).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }), let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[first...last])
    }
}
