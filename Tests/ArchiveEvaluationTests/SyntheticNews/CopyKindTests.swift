import ArchiveCore
import Testing
@testable import SyntheticNews

/// Each kind of copy is what its label claims, and nothing more.
@Suite("Copy kinds")
struct CopyKindTests {
    static let stories = BuiltinNewsWriter(seed: 3).stories(40)

    static func words(_ text: String) -> [String] { WordSpans(text).words.map(String.init) }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("exact: the same title and body under another release time")
    func exact() {
        for (index, story) in Self.stories.enumerated() {
            var rng = SplitMix64(seed: UInt64(index))
            let copy = ExactCopy.copy(story, rng: &rng)
            #expect(copy.title == story.title && copy.body == story.body && copy.tags == story.tags)
            #expect(copy.published != story.published)
        }
    }

    @Test("headline prefix: a known prefix before the same title; the body untouched")
    func headlinePrefix() {
        for (index, story) in Self.stories.enumerated() {
            var rng = SplitMix64(seed: UInt64(index))
            let copy = HeadlinePrefix.copy(story, rng: &rng)
            #expect(copy.body == story.body)
            #expect(copy.title.hasSuffix(story.title))
            #expect(HeadlinePrefix.prefixes.contains(String(copy.title.dropLast(story.title.count))))
        }
    }

    @Test("date change: a day later, and only weekdays, days and months in the text change")
    func dateChange() throws {
        let weekdays = Set(ReleaseTime.weekdayNames), months = Set(ReleaseTime.monthNames)
        var made = 0
        for (index, story) in Self.stories.enumerated() {
            var rng = SplitMix64(seed: UInt64(index))
            guard let copy = DateChange.copy(story, rng: &rng) else { continue }
            made += 1
            let before = Self.words(story.body), after = Self.words(copy.body)
            #expect(before.count == after.count)
            let changed = zip(before, after).filter { $0 != $1 }
            #expect(!changed.isEmpty || copy.title != story.title)
            for (old, new) in changed {
                let core = String(Substring(old).punctuated.core), newCore = String(Substring(new).punctuated.core)
                #expect(weekdays.contains(core) && weekdays.contains(newCore)
                        || months.contains(core) && months.contains(newCore)
                        || Int(core) != nil && Int(newCore) != nil, "\(old) -> \(new)")
            }
            let published = try #require(ReleaseTime(story.published)), moved = try #require(ReleaseTime(copy.published))
            #expect(abs(moved.day * 1440 + moved.minute - published.day * 1440 - published.minute - 1440) <= 120)
        }
        #expect(made > 30, "built-in stories mention their date")
        var rng = SplitMix64(seed: 1)
        let plain = NewsArticle(title: "No dates", body: "Nothing here says when it happened.", published: "2024-01-01 10:00", tags: [])
        #expect(DateChange.copy(plain, rng: &rng) == nil)
        #expect(DateChange.shifted("On Friday, 30 April and March 3, he left.").text == "On Saturday, 1 May and March 4, he left.")
    }

    @Test("white space: the words are the same, only spacing differs")
    func whitespace() {
        for (index, story) in Self.stories.enumerated() {
            var rng = SplitMix64(seed: UInt64(index))
            let copy = WhitespaceNoise.copy(story, rng: &rng)
            #expect(copy.body != story.body)
            #expect(Self.collapsed(copy.body) == Self.collapsed(story.body))
            #expect(Self.collapsed(copy.title) == Self.collapsed(story.title))
            // The archive's normal form makes it the same article.
            #expect(TextNormalizer.normalize(copy.body) == TextNormalizer.normalize(story.body))
        }
    }

    @Test("word edits: exactly the stated share of words replaced, by other words, punctuation kept", arguments: [1, 2, 3, 4, 5])
    func wordEdits(percent: Int) {
        for (index, story) in Self.stories.enumerated() {
            var rng = SplitMix64(seed: UInt64(index))
            let copy = WordEdits.copy(story, percent: percent, rng: &rng)
            #expect(copy.title == story.title)
            let before = Self.words(story.body), after = Self.words(copy.body)
            #expect(before.count == after.count)
            let changed = zip(before, after).filter { $0 != $1 }
            #expect(changed.count == WordEdits.replacedCount(percent: percent, of: before.count))
            #expect(abs(Double(changed.count) / Double(before.count) - Double(percent) / 100) <= 0.5 / Double(before.count) + 1e-9)
            for (old, new) in changed {
                let a = Substring(old).punctuated, b = Substring(new).punctuated
                #expect(a.leading == b.leading && a.trailing == b.trailing)
                #expect(a.core.lowercased() != b.core.lowercased())
            }
            // Line breaks and paragraphs are where they were.
            #expect(copy.body.filter { $0 == "\n" }.count == story.body.filter { $0 == "\n" }.count)
        }
    }

    @Test("truncation: a prefix of the stated share of the words, sometimes ending in the cut mark", arguments: [50, 60, 70, 80, 90, 95])
    func truncation(percent: Int) {
        var marked = 0
        for (index, story) in Self.stories.enumerated() {
            var rng = SplitMix64(seed: UInt64(index))
            let copy = Truncation.copy(story, percent: percent, rng: &rng)
            #expect(copy.title == story.title)
            var body = copy.body
            if body.hasSuffix(Truncation.cutMark) { body.removeLast(); marked += 1 }
            #expect(story.body.hasPrefix(body))
            let total = Self.words(story.body).count, kept = Self.words(body).count
            #expect(kept == Truncation.keptCount(percent: percent, of: total))
            #expect(abs(Double(kept) / Double(total) - Double(percent) / 100) <= 0.5 / Double(total) + 1e-9)
        }
        #expect(marked > 5 && marked < 35)
    }
}
