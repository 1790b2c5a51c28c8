extension CopyKind {
    /// This kind of copy of `article`, or nil when the article cannot have one (a date
    /// change of a text that mentions no date).
    func make(from article: NewsArticle, rng: inout SplitMix64) -> NewsArticle? {
        switch self {
        case .exact: ExactCopy.copy(article, rng: &rng)
        case .headlinePrefix: HeadlinePrefix.copy(article, rng: &rng)
        case .dateChange: DateChange.copy(article, rng: &rng)
        case .whitespace: WhitespaceNoise.copy(article, rng: &rng)
        case .wordEdits(let percent): WordEdits.copy(article, percent: percent, rng: &rng)
        case .truncation(let percent): Truncation.copy(article, percent: percent, rng: &rng)
        }
    }

    /// A number for seeding this kind's copies apart from the others'.
    var seedValue: UInt64 { label.seedValue }
}
