import Testing
@testable import ArchiveEvaluation
@testable import SyntheticNews

/// Hard negatives share exactly the text they are meant to share, and are different
/// stories otherwise.
@Suite("Hard negatives")
struct HardNegativeTests {
    static let bases = BuiltinNewsWriter(seed: 11).stories(6)

    @Test("boilerplate: 40-60 words appended as the last paragraph, the rest as it was")
    func boilerplate() {
        for paragraph in SharedBoilerplate.paragraphs {
            #expect((40...60).contains(WordSpans(paragraph).count), "\(WordSpans(paragraph).count) words: \(paragraph)")
        }
        let paragraph = SharedBoilerplate.paragraphs[0]
        let group = SharedBoilerplate.group(Self.bases, paragraph: paragraph)
        for (story, base) in zip(group, Self.bases) {
            #expect(story.body == base.body + "\n\n" + paragraph)
            #expect(story.title == base.title)
        }
        #expect(Set(group.map(\.body)).count == group.count)
    }

    @Test("shared lead: the same first sentence before different bodies")
    func sharedLead() {
        let sentence = SharedLead.sentences[1]
        let group = SharedLead.group(Self.bases, sentence: sentence)
        for (story, base) in zip(group, Self.bases) {
            #expect(story.body == sentence + " " + base.body)
        }
        // Long enough to be all of the archive's lead key (its first 12 words).
        for sentence in SharedLead.sentences {
            #expect(WordSpans(sentence).count >= 15)
        }
    }

    @Test("market reports: one template on consecutive weekdays, every day's numbers different")
    func marketReports() throws {
        var reports = MarketReport(seed: 5, firstDay: ReleaseTime(year: 2024, month: 3, day: 1))
        let days = (0..<30).map { _ in reports.next() }
        #expect(Set(days.map(\.body)).count == 30)
        #expect(Set(days.map { String($0.published.prefix(10)) }).count == 30)
        for day in days {
            let released = try #require(ReleaseTime(day.published))
            #expect((1...5).contains(released.weekday))
            #expect(day.body.hasPrefix("Chinese stocks closed "))
            #expect(day.body.contains("which tracks China's Nasdaq-style board of growth enterprises"))
            // Its own weekday, as the text says.
            #expect(day.body.contains(" on \(ReleaseTime.weekdayNames[released.weekday]), with the benchmark"))
        }
    }

    @Test("in a labeled set, every hard negative is a story of its own, in groups of the shape's size")
    func inLabeledSet() {
        let shape = LabeledSetShape.small
        let set = LabeledSetBuilder.build(sources: BuiltinNewsWriter(seed: 2).stories(shape.sourceStories), shape: shape, seed: 2)
        let negatives = set.records.filter(\.kind.isHardNegative)
        #expect(Set(negatives.map(\.story)).count == negatives.count)
        #expect(Set(negatives.map(\.story)).isDisjoint(with: set.records.filter { !$0.kind.isHardNegative }.map(\.story)))
        #expect(set.records(of: .negative(.marketTemplate)).count == shape.marketDays)
        for paragraph in SharedBoilerplate.paragraphs.prefix(shape.boilerplateGroups) {
            let sharing = set.records.filter { $0.article.body.hasSuffix("\n\n" + paragraph) }
            #expect(shape.groupSize.contains(sharing.count))
            #expect(sharing.allSatisfy { $0.kind == .negative(.sharedBoilerplate) })
        }
        for sentence in SharedLead.sentences.prefix(shape.leadGroups) {
            let sharing = set.records.filter { $0.article.body.hasPrefix(sentence + " ") }
            #expect(shape.groupSize.contains(sharing.count))
            #expect(sharing.allSatisfy { $0.kind == .negative(.sharedLead) })
        }
    }
}
