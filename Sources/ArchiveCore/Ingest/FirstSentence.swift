/// The title a record without one takes from its body (`--title-from-body`): the first
/// sentence of the body's first line, or that whole line when no sentence ends in it,
/// at most 200 characters.
///
/// A sentence ends at `.`, `!` or `?` followed by white space or the end of the line
/// (closing quotes and brackets stay with it), and at `。`, `！` or `？`, which need no
/// space after them (Chinese and Japanese write none). A `.` after a single letter, a
/// word with dots inside (`U.S.`) or a common abbreviation (`Mr.`, `Dr.`) ends no
/// sentence. Only the first line is looked at: a body often starts with a line that is
/// a heading, and a sentence never runs on across paragraphs.
enum FirstSentence {
    static let maximumLength = 200

    /// nil when the body is blank.
    static func title(of body: String) -> String? {
        let line = Array(body.drop { $0.isWhitespace }.prefix { !$0.isNewline })
        guard !line.isEmpty else { return nil }
        let sentence = String(line[..<(end(in: line) ?? line.count)])
        let title = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return title.isEmpty ? nil : capped(title)
    }

    static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "」", "』", "）", "】", "》"]
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt",
        "inc", "co", "corp", "ltd", "no", "vs", "mt", "ft", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
    ]

    /// Where the first sentence of `line` ends (just after it), nil when none does.
    private static func end(in line: [Character]) -> Int? {
        for index in line.indices {
            let character = line[index]
            let needsSpace: Bool
            switch character {
            case "。", "！", "？": needsSpace = false
            case ".", "!", "?": needsSpace = true
            default: continue
            }
            var end = index + 1
            while end < line.count, closers.contains(line[end]) { end += 1 }
            if needsSpace, end < line.count, !line[end].isWhitespace { continue }
            if character == ".", isAbbreviation(before: index, in: line) { continue }
            return end
        }
        return nil
    }

    private static func isAbbreviation(before index: Int, in line: [Character]) -> Bool {
        var start = index
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        let word = String(line[start..<index]).drop { !$0.isLetter }
        return word.count == 1 || word.contains(".") || abbreviations.contains(word.lowercased())
    }

    /// The text, or its first 199 characters and `…`, cut after a whole word when one
    /// ends in the second half (text without spaces, as Chinese, is cut anywhere).
    private static func capped(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        let room = maximumLength - 1
        let head = text.prefix(room)
        let next = text[head.endIndex]
        if !next.isWhitespace, let space = head.lastIndex(where: \.isWhitespace), head.distance(from: head.startIndex, to: space) >= room / 2 {
            return head[..<space].trimmingWhitespace + "…"
        }
        return head.trimmingWhitespace + "…"
    }
}
