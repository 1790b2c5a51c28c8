import ArchiveCore
import SyntheticNews

/// Makes a labeled set from source stories: the first ones become originals with their
/// copies, the next ones hard negatives (with shared boilerplate or a shared lead), and
/// market reports are added; then everything is shuffled into dump files.
public enum LabeledSetBuilder {
    /// A record before it has a place in a file.
    struct Draft {
        var article: NewsArticle
        var story: Int
        var kind: RecordKind
        /// Index of the story's original among the drafts.
        var original: Int?
    }

    /// `sources` must hold `shape.sourceStories` stories; with fewer, fewer originals are made.
    public static func build(sources: [NewsArticle], shape: LabeledSetShape, seed: UInt64) -> LabeledSet {
        let originals = max(0, min(shape.originals, sources.count - shape.negativeBases))
        var drafts = originalsAndCopies(Array(sources.prefix(originals)), shape: shape, seed: seed)
        let bases = Array(sources.dropFirst(originals).prefix(shape.negativeBases))
        drafts += hardNegatives(bases: bases, firstStory: originals + 1, shape: shape, seed: seed)
        return layout(drafts, shape: shape, seed: seed)
    }

    static func originalsAndCopies(_ stories: [NewsArticle], shape: LabeledSetShape, seed: UInt64) -> [Draft] {
        var drafts: [Draft] = []
        for (index, story) in stories.enumerated() {
            let number = index + 1
            let originalIndex = drafts.count
            drafts.append(Draft(article: story, story: number, kind: .original))
            var choice = SplitMix64(seed: seed, "copy-kinds".seedValue, UInt64(number))
            guard !choice.chance(shape.storiesWithoutCopies) else { continue }
            for kind in CopyKind.allCases where choice.chance(shape.copyChance) {
                guard let copy = kind.make(from: story, seed: seed, number: UInt64(number)) else { continue }
                drafts.append(Draft(article: copy, story: number, kind: .copy(kind), original: originalIndex))
            }
        }
        return drafts
    }

    static func hardNegatives(bases: [NewsArticle], firstStory: Int, shape: LabeledSetShape, seed: UInt64) -> [Draft] {
        var rng = SplitMix64(seed: seed, "hard-negatives".seedValue)
        var drafts: [Draft] = []
        var remaining = bases[...]
        func add(_ articles: [NewsArticle], _ kind: HardNegativeKind) {
            for article in articles {
                drafts.append(Draft(article: article, story: firstStory + drafts.count, kind: .negative(kind)))
            }
        }
        func take() -> [NewsArticle] {
            let members = Array(remaining.prefix(rng.between(shape.groupSize)))
            remaining = remaining.dropFirst(members.count)
            return members
        }
        for group in 0..<shape.boilerplateGroups {
            let paragraph = SharedBoilerplate.paragraphs[group % SharedBoilerplate.paragraphs.count]
            add(SharedBoilerplate.group(take(), paragraph: paragraph), .sharedBoilerplate)
        }
        for group in 0..<shape.leadGroups {
            add(SharedLead.group(take(), sentence: SharedLead.sentences[group % SharedLead.sentences.count]), .sharedLead)
        }
        var reports = MarketReport(seed: seed, firstDay: ReleaseTime(year: 2024, month: 3, day: 1))
        add((0..<shape.marketDays).map { _ in reports.next() }, .marketTemplate)
        return drafts
    }

    /// Copies go to the second file at the shape's rate, everything else to the first;
    /// each file is shuffled, so a copy may come before its original, as in real dumps.
    static func layout(_ drafts: [Draft], shape: LabeledSetShape, seed: UInt64) -> LabeledSet {
        var rng = SplitMix64(seed: seed, "layout".seedValue)
        var first: [Int] = []
        var second: [Int] = []
        for (index, draft) in drafts.enumerated() {
            if case .copy = draft.kind, rng.chance(shape.secondFileShare) { second.append(index) } else { first.append(index) }
        }
        rng.shuffle(&first)
        rng.shuffle(&second)
        var records: [LabeledRecord] = []
        var recordIndex = [Int](repeating: 0, count: drafts.count)
        var files: [String] = []
        for (name, order) in [(LabeledSet.firstFile, first), (LabeledSet.secondFile, second)] where !order.isEmpty {
            files.append(name)
            for (line, draftIndex) in order.enumerated() {
                let draft = drafts[draftIndex]
                recordIndex[draftIndex] = records.count
                records.append(LabeledRecord(article: draft.article, story: draft.story, kind: draft.kind,
                                             location: RecordLocation(file: name, line: line + 1), original: draft.original))
            }
        }
        // Draft indexes of originals become record indexes now that all have places.
        for index in records.indices {
            records[index].original = records[index].original.map { recordIndex[$0] }
        }
        return LabeledSet(records: records, files: files)
    }
}
