/// Splits a text dump's header line into title and tags.
///
/// Tags follow the title, separated by ` | ` (space, pipe, space; `+|` is part of the
/// title) or by a full-width bar `｜` (spaces around it or not). The first tag is glued
/// to the title after its last sentence end: `...Asia Pacific region. China | NATO` is
/// the title `...Asia Pacific region.` and the tags China and NATO. The glued part
/// counts as a tag only when it looks like one: at most four words, starting with a
/// capital letter, a digit or a non-Latin character. Chinese, Japanese and Korean
/// sentence ends (`。！？`) need no space after them, and their scripts have no capitals:
/// there the glued tag is what follows the last sentence end when it is a short run of
/// such letters (`北京举行国际人工智能大会。科技 | 人工智能`: the tag 科技, at most 8
/// characters). Otherwise (including when no sentence end precedes the first
/// separator) everything before the first separator is the title. A line without any
/// separator has no tags: it is all title, whatever its punctuation. The raw line is
/// kept in `articles.header`.
public enum HeaderLine {
    public static let tagSeparator = " | "
    static let fullWidthSeparator = "｜"

    /// The parts between tag separators (` | ` or `｜`).
    static func separated(_ text: String) -> [String] {
        text.components(separatedBy: tagSeparator).flatMap { $0.components(separatedBy: fullWidthSeparator) }
    }

    public static func parse(_ line: String) -> (title: String, tags: [String]) {
        let parts = separated(line)
        let lead = parts[0].trimmingWhitespace
        var tags = parts.dropFirst().map(\.trimmingWhitespace).filter { !$0.isEmpty }
        guard !tags.isEmpty || parts.count > 1 else { return (lead, []) }
        if let split = gluedTagSplit(lead) {
            tags.insert(split.tag, at: 0)
            return (split.title, Tags.clean(tags))
        }
        return (lead, Tags.clean(tags))
    }

    /// The title and glued tag, when `lead` ends with a tag after its last sentence end.
    static func gluedTagSplit(_ lead: String) -> (title: String, tag: String)? {
        let characters = Array(lead)
        var index = characters.count - 1
        // Walk back to the last sentence end that is followed by a space, or by the
        // next letter in scripts that put no space there.
        while index > 0 {
            if characters[index] == " " {
                var end = index - 1
                while end > 0, closers.contains(characters[end]) { end -= 1 }
                if sentenceEnds.contains(characters[end]) {
                    let title = String(characters[...(index - 1)]).trimmingWhitespace
                    let tag = String(characters[(index + 1)...]).trimmingWhitespace
                    guard looksLikeTag(tag), !title.isEmpty else { return nil }
                    return (title, tag)
                }
            } else if unspacedSentenceEnds.contains(characters[index]), index < characters.count - 1 {
                var start = index + 1
                while start < characters.count, closers.contains(characters[start]) { start += 1 }
                guard start < characters.count, characters[start] != " " else { index -= 1; continue }
                let tag = String(characters[start...])
                guard looksLikeCaselessTag(tag) else { return nil }
                return (String(characters[..<start]).trimmingWhitespace, tag)
            }
            index -= 1
        }
        return nil
    }

    /// Sentence ends of Chinese, Japanese and Korean text, full-width and half-width.
    static let unspacedSentenceEnds: Set<Character> = ["。", "｡", "．", "！", "？"]

    /// A tag glued without a space: a short run of letters of a script without case.
    static func looksLikeCaselessTag(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 8 else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic && !scalar.properties.isUppercase && !scalar.properties.isLowercase
                && scalar.value > 0x24F
        }
    }

    static let sentenceEnds: Set<Character> = [".", "!", "?", "。", "｡", "．", "！", "？", "…"]
    static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "）", "」", "』", "]"]

    static func looksLikeTag(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !text.isEmpty else { return false }
        let words = text.split(separator: " ").count
        guard words <= 4, text.count <= 60 else { return false }
        if first.properties.isUppercase || first.properties.numericType != nil { return true }
        // Scripts without case (Chinese, Arabic...) cannot be judged by capitals.
        return first.properties.isAlphabetic && !first.properties.isLowercase && first.value > 0x24F
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (including no-break spaces).
    var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }
}
