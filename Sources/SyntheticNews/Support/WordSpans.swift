/// The words of a text as the copy makers count them: runs of non-space characters,
/// with their places in the text, so a copy can change or cut words and leave every
/// space, line break and paragraph between them as it was.
public struct WordSpans {
    let text: String
    let ranges: [Range<String.Index>]

    public init(_ text: String) {
        self.text = text
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isWhitespace {
                if let first = start { ranges.append(first..<index); start = nil }
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let first = start { ranges.append(first..<text.endIndex) }
        self.ranges = ranges
    }

    public var count: Int { ranges.count }

    func word(_ position: Int) -> Substring { text[ranges[position]] }

    var words: [Substring] { ranges.map { text[$0] } }

    /// The text with the words at some positions replaced; everything else untouched.
    func replacing(_ replacements: [Int: String]) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        var cursor = text.startIndex
        for position in replacements.keys.sorted() {
            let range = ranges[position]
            output += text[cursor..<range.lowerBound]
            output += replacements[position]!
            cursor = range.upperBound
        }
        output += text[cursor...]
        return output
    }

    /// The text up to the end of its first `count` words.
    func prefix(words count: Int) -> String {
        guard count > 0 else { return "" }
        guard count < ranges.count else { return text }
        return String(text[..<ranges[count - 1].upperBound])
    }
}

extension Substring {
    /// The word without the punctuation around it (`"Ireland.` -> `Ireland`), with the
    /// punctuation before and after, for edits that keep a sentence's punctuation.
    var punctuated: (leading: Substring, core: Substring, trailing: Substring) {
        let start = firstIndex(where: { $0.isLetter || $0.isNumber }) ?? endIndex
        let end = lastIndex(where: { $0.isLetter || $0.isNumber }).map { index(after: $0) } ?? start
        return (self[..<start], self[start..<end], self[end...])
    }
}
