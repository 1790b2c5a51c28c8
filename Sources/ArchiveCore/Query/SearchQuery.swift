/// What the user typed, made into an FTS5 query.
///
/// Plain mode (the default) never raises an FTS5 syntax error: every word is quoted, so
/// `U.S.`, `C++`, `AND` or a lone `"` are words, not syntax. All words must match
/// (in any column, any order); a word ending in `*` matches as a prefix. Raw mode passes
/// FTS5's own syntax (AND/OR/NOT, "phrases", prefix*, NEAR, column filters) through;
/// SQLite then judges it, and a mistake is reported as `SearchError.invalidQuery`.
public struct SearchQuery: Hashable, Sendable {
    public let text: String
    public let isRaw: Bool

    public init(_ text: String, raw: Bool = false) {
        self.text = text
        self.isRaw = raw
    }

    /// The MATCH expression for `articles_fts`. A word with characters beyond ASCII is
    /// looked for in its comparison form (NFKC, case-folded), so `ＡＩ` finds `AI`.
    public func ftsExpression() throws(SearchError) -> String {
        try expression { word, isPrefix in
            let quoted = Self.quoted(word.unicodeScalars.allSatisfy(\.isASCII) ? String(word) : TextNormalizer.normalize(String(word)))
            return isPrefix ? quoted + "*" : quoted
        }
    }

    /// The MATCH expression for `articles_cjk`, where Chinese, Japanese and Korean runs
    /// are indexed as bigrams (`CJKText`): each word in its comparison form, as the
    /// phrase of the tokens that index holds for it. A run is found anywhere in the
    /// text, so `*` after one adds nothing. In raw mode every bareword and quoted phrase
    /// beyond ASCII is rewritten so; the operators around them are kept.
    func cjkExpression() throws(SearchError) -> String {
        if isRaw {
            guard !text.allSatisfy(\.isWhitespace) else { throw .emptyQuery }
            return Self.rewritingRaw(text)
        }
        return try expression { word, isPrefix in
            let normalized = TextNormalizer.normalize(String(word))
            return Self.bigramPhrase(normalized) + (isPrefix && !CJKText.hasIdeographs(normalized) ? "*" : "")
        }
    }

    /// True when the query holds a Chinese, Japanese or Korean character (half-width
    /// kana become such characters in comparison form, and NFKC keeps every other
    /// one): only articles in the CJK index can match it.
    var hasIdeographs: Bool { CJKText.hasIdeographs(TextNormalizer.normalize(text)) }

    /// Plain mode: each word that has a letter or digit, by `term`, all of them required.
    private func expression(_ term: (Substring, _ isPrefix: Bool) -> String) throws(SearchError) -> String {
        if isRaw {
            guard !text.allSatisfy(\.isWhitespace) else { throw .emptyQuery }
            return text
        }
        var terms: [String] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            var word = Substring(word)
            let isPrefix = word.count > 1 && word.hasSuffix("*")
            if isPrefix { word = word.dropLast() }
            // A word with no letter or digit would match nothing (or everything).
            guard word.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            terms.append(term(word, isPrefix))
        }
        guard !terms.isEmpty else { throw .emptyQuery }
        return terms.joined(separator: " ")
    }

    /// An FTS5 string: every `"` byte doubled. Done on bytes, as FTS5 reads the query: as
    /// Characters, a `"` followed by a combining mark is one character that is not `"`, and
    /// stayed single (an unterminated string, exit 1, for the plain query `solar"\u{301}`).
    private static func quoted(_ word: String) -> String {
        let quote = UInt8(ascii: "\"")
        var bytes: [UInt8] = [quote]
        bytes.reserveCapacity(word.utf8.count + 2)
        for byte in word.utf8 {
            bytes.append(byte)
            if byte == quote { bytes.append(quote) }
        }
        bytes.append(quote)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Normalized text as an FTS5 phrase of the tokens articles_cjk holds for it
    /// (`CJKText.queryForm`), a prefix phrase when it ends in a single ideograph.
    private static func bigramPhrase(_ normalized: String) -> String {
        let (tokens, lastIsPrefix) = CJKText.queryForm(normalized)
        return quoted(tokens) + (lastIsPrefix ? " *" : "")
    }

    /// Raw FTS5 syntax with each quoted phrase and bareword that goes beyond ASCII
    /// replaced by its bigram phrase. ASCII barewords (AND, OR, NOT, NEAR, column names)
    /// and punctuation stay as written.
    static func rewritingRaw(_ raw: String) -> String {
        let characters = Array(raw)
        var output = ""
        var index = 0
        func isBareword(_ character: Character) -> Bool {
            !character.isASCII || character.isLetter || character.isNumber || character == "_"
        }
        func emit(_ inner: String) {
            guard !inner.allSatisfy(\.isASCII) else { output += quoted(inner); return }
            let normalized = TextNormalizer.normalize(inner)
            var phrase = bigramPhrase(normalized)
            // The user's own star after the phrase already makes it a prefix.
            if phrase.hasSuffix(" *"), characters[index...].first(where: { !$0.isWhitespace }) == "*" { phrase.removeLast(2) }
            output += phrase
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                // A quoted string; "" inside stands for one quote.
                var inner = ""
                index += 1
                while index < characters.count {
                    if characters[index] == "\"" {
                        if index + 1 < characters.count && characters[index + 1] == "\"" { inner.append("\""); index += 2; continue }
                        index += 1
                        break
                    }
                    inner.append(characters[index])
                    index += 1
                }
                emit(inner)
            } else if isBareword(character) {
                var word = ""
                while index < characters.count && isBareword(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                if word.allSatisfy(\.isASCII) { output += word } else { emit(word) }
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }
}

public enum SearchError: Error, Equatable, CustomStringConvertible {
    case emptyQuery
    /// FTS5 refused a raw query; the message is SQLite's.
    case invalidQuery(String)
    case invalidDate(String)

    public var description: String {
        switch self {
        case .emptyQuery: return "the query has no words to search for"
        case .invalidQuery(let message): return "invalid search query: \(message)"
        case .invalidDate(let text): return "cannot read the date \"\(text)\" (use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)"
        }
    }
}
