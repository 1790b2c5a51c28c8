import ArchiveCore

extension CopyKind {
    /// Copy `number` of this kind of `article`: seeded by the seed, the number and the
    /// kind alone, so that a copy comes out the same whatever else is generated, and in
    /// whatever order. Nil when the article cannot have one (a date change of a text
    /// that mentions no date). The one way the evaluation and the benchmark make copies.
    public func make(from article: NewsArticle, seed: UInt64, number: UInt64) -> NewsArticle? {
        var rng = SplitMix64(seed: seed, "copy".seedValue, number, seedValue)
        return make(from: article, rng: &rng)
    }

    /// This kind of copy of `article`, drawn from `rng`.
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
