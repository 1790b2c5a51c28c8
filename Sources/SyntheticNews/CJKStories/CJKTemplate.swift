import ArchiveCore
import Foundation

/// A sentence pattern: text with slots in braces, `{place}{org}{verb}了{noun}{end}`. A
/// slot is a kind of word from the phrasebook or one of the made slots below; Korean
/// writes the particle after a colon (`{noun:을}`) so it takes the right form.
/// Patterns are split into parts once, when the phrasebook is made.
struct CJKTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case slot(name: String, particle: String?)
    }

    let parts: [Part]

    init(_ pattern: String) {
        var parts: [Part] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else { preconditionFailure("unclosed slot in \(pattern)") }
            let inside = rest[rest.index(after: open)..<close].split(separator: ":", maxSplits: 1).map(String.init)
            parts.append(.slot(name: inside[0], particle: inside.count > 1 ? inside[1] : nil))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
    }

    /// The pattern with every slot filled from `book`, drawn from `random`.
    func fill(_ book: CJKPhrasebook, random: inout SplitMix64) -> String {
        var output = ""
        for part in parts {
            switch part {
            case .text(let text):
                output += text
            case .slot(let name, let particle):
                let word = Self.word(name, book: book, random: &random)
                output += particle.map { KoreanParticles.attach($0, to: word) } ?? word
            }
        }
        return output
    }

    /// Made slots: `num` (a figure and a unit), `year`, `n`, `month`, `latin`, `end` and
    /// `name` (a surname and given parts); any other name is a kind of word. Some figures
    /// and Latin words come in full-width forms (`３.５%`, `ＡＩ`), which CJK text mixes
    /// with the ordinary ones and the archive must find with them.
    static func word(_ name: String, book: CJKPhrasebook, random: inout SplitMix64) -> String {
        switch name {
        case "num":
            let figure = random.chance(0.4) ? "\(random.between(1...99)).\(random.below(10))" : String(random.between(2...999))
            return widened(figure, &random) + random.pick(book.units)
        case "year": return widened(String(random.between(2025...2035)), &random)
        case "n": return String(random.between(2...12))
        case "month": return String(random.between(1...12))
        case "latin": return widened(random.pick(CJKPhrasebook.latinWords), &random)
        case "end": return random.chance(0.9) ? book.end : book.exclamation
        case "name":
            var name = random.pick(book.words["surname"]!)
            for _ in 0..<random.between(book.givenParts) { name += logUniform(book.words["given"]!, &random) }
            return name
        default:
            guard let words = book.words[name] else { preconditionFailure("no words for slot \(name)") }
            return random.pick(words)
        }
    }

    /// One of `items`, early ones far more often than late ones (the chance of the n-th
    /// is about proportional to 1/n): names give the text a long tail of rare characters,
    /// as real news has, where the word lists alone would make every character common.
    private static func logUniform(_ items: [String], _ random: inout SplitMix64) -> String {
        let index = Int(Foundation.exp(random.unit() * Foundation.log(Double(items.count + 1)))) - 1
        return items[min(max(index, 0), items.count - 1)]
    }

    /// 15% of figures and Latin words are full-width.
    private static func widened(_ text: String, _ random: inout SplitMix64) -> String {
        random.chance(0.15) ? FullWidth.of(text) : text
    }
}
