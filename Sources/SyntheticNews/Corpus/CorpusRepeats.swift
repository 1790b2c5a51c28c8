import ArchiveCore

/// Finds a corpus's own repeats: texts that tell the same story as an earlier one (the BBC
/// corpus has the same body under two headlines more than once). Left in, they would be
/// unlabeled copies, and every correct merge of them would count as a wrong one.
///
/// Deliberately independent of the archive's detector (its own word 5-grams and a far
/// lower bar: half of the shorter text), so that cleaning the labels cannot favour it.
enum CorpusRepeats {
    /// The articles with every one that shares at least `share` of its word 5-grams (or of
    /// the earlier one's, whichever has fewer) with an earlier article left out, and the
    /// number left out.
    static func withoutRepeats(_ articles: [NewsArticle], share: Double = 0.5) -> (kept: [NewsArticle], setAside: Int) {
        var postings: [UInt64: [Int]] = [:]
        var gramCounts: [Int] = []
        var kept: [NewsArticle] = []
        for article in articles {
            let grams = Set(fiveGrams(article.body))
            var shared: [Int: Int] = [:]
            for gram in grams {
                for other in postings[gram, default: []] { shared[other, default: 0] += 1 }
            }
            let isRepeat = shared.contains { other, count in
                Double(count) >= share * Double(max(1, min(grams.count, gramCounts[other])))
            }
            guard !isRepeat else { continue }
            for gram in grams { postings[gram, default: []].append(kept.count) }
            gramCounts.append(grams.count)
            kept.append(article)
        }
        return (kept, articles.count - kept.count)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Lower-cased runs of letters and digits, five at a time, each hashed (FNV-1a).
    static func fiveGrams(_ text: String) -> [UInt64] {
        let words = words(text)
        guard words.count >= 5 else { return words.isEmpty ? [] : [words.joined(separator: " ").seedValue] }
        return (0...(words.count - 5)).map { words[$0..<($0 + 5)].joined(separator: " ").seedValue }
    }
}
