/// What `articles_fts` is given for an article that holds Chinese, Japanese or Korean
/// text: its stored title, body and tags with every run of such characters written as
/// one placeholder character, U+E000, separators as one space, and what follows its
/// last word left out when it is only runs.
///
/// `unicode61` keeps a run of Han, kana or Hangul as one long token that no search uses
/// (the archive searches those articles in `articles_cjk`), yet tokenizing and storing
/// those tokens was about a third of a CJK import and 0.58x its input in the file.
/// The placeholder is a token character too (private use, category Co), so the form
/// tokenizes into the same tokens at the same positions as the stored text, up to the
/// last token that holds anything but CJK characters: every Latin word stays where it
/// was, `MATCH 'solar'` and `snippet()` work on these articles from any SQLite, and a
/// token that held CJK characters holds the placeholder instead. The form of an
/// indexed article is kept in `fts_forms`, so that the triggers can take out of the
/// index exactly what was put in (migrations/0018_full_text_forms.sql).
enum FullTextForm {
    /// An article's three stored columns in their form.
    struct Columns: Sendable, Equatable {
        let title: String
        let body: String
        let tags: String

        /// `storedTags`: the tags column as stored (a JSON array).
        init(title: String, body: String, storedTags: String) {
            self.title = FullTextForm.of(title)
            self.body = FullTextForm.of(body)
            self.tags = FullTextForm.of(storedTags)
        }

        var byteCount: Int { title.utf8.count + body.utf8.count + tags.utf8.count }
    }

    /// The character a run stands as: private use, so that no text means it.
    static let placeholder: Unicode.Scalar = "\u{E000}"
    private static let placeholderBytes = Array(String(placeholder).utf8)

    /// The form of one stored column's text. Letters and digits, and every other
    /// character that is neither a CJK character nor a known separator, are copied as
    /// they are; a run of separators becomes one space. CJK runs after the last token
    /// that holds anything else are left out: they would only be placeholders, and no
    /// position before them moves.
    static func of(_ stored: String) -> String {
        var stored = stored
        return stored.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count / 8)
            var inRun = false
            // Where the form may end: after the last stretch between separators that may
            // hold a word. A stretch of runs and ASCII letters and digits is one token
            // with a placeholder in it, which matches no query; one with any other
            // character is kept whole, since unicode61 may split it anywhere.
            var end = 0
            var stretchHasText = false, stretchHasRun = false, stretchHasOther = false
            func stretchEnds() {
                if stretchHasOther || (stretchHasText && !stretchHasRun) { end = output.count }
                stretchHasText = false
                stretchHasRun = false
                stretchHasOther = false
                inRun = false
            }
            func separate() {
                stretchEnds()
                if !output.isEmpty && output.last != 0x20 { output.append(0x20) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                        output.append(byte)
                        stretchHasText = true
                        inRun = false
                    default:
                        separate()
                    }
                    index += 1
                    continue
                }
                let (scalar, length) = TextNormalizer.decodeScalar(bytes, at: index)
                switch kind(of: scalar) {
                case .run:
                    if !inRun { output.append(contentsOf: placeholderBytes) }
                    inRun = true
                    stretchHasRun = true
                case .separator:
                    separate()
                case .other:
                    // Copied, whatever unicode61 makes of it: SQLite's tables and Swift's
                    // disagree on thousands of characters.
                    output.append(contentsOf: bytes[index..<min(index + length, bytes.count)])
                    stretchHasOther = true
                    inRun = false
                }
                index += length
            }
            stretchEnds()
            return String(decoding: output[..<end], as: UTF8.self)
        }
    }

    enum Kind { case run, separator, other }

    /// A character of a CJK run (one that puts an article into the CJK index and that
    /// `unicode61` keeps inside tokens), CJK punctuation or a mark `unicode61` splits
    /// tokens at, or anything else.
    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        switch value {
        // Han and Hangul syllables, the bulk of the text: all token characters.
        case 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x3400...0x4DBF:
            return .run
        case _ where CJKText.belongsInIndex(value):
            return isTokenCharacter(scalar) ? .run : .separator
        // CJK symbols and punctuation, general punctuation (quotes, dashes, ellipsis) and
        // the full-width and half-width forms.
        case 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x303F, 0xFF00...0xFFEF:
            return isTokenCharacter(scalar) ? .other : .separator
        default:
            return .other
        }
    }

    /// What `unicode61` (categories `L* N* Co`) treats as part of a token. SQLite's own
    /// tables are older than Swift's: a character they do not know is a token
    /// character there, so an unassigned one is here too (a test compares every
    /// character of the ranges above with SQLite's tokenizer).
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse, .unassigned:
            return true
        default:
            return false
        }
    }
}
