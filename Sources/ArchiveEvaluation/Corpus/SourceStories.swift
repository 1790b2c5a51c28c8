import Foundation

/// Where the originals of a labeled set come from.
public enum CorpusChoice: String, CaseIterable, Sendable {
    /// The BBC News corpus; an error when it is missing.
    case bbc
    /// The built-in news writer.
    case builtin
    /// The BBC corpus when present, else the built-in writer.
    case auto
}

/// The stories a labeled set is made of, and what they are.
public struct SourceStories: Sendable {
    /// `BBC News corpus` or `built-in news writer`.
    public var name: String
    public var stories: [NewsArticle]
    /// How the stories were chosen, for the report.
    public var note: String

    public struct Missing: Error, CustomStringConvertible {
        public let directory: String
        public var description: String { "the BBC corpus is not in \(directory) (train.csv, val.csv, test.csv)" }
    }

    /// Up to `count` stories (the BBC corpus has 2,124 distinct ones), in a seeded order
    /// so that originals and hard-negative bases are drawn from every category.
    public static func load(_ choice: CorpusChoice, bbcDirectory: String, count: Int, seed: UInt64) throws -> SourceStories {
        let useBBC = switch choice {
        case .bbc: true
        case .builtin: false
        case .auto: BBCCorpus.isPresent(in: bbcDirectory)
        }
        guard useBBC else {
            return SourceStories(name: "built-in news writer", stories: BuiltinNewsWriter(seed: seed).stories(count),
                                 note: "\(count) stories written from seed \(seed)")
        }
        guard BBCCorpus.isPresent(in: bbcDirectory) else { throw Missing(directory: bbcDirectory) }
        let distinct = try BBCCorpus.load(from: bbcDirectory, seed: seed)
        let (stories, setAside) = CorpusRepeats.withoutRepeats(distinct)
        var rng = SplitMix64(seed: seed, "bbc-order".seedValue)
        return SourceStories(name: "BBC News corpus", stories: Array(rng.shuffled(stories).prefix(count)),
                             note: "\(distinct.count) distinct texts in \(bbcDirectory), \(setAside) set aside "
                                + "as retellings of an earlier one (half their word 5-grams shared)")
    }
}
