import ArchiveCore
import Testing
@testable import ArchiveEvaluation
@testable import SyntheticNews

/// The scoring, on hand-made groupings whose pair counts can be checked by hand.
@Suite("Pair scores")
struct DedupScoresTests {
    static let article = NewsArticle(title: "T", body: "B", published: "2024-01-01 00:00", tags: [])

    /// Records of the given stories and kinds; copies point at their story's first record.
    static func set(_ records: [(story: Int, kind: RecordKind)]) -> LabeledSet {
        var firstOfStory: [Int: Int] = [:]
        let labeled = records.enumerated().map { index, record in
            if firstOfStory[record.story] == nil { firstOfStory[record.story] = index }
            var original: Int?
            if case .copy = record.kind { original = firstOfStory[record.story] }
            return LabeledRecord(article: article, story: record.story, kind: record.kind,
                                 location: RecordLocation(file: "d.jsonl", line: index + 1), original: original)
        }
        return LabeledSet(records: labeled, files: ["d.jsonl"])
    }

    static func placed(_ clusters: [Int64?]) -> [ArchivePlacement?] {
        clusters.enumerated().map { index, cluster in
            cluster.map { ArchivePlacement(article: Int64(index + 100), story: $0, linkRule: nil, linkSimilarity: nil) }
        }
    }

    @Test("precision, recall and F1 over pairs, per kind and overall")
    func pairs() {
        // Story 1: original + exact + trunc70 + edit2; story 2: original + headline; story 3: a hard negative.
        let set = Self.set([
            (1, .original), (1, .copy(.exact)), (1, .copy(.truncation(percent: 70))), (1, .copy(.wordEdits(percent: 2))),
            (2, .original), (2, .copy(.headlinePrefix)), (3, .negative(.sharedLead)),
        ])
        // The archive: story 1 without its edited copy, which it put with story 2 and the negative.
        let scores = DedupScores(set: set, placements: Self.placed([1, 1, 1, 2, 2, 2, 2]))
        // True pairs: 6 in story 1, 1 in story 2. Predicted: 3 + 6. Correct: 3 + 1.
        #expect(scores.overall == PairScore(truePairs: 7, predictedPairs: 9, correctPairs: 4))
        #expect(abs(scores.overall.f1 - 2 * (4.0 / 9) * (4.0 / 7) / (4.0 / 9 + 4.0 / 7)) < 1e-12)
        #expect(scores.score(.exact)?.recall == 1)
        #expect(scores.score(.exact)?.precision == 1)
        #expect(scores.score(.wordEdits(percent: 2))?.found == 0)
        #expect(scores.score(.wordEdits(percent: 2))?.precision == 0)
        #expect(scores.score(.headlinePrefix)?.found == 1)
        #expect(abs((scores.score(.headlinePrefix)?.precision ?? 0) - 1.0 / 3) < 1e-12)
        // Wrong pairs: edit-original2, edit-headline, edit-negative, original2-negative, headline-negative.
        #expect(scores.hardNegativeMerges == 3)
        #expect(scores.originalMerges == 0)
        #expect(scores.copyMerges == 2)
        #expect(scores.unplaced == 0)
    }

    @Test("two originals merged are counted apart; unplaced records stand alone; copies read first are told apart")
    func originalsAndUnplaced() {
        let set = Self.set([(1, .original), (2, .original), (3, .copy(.exact)), (3, .original), (1, .copy(.whitespace))])
        // Story 3's exact copy comes first in the set, so its "original" is itself here: rebuild the pointer.
        var fixed = set
        fixed.records[2].original = 3
        let scores = DedupScores(set: fixed, placements: Self.placed([1, 1, nil, 3, 1]))
        #expect(scores.originalMerges == 1)
        #expect(scores.unplaced == 1)
        let exact = scores.score(.exact)
        #expect(exact?.found == 0)
        #expect(exact?.readFirst == 1)
        #expect(exact?.missedReadFirst == 1)
        #expect(scores.score(.whitespace)?.found == 1)
        #expect(scores.overall.truePairs == 2)
        #expect(scores.overall.predictedPairs == 3)
        #expect(scores.overall.correctPairs == 1)
    }

    @Test("targets: which rows must pass and at what level")
    func targets() {
        #expect(QualityTarget.target(for: .exact) == .perfect)
        #expect(QualityTarget.target(for: .wordEdits(percent: 2)) == .recall(atLeast: 0.98))
        #expect(QualityTarget.target(for: .wordEdits(percent: 3)) == QualityTarget.none)
        #expect(QualityTarget.target(for: .truncation(percent: 70)) == .recall(atLeast: 0.98))
        #expect(QualityTarget.target(for: .truncation(percent: 60)) == QualityTarget.none)
        let score = KindScore(kind: .dateChange, pairs: 100, found: 98, predictedPartners: 98, correctPartners: 98)
        #expect(QualityTarget.recall(atLeast: 0.98).isMet(by: score) == true)
        #expect(QualityTarget.perfect.isMet(by: score) == false)
        #expect(QualityTarget.none.isMet(by: score) == nil)
    }

    @Test("missed copies are told apart by cause: read first, no candidate, below the policy, in a split part")
    func missCauses() {
        let stories = BuiltinNewsWriter(seed: 12).stories(3)
        var rng = SplitMix64(seed: 3)
        func record(_ article: NewsArticle, _ story: Int, _ kind: RecordKind, _ original: Int?) -> LabeledRecord {
            LabeledRecord(article: article, story: story, kind: kind, location: RecordLocation(file: "d", line: 0), original: original)
        }
        let unrelated = NewsArticle(title: "T", body: stories[2].body, published: stories[0].published, tags: [])
        let set = LabeledSet(records: [
            record(Truncation.copy(stories[0], percent: 80, rng: &rng), 1, .copy(.truncation(percent: 80)), 1),  // read first
            record(stories[0], 1, .original, nil),
            record(unrelated, 1, .copy(.wordEdits(percent: 5)), 1),  // shares nothing: no candidate
            record(stories[1], 2, .original, nil),
            record(WordEdits.copy(stories[1], percent: 5, rng: &rng), 2, .copy(.wordEdits(percent: 5)), 3),  // below policy
            record(Truncation.copy(stories[1], percent: 90, rng: &rng), 2, .copy(.truncation(percent: 90)), 3),
            record(Truncation.copy(stories[1], percent: 95, rng: &rng), 2, .copy(.truncation(percent: 95)), 3),
        ], files: ["d"])
        // The two cuts of story 2 ended in a story of their own.
        let causes = MissCauses(set: set, placements: Self.placed([1, 2, 3, 4, 5, 6, 6]), policy: .standard)
        let counts = Dictionary(uniqueKeysWithValues: causes.kinds.map { ($0.kind, $0) })
        #expect(counts[.truncation(percent: 80)]?.readFirst == 1)
        #expect(counts[.wordEdits(percent: 5)]?.missed == 2)
        #expect(counts[.wordEdits(percent: 5)]?.notCandidate == 1)
        #expect(counts[.wordEdits(percent: 5)]?.belowThresholds == 1)
        #expect(counts[.truncation(percent: 90)]?.joinedSplitPart == 1)
        #expect(counts[.truncation(percent: 95)]?.joinedSplitPart == 1)
    }
}
