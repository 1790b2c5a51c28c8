/// What the user typed, made into an FTS5 query.
///
/// Plain mode (the default) never raises an FTS5 syntax error: every word is quoted, so
/// `U.S.`, `C++`, `AND` or a lone `"` are words, not syntax. All words must match
/// (in any column, any order); a word ending in `*` matches as a prefix. Raw mode passes
/// FTS5's own syntax (AND/OR/NOT, "phrases", prefix*, NEAR, column filters) through;
/// SQLite then judges it, and a mistake is reported as `SearchError.invalidQuery`.
public struct SearchQuery: Equatable, Sendable {
    public let text: String
    public let isRaw: Bool

    public init(_ text: String, raw: Bool = false) {
        self.text = text
        self.isRaw = raw
    }

    /// The MATCH expression.
    public func ftsExpression() throws(SearchError) -> String {
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
            let quoted = "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            terms.append(isPrefix ? quoted + "*" : quoted)
        }
        guard !terms.isEmpty else { throw .emptyQuery }
        return terms.joined(separator: " ")
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

extension Substring {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
