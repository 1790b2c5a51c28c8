/// Rewrites prefix terms (`econom*`) as the index terms they stand for
/// (`("econom" OR "economi" OR "economist")`). FTS5 answers a prefix query by merging
/// the whole document list of every such term before it returns a single row; the same
/// terms joined by OR are read lazily, newest first, which the ranking window needs.
/// Terms come from the index's own leaf pages (SegmentTerms), or its vocabulary
/// (fts5vocab) where those cannot be read, so the matches are the same.
struct PrefixExpansion {
    let connection: Connection

    /// More index terms than this under one prefix, and the prefix stays a prefix.
    static let maximumTerms = 64

    /// The expression with each expandable prefix term rewritten; unchanged when it has
    /// none, or is raw syntax too complex to rewrite safely (parentheses, NEAR, columns).
    func expand(_ expression: String) throws -> String {
        guard expression.contains("*") else { return expression }
        if expression.contains(where: { "():^{}".contains($0) }) || expression.uppercased().contains("NEAR") { return expression }
        var output = ""
        var index = expression.startIndex
        while index < expression.endIndex {
            let (token, next) = Self.token(in: expression, from: index)
            output += try expandToken(token)
            index = next
        }
        return output
    }

    /// True when the expression is one term (a word, a quoted phrase, a prefix) with
    /// nothing beside it.
    static func isOneTerm(_ expression: String) -> Bool {
        let trimmed = expression.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return false }
        return token(in: trimmed, from: trimmed.startIndex).1 == trimmed.endIndex
    }

    /// The next run of non-space text (a quoted string counts as one, spaces and all),
    /// or a run of spaces.
    static func token(in text: String, from start: String.Index) -> (Substring, String.Index) {
        var index = start
        if text[index].isWhitespace {
            while index < text.endIndex, text[index].isWhitespace { index = text.index(after: index) }
            return (text[start..<index], index)
        }
        var inQuotes = false
        while index < text.endIndex, inQuotes || !text[index].isWhitespace {
            if text[index] == "\"" { inQuotes.toggle() }
            index = text.index(after: index)
        }
        return (text[start..<index], index)
    }

    /// `word*` or `"word"*` with a single lowercase ASCII word: its terms, OR-ed.
    private func expandToken(_ token: Substring) throws -> String {
        guard token.hasSuffix("*") else { return String(token) }
        var word = token.dropLast()
        if word.hasPrefix("\"") && word.hasSuffix("\"") && word.count >= 2 { word = word.dropFirst().dropLast() }
        let prefix = word.lowercased()
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return String(token) }
        guard let terms = try terms(startingWith: prefix) else { return String(token) }
        if terms.isEmpty { return "\"\(prefix)\"" }
        return "(" + terms.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
    }

    /// The index terms starting with `prefix`, nil when there are too many or one of them
    /// would not stand for itself when read back through the tokenizer.
    private func terms(startingWith prefix: String) throws -> [String]? {
        var terms: [String] = []
        switch try SegmentTerms(connection: connection, index: "articles_fts").terms(startingWith: prefix, limit: Self.maximumTerms) {
        case .terms(let listed): terms = listed
        case .moreThanLimit: return nil
        case .unreadable: terms = try vocabulary(startingWith: prefix)
        }
        guard terms.count <= Self.maximumTerms else { return nil }
        guard terms.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }) else { return nil }
        return try readBack(terms) ? terms : nil
    }

    /// Up to one more than `maximumTerms` terms starting with `prefix`, from fts5vocab,
    /// which counts each term's documents on the way (slow for common terms).
    private func vocabulary(startingWith prefix: String) throws -> [String] {
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.archive_vocab USING fts5vocab(main, articles_fts, row)")
        var terms: [String] = []
        try connection.prepare("""
            SELECT term FROM temp.archive_vocab WHERE term >= ? AND term < ? ORDER BY term LIMIT ?
            """).bind(.text(prefix), .text(prefix + "\u{10FFFF}"), .integer(Int64(Self.maximumTerms + 1)))
            .forEachRow { terms.append($0.string(0)) }
        return terms
    }

    /// True when the tokenizer turns each term into itself: a term from the index is
    /// already stemmed, and stemming it again must not change it.
    private func readBack(_ terms: [String]) throws -> Bool {
        try TokenizedWords(connection: connection).terms(of: terms) == terms.map { [$0] }
    }
}
