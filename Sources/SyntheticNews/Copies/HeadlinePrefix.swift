import ArchiveCore

/// A copy with a wire or desk prefix before the title, as aggregators and live pages
/// add them; the body is untouched.
enum HeadlinePrefix {
    /// Prefixes seen in the dumps we receive (`Xinhua All Media+| ` is glued as it is there).
    static let prefixes = [
        "Xinhua All Media+| ", "New comment: ", "UPDATE: ", "UPDATE 2-", "BREAKING: ", "Exclusive: ",
        "Analysis: ", "WRAPUP 1-", "Live: ", "Corrected: ", "Editor's pick: ", "REFILE-",
    ]

    static func copy(_ article: NewsArticle, rng: inout SplitMix64) -> NewsArticle {
        var copy = article
        copy.title = rng.pick(prefixes) + article.title
        // Reposted within hours of the original.
        copy.published = ReleaseTime(article.published).map { $0.adding(minutes: rng.between(5...600)).text } ?? article.published
        return copy
    }
}
