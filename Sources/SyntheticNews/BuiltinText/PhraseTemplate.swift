/// Fills a sentence pattern: `{slot}` places get the slot's text, and `[a|b|c]` picks one
/// of the alternatives, so that one pattern gives many wordings. A slot's text may hold
/// slots and alternatives itself; they are filled in turn (to a fixed depth, so a
/// careless pattern cannot loop). A slot name written with a capital (`{Org1}`) gets its
/// text with a capital first letter.
public enum PhraseTemplate {
    public static func expand(_ pattern: String, depth: Int = 4, choose: (Int) -> Int = { _ in 0 },
                       fill: (String) -> String) -> String {
        var output = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "[" }) {
            let closing: Character = rest[open] == "{" ? "}" : "]"
            guard let close = rest[open...].firstIndex(of: closing) else { break }
            output += rest[..<open]
            let inner = String(rest[rest.index(after: open)..<close])
            if closing == "]" {
                let alternatives = inner.split(separator: "|", omittingEmptySubsequences: false)
                output += expand(String(alternatives[choose(alternatives.count)]), depth: depth, choose: choose, fill: fill)
            } else {
                let capital = inner.first?.isUppercase == true
                var text = fill(capital ? inner.prefix(1).lowercased() + inner.dropFirst() : inner)
                if depth > 0, text.contains(where: { $0 == "{" || $0 == "[" }) {
                    text = expand(text, depth: depth - 1, choose: choose, fill: fill)
                }
                output += capital ? capitalized(text) : text
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    public static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
