import ArchiveCore

/// A copy edited lightly: a given share of the body's words replaced by other words
/// (a sub-editor's changes, a corrected name, a different verb). Punctuation and
/// capitals around a replaced word stay, so only the words change.
enum WordEdits {
    /// The number of words `percent` percent of `total` words is (at least one).
    static func replacedCount(percent: Int, of total: Int) -> Int {
        max(1, Int((Double(percent) * Double(total) / 100).rounded()))
    }

    static func copy(_ article: NewsArticle, percent: Int, rng: inout SplitMix64) -> NewsArticle {
        var copy = article
        copy.body = edited(article.body, percent: percent, rng: &rng)
        return copy
    }

    static func edited(_ body: String, percent: Int, rng: inout SplitMix64) -> String {
        let spans = WordSpans(body)
        // Only plain words are replaced: `19-47` or `BBC's` count as one word here but as
        // two for the shingler, and replacing them would change more than intended.
        let plain = (0..<spans.count).filter { position in
            let (leading, core, trailing) = spans.word(position).punctuated
            return core.count >= 2 && core.allSatisfy { $0.isASCII && $0.isLetter }
                && (leading + trailing).allSatisfy { !$0.isLetter && !$0.isNumber }
        }
        let count = min(replacedCount(percent: percent, of: spans.count), plain.count)
        var replacements: [Int: String] = [:]
        for index in rng.positions(count, of: plain.count) {
            let position = plain[index]
            let (leading, core, trailing) = spans.word(position).punctuated
            var word = rng.pick(ReplacementWords.all)
            while word == core.lowercased() { word = rng.pick(ReplacementWords.all) }
            if core.first?.isUppercase == true { word = word.prefix(1).uppercased() + word.dropFirst() }
            replacements[position] = leading + word + trailing
        }
        return spans.replacing(replacements)
    }
}
