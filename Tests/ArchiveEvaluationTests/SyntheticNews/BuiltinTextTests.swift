import ArchiveCore
import Testing
@testable import SyntheticNews

/// The built-in text: stories the writer makes from its phrasebook, the stand-in for the
/// BBC corpus in both tools.
@Suite("Built-in news writer")
struct BuiltinTextTests {
    @Test("the same seed gives the same stories, story by story")
    func deterministic() {
        #expect(BuiltinNewsWriter(seed: 1).stories(20) == BuiltinNewsWriter(seed: 1).stories(20))
        #expect(BuiltinNewsWriter(seed: 1).story(7) == BuiltinNewsWriter(seed: 1).stories(10)[7])
        #expect(BuiltinNewsWriter(seed: 1).stories(20) != BuiltinNewsWriter(seed: 2).stories(20))
    }

    @Test("built-in stories read as news and share no long runs of words by accident")
    func builtinStories() {
        let stories = BuiltinNewsWriter(seed: 21).stories(150)
        for story in stories {
            #expect((150...900).contains(WordSpans(story.body).count), "\(WordSpans(story.body).count) words")
            #expect(!story.body.contains("{") && !story.title.contains("{"))
            #expect(story.body.contains("\n\n"))
            #expect(story.title.first?.isUppercase == true)
        }
        var highest = 0.0
        let shingles = stories.map { Shingles(text: $0.body) }
        for i in stories.indices {
            for j in stories.indices where j > i {
                highest = max(highest, shingles[i].jaccard(shingles[j]))
            }
        }
        #expect(highest < 0.1, "two different built-in stories have Jaccard \(highest)")
        // Stock phrases recur, as in real news ("declined to comment on the cost"), but a run
        // long enough to be a copied passage never does, and a dozen words in a row rarely.
        let long = Self.pairsSharingRun(of: 20, in: stories.map(\.body))
        #expect(long.isEmpty, "stories sharing a run of 20 words: \(long.prefix(3))")
        let dozen = Set(Self.pairsSharingRun(of: 12, in: stories.map(\.body)).map { "\($0.0)-\($0.1)" })
        #expect(dozen.count * 100 < stories.count * (stories.count - 1) / 2, "\(dozen.count) pairs share 12 words in a row")
    }

    /// Pairs of texts (by index) with a run of `length` words in common (lower-cased).
    static func pairsSharingRun(of length: Int, in texts: [String]) -> [(Int, Int, String)] {
        var firstSeen: [String: Int] = [:]
        var pairs: [(Int, Int, String)] = []
        for (index, text) in texts.enumerated() {
            let words = CorpusRepeats.words(text)
            guard words.count >= length else { continue }
            var own = Set<String>()
            for start in 0...(words.count - length) {
                let run = words[start..<(start + length)].joined(separator: " ")
                guard own.insert(run).inserted else { continue }
                if let other = firstSeen[run] {
                    pairs.append((other, index, run))
                } else {
                    firstSeen[run] = index
                }
            }
        }
        return pairs
    }
}
