import ArchiveCore

/// The stories the tools start from, and what they are: the one corpus loader. The
/// evaluation makes its originals and hard negatives of them; the benchmark learns its
/// word chain from them.
public struct SourceStories: Sendable {
    /// `BBC News corpus` or `built-in news writer`.
    public var name: String
    public var stories: [NewsArticle]
    /// How the stories were chosen, for the report.
    public var note: String

    public struct Missing: Error, CustomStringConvertible {
        public let directory: String
        public var description: String { "the BBC corpus is not in \(directory) (\(BBCCorpus.files.joined(separator: ", ")))" }
    }

    /// Up to `count` stories (the BBC corpus has 2,124 distinct ones; the writer writes
    /// exactly `count`), in a seeded order so that any prefix is drawn from every category.
    public static func load(_ choice: CorpusChoice, folder: String = CorpusFolder.bbc, count: Int,
                            seed: UInt64) throws -> SourceStories {
        switch choice.resolved(folder: folder) {
        case .builtin:
            return SourceStories(name: "built-in news writer", stories: BuiltinNewsWriter(seed: seed).stories(count),
                                 note: "\(count) stories written from seed \(seed)")
        case .bbc, .auto:
            guard BBCCorpus.isPresent(in: folder) else { throw Missing(directory: folder) }
            let distinct = try BBCCorpus.load(from: folder, seed: seed)
            let (stories, setAside) = CorpusRepeats.withoutRepeats(distinct)
            var rng = SplitMix64(seed: seed, "bbc-order".seedValue)
            return SourceStories(name: "BBC News corpus", stories: Array(rng.shuffled(stories).prefix(count)),
                                 note: "\(distinct.count) distinct texts in \(folder), \(setAside) set aside "
                                    + "as retellings of an earlier one (half their word 5-grams shared)")
        }
    }
}
