import ArchiveCore

/// Realistic English news stories made from the built-in phrasebook: a headline, a lead
/// paragraph and six to ten more of quotes, figures and reactions, 200-700 words.
/// Story `n` of a seed is always the same text, whatever else is generated. The built-in
/// text of both tools, where the BBC corpus is absent: the evaluation's originals, the
/// benchmark's word chain's source.
public struct BuiltinNewsWriter: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    public func stories(_ count: Int, from first: Int = 0) -> [NewsArticle] {
        (first..<(first + count)).map(story)
    }

    public func story(_ number: Int) -> NewsArticle {
        var rng = SplitMix64(seed: seed, "builtin-story".seedValue, UInt64(number))
        let topic = rng.pick(NewsTopics.all)
        let released = ReleaseTime(year: 2024, month: 1, day: 1, hour: rng.between(6...22), minute: rng.below(60))
            .adding(days: rng.below(366))
        var cast = StoryCast(topic: topic, released: released, rng: SplitMix64(seed: rng.next()))
        let title = cast.sentence(rng.pick(topic.headlines))
        // Sentences are dealt from a shuffled deck so a story rarely repeats a pattern.
        var deck: [String] = []
        func nextPattern() -> String {
            if deck.isEmpty { deck = rng.shuffled(NewsPhrasebook.sentences) }
            return deck.removeLast()
        }
        var paragraphs = [[cast.sentence(rng.pick(topic.leads)), cast.sentence(nextPattern())].joined(separator: " ")]
        for _ in 0..<rng.between(6...10) {
            paragraphs.append((0..<rng.between(1...3)).map { _ in cast.sentence(nextPattern()) }.joined(separator: " "))
        }
        return NewsArticle(title: title, body: paragraphs.joined(separator: "\n\n"), published: released.text,
                           tags: [topic.tag, cast.place])
    }
}
