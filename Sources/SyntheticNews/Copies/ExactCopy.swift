import ArchiveCore

/// The same title and body under another release time: a dump repeating a story on a
/// later day. Exact deduplication must make it one article.
enum ExactCopy {
    static func copy(_ article: NewsArticle, rng: inout SplitMix64) -> NewsArticle {
        var copy = article
        copy.published = ReleaseTime(article.published)
            .map { $0.adding(days: rng.between(1...3), minutes: rng.between(-300...300)).text } ?? article.published
        return copy
    }
}
