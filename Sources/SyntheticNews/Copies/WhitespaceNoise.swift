import ArchiveCore

/// A copy whose only difference is white space: doubled spaces, lines broken inside a
/// paragraph, spaces at line ends, extra blank lines, padding around the title. What
/// re-encoding and copy-paste do to an article; its words are untouched.
enum WhitespaceNoise {
    static func copy(_ article: NewsArticle, rng: inout SplitMix64) -> NewsArticle {
        var copy = article
        copy.body = noisy(article.body, rng: &rng)
        if rng.chance(0.3) { copy.title = " " + article.title + "  " }
        return copy
    }

    static func noisy(_ body: String, rng: inout SplitMix64) -> String {
        let spans = WordSpans(body)
        guard spans.count > 1 else { return body + "  " }
        var output = String(body[..<spans.ranges[0].lowerBound])
        var changed = false
        for position in 0..<spans.count {
            output += spans.word(position)
            let gapEnd = position + 1 < spans.count ? spans.ranges[position + 1].lowerBound : body.endIndex
            let gap = body[spans.ranges[position].upperBound..<gapEnd]
            let roll = rng.unit()
            switch (gap == " ", roll) {
            case (true, ..<0.04): output += "  "; changed = true
            case (true, 0.04..<0.06): output += "\n"; changed = true
            case (true, 0.06..<0.07): output += " \t "; changed = true
            case (false, ..<0.5) where gap.contains("\n\n"): output += "   " + gap + "\n"; changed = true
            default: output += gap
            }
        }
        // Every copy of this kind differs somewhere, however short the body.
        if !changed { output += " \n" }
        return output
    }
}
