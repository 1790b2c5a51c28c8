import ArchiveCore

/// A copy cut short: the body stops after a given share of its words, mid-sentence, as
/// dumps cut at a size limit do; some end in the `【` the real dumps show at a cut.
enum Truncation {
    static let cutMark = "【"

    static func keptCount(percent: Int, of total: Int) -> Int {
        max(1, Int((Double(percent) * Double(total) / 100).rounded()))
    }

    static func copy(_ article: NewsArticle, percent: Int, rng: inout SplitMix64) -> NewsArticle {
        var copy = article
        let spans = WordSpans(article.body)
        copy.body = spans.prefix(words: keptCount(percent: percent, of: spans.count))
        if rng.chance(0.5) { copy.body += cutMark }
        return copy
    }
}
