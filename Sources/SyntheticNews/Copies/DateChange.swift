import ArchiveCore

/// A copy republished a day later: the release time moves by a day, and so does every
/// date the text mentions (a weekday, `14 April`, `April 14`). Only stories that mention
/// a date can have such a copy; otherwise it would be an exact copy under another name.
enum DateChange {
    static func copy(_ article: NewsArticle, rng: inout SplitMix64) -> NewsArticle? {
        let title = shifted(article.title)
        let body = shifted(article.body)
        guard title.changed || body.changed else { return nil }
        var copy = article
        copy.title = title.text
        copy.body = body.text
        copy.published = ReleaseTime(article.published)
            .map { $0.adding(days: 1, minutes: rng.between(-120...120)).text } ?? article.published
        return copy
    }

    /// The text with each weekday name and day-of-month moved one day on.
    static func shifted(_ text: String) -> (text: String, changed: Bool) {
        let spans = WordSpans(text)
        var replacements: [Int: String] = [:]
        for position in 0..<spans.count {
            let (leading, core, trailing) = spans.word(position).punctuated
            if let weekday = ReleaseTime.weekdayNames.firstIndex(of: String(core)) {
                replacements[position] = leading + ReleaseTime.weekdayNames[(weekday + 1) % 7] + trailing
            } else if let month = ReleaseTime.monthNames.firstIndex(of: String(core)) {
                // `14 April` or `April 14`: the number beside the month is its day.
                for neighbour in [position - 1, position + 1] where neighbour >= 0 && neighbour < spans.count {
                    guard replacements[neighbour] == nil else { continue }
                    let (before, number, after) = spans.word(neighbour).punctuated
                    guard let day = Int(number), (1...31).contains(day), number.count <= 2 else { continue }
                    if day < 28 {
                        replacements[neighbour] = before + String(day + 1) + after
                    } else {
                        // The last days of a month roll over to the first of the next.
                        replacements[neighbour] = before + "1" + after
                        replacements[position] = leading + ReleaseTime.monthNames[(month + 1) % 12] + trailing
                    }
                    break
                }
            }
        }
        guard !replacements.isEmpty else { return (text, false) }
        return (spans.replacing(replacements), true)
    }
}
