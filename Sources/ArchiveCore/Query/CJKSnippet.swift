import Foundation

/// The snippet of an article found through the CJK index, which stores no text for
/// FTS5's `snippet()` to cut from: a stretch of the body around the first place a
/// query word stands, with every query word in it marked.
///
/// The body is shown in its NFKC form (`５Ｇ` as `5G`), the form the index holds, so
/// the marks fall where the match is. Words are compared without case; Chinese,
/// Japanese and Korean words as strings, others only where a word starts (`AI` does not
/// mark the `ai` in `said`).
///
/// The work is on Unicode scalars, not Characters: a page of results cuts 20 snippets
/// from bodies of thousands of characters, and grapheme breaking and Unicode's property
/// tables for every one of them were a sixth of a CJK search's time. The characters
/// `TextNormalizer.ScalarClass` knows are taken without the tables, as it does.
struct CJKSnippet {
    /// The query's words in comparison form, longest first so that the longest match
    /// at a place is the one marked.
    let words: [[Unicode.Scalar]]

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
            .filter { $0.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
            .sorted { $0.count > $1.count }
    }

    /// `华为5g` as `华为` and `5g`: the index matches them apart (the text may have a
    /// space between them), so they are marked apart.
    private static func scriptRuns(_ word: String) -> [[Unicode.Scalar]] {
        var runs: [[Unicode.Scalar]] = []
        var wasIdeographic: Bool?
        for scalar in word.unicodeScalars {
            let isIdeographic = CJKText.isIdeographic(scalar.value)
            if isIdeographic != wasIdeographic { runs.append([]) }
            runs[runs.count - 1].append(scalar)
            wasIdeographic = isIdeographic
        }
        return runs
    }

    func snippet(of body: String, marks: SearchMarks) -> String {
        let text = Self.displayForm(body)
        let folded = text.map(Self.folded)
        let first = folded.indices.first { match(in: folded, at: $0) != nil }
        var start = first.map { max(0, $0 - Self.lead) } ?? 0
        var end = min(text.count, start + Self.length)
        // Never begin or end between a letter and the marks that combine with it.
        while start > 0, Self.combines(text[start]) { start -= 1 }
        while end < text.count, Self.combines(text[end]) { end += 1 }
        var output = String.UnicodeScalarView()
        if start > 0 { output.append("…") }
        var index = start
        while index < end {
            if let length = match(in: folded, at: index) {
                let stop = min(index + length, text.count)
                output.append(contentsOf: marks.open.unicodeScalars)
                output.append(contentsOf: text[index..<stop])
                output.append(contentsOf: marks.close.unicodeScalars)
                index = stop
            } else {
                output.append(text[index])
                index += 1
            }
        }
        if end < text.count { output.append("…") }
        return String(output)
    }

    /// The length of the longest query word that stands at `index`, nil when none does.
    private func match(in folded: [Unicode.Scalar], at index: Int) -> Int? {
        for word in words where index + word.count <= folded.count {
            guard folded[index] == word[0], folded[index..<(index + word.count)].elementsEqual(word) else { continue }
            // A word without ideographs must start a word of the text (ideographs
            // before it end the word before).
            if !CJKText.isIdeographic(word[0].value), index > 0, Self.continuesWord(folded[index - 1]) { continue }
            return word.count
        }
        return nil
    }

    /// The body in NFKC with every run of white space one space. Text of ASCII and the
    /// scalars NFKC leaves alone or maps to ASCII is mapped here; anything else goes
    /// through Foundation once.
    static func displayForm(_ body: String) -> [Unicode.Scalar] {
        let needsFoundation = body.unicodeScalars.contains {
            $0.isASCII ? false : TextNormalizer.ScalarClass.of($0.value) == .other
        }
        let source = needsFoundation ? body.precomposedStringWithCompatibilityMapping : body
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(source.unicodeScalars.count)
        var pendingSpace = false
        for scalar in source.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !text.isEmpty
                continue
            }
            if pendingSpace { text.append(" ") }
            pendingSpace = false
            if TextNormalizer.ScalarClass.of(scalar.value) == .fullWidthASCII, let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                text.append(ascii)
            } else {
                text.append(scalar)
            }
        }
        return text
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        switch TextNormalizer.ScalarClass.of(scalar.value) {
        case .ideographicSpace: return true
        case .unchanged, .fullWidthASCII: return false
        case .other: return scalar.properties.isWhitespace
        }
    }

    /// A scalar without case: ASCII lowered directly, CJK taken as it is, the rest by
    /// Unicode's lowercase mapping where that is one scalar.
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(scalar.value + 0x20)) : scalar
        }
        if CJKText.isIdeographic(scalar.value) || TextNormalizer.ScalarClass.of(scalar.value) != .other { return scalar }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    private static func combines(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && !CJKText.isIdeographic(scalar.value) && scalar.properties.canonicalCombiningClass != .notReordered
    }

    private static func continuesWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        if CJKText.isIdeographic(scalar.value) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
