import Foundation

/// The snippet of an article found through the CJK index, which stores no text for
/// FTS5's `snippet()` to cut from: a stretch of the body around the first place a
/// query word stands, with every query word in it marked.
///
/// The body is shown in its NFKC form (`５Ｇ` as `5G`), the form the index holds, so
/// the marks fall where the match is. Words are compared without case; Chinese,
/// Japanese and Korean words as strings, others only where a word starts (`AI` does not
/// mark the `ai` in `said`).
struct CJKSnippet {
    /// The query's words in comparison form, longest first so that the longest match
    /// at a place is the one marked.
    let words: [[Character]]

    /// Characters shown before the first match, and in all.
    static let lead = 16
    static let length = 64

    init(query: SearchQuery) {
        // FTS5 operators and syntax are not words of the text.
        let operators: Set<String> = ["and", "or", "not", "near"]
        let pieces = query.text.split { $0.isWhitespace || "\"()*:^+{},".contains($0) }
        words = pieces.map { TextNormalizer.normalize(String($0)) }
            .filter { !operators.contains($0) }
            .flatMap(Self.scriptRuns)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
            .sorted { $0.count > $1.count }
    }

    /// `华为5g` as `华为` and `5g`: the index matches them apart (the text may have a
    /// space between them), so they are marked apart.
    private static func scriptRuns(_ word: String) -> [[Character]] {
        var runs: [[Character]] = []
        var wasIdeographic: Bool?
        for character in word {
            let isIdeographic = CJKText.hasIdeographs(String(character))
            if isIdeographic != wasIdeographic { runs.append([]) }
            runs[runs.count - 1].append(character)
            wasIdeographic = isIdeographic
        }
        return runs
    }

    func snippet(of body: String, marks: SearchMarks) -> String {
        let text = Array(body.precomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        // Only cased letters change; the rest (all of CJK) is taken as it is, cheaply.
        let folded = text.map { $0.isCased ? Character($0.lowercased()) : $0 }
        let first = folded.indices.first { match(in: folded, at: $0) != nil }
        let start = first.map { max(0, $0 - Self.lead) } ?? 0
        let end = min(text.count, start + Self.length)
        var output = start > 0 ? "…" : ""
        var index = start
        while index < end {
            if let length = match(in: folded, at: index) {
                let stop = min(index + length, text.count)
                output += marks.open + String(text[index..<stop]) + marks.close
                index = stop
            } else {
                output.append(text[index])
                index += 1
            }
        }
        if end < text.count { output += "…" }
        return output
    }

    /// The length of the longest query word that stands at `index`, nil when none does.
    private func match(in folded: [Character], at index: Int) -> Int? {
        for word in words where index + word.count <= folded.count {
            guard folded[index..<(index + word.count)].elementsEqual(word) else { continue }
            // A word without ideographs must start a word of the text (ideographs
            // before it end the word before).
            if !CJKText.hasIdeographs(String(word)), index > 0, Self.continuesWord(folded[index - 1]) { continue }
            return word.count
        }
        return nil
    }

    private static func continuesWord(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber) && !CJKText.hasIdeographs(String(character))
    }
}
