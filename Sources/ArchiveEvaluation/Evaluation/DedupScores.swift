import SyntheticNews

/// The archive's grouping of a labeled set, scored against the labels: pair precision,
/// recall and F1 over all records, recall and precision per kind of copy, and the wrong
/// merges, split by what was merged.
public struct DedupScores: Equatable, Sendable {
    public var overall: PairScore
    public var kinds: [KindScore]
    /// Predicted pairs of different stories with a hard negative on at least one side.
    public var hardNegativeMerges: Int
    /// Predicted pairs of two originals of different stories (in a real corpus, often the
    /// same news told twice; see the examples).
    public var originalMerges: Int
    /// The other wrong pairs: a copy merged into a story not its own.
    public var copyMerges: Int
    /// Records the archive has no sighting of; each counts as a story of its own.
    public var unplaced: Int

    public func score(_ kind: CopyKind) -> KindScore? { kinds.first { $0.kind == kind } }

    /// Counts pairs through group sizes (story x cluster cells), never pair by pair.
    public init(set: LabeledSet, placements: [ArchivePlacement?]) {
        precondition(set.records.count == placements.count)
        // A record without a placement is a cluster of its own: negative ids never clash
        // with article ids.
        let clusters = placements.enumerated().map { $0.element?.story ?? -Int64($0.offset + 1) }
        unplaced = placements.filter { $0 == nil }.count

        var clusterSize: [Int64: Int] = [:]
        var storySize: [Int: Int] = [:]
        var cell: [Cell: Int] = [:]
        var membersByCluster: [Int64: [Int]] = [:]
        for (index, record) in set.records.enumerated() {
            clusterSize[clusters[index], default: 0] += 1
            storySize[record.story, default: 0] += 1
            cell[Cell(cluster: clusters[index], story: record.story), default: 0] += 1
            membersByCluster[clusters[index], default: []].append(index)
        }
        overall = PairScore(
            truePairs: storySize.values.reduce(0) { $0 + PairScore.pairs($1) },
            predictedPairs: clusterSize.values.reduce(0) { $0 + PairScore.pairs($1) },
            correctPairs: cell.values.reduce(0) { $0 + PairScore.pairs($1) })

        var kinds: [CopyKind: KindScore] = [:]
        for (index, record) in set.records.enumerated() {
            guard case .copy(let kind) = record.kind, let original = record.original else { continue }
            var score = kinds[kind] ?? KindScore(kind: kind, pairs: 0, found: 0, predictedPartners: 0, correctPartners: 0)
            score.pairs += 1
            let found = clusters[index] == clusters[original]
            if found { score.found += 1 }
            // Records are in import order: files in order, lines in order.
            if index < original {
                score.readFirst += 1
                if found { score.foundReadFirst += 1 }
            }
            score.predictedPartners += clusterSize[clusters[index]]! - 1
            score.correctPartners += cell[Cell(cluster: clusters[index], story: record.story)]! - 1
            kinds[kind] = score
        }
        self.kinds = CopyKind.allCases.compactMap { kinds[$0] }

        var negative = 0, originals = 0, wrong = 0
        for members in membersByCluster.values where members.count > 1 {
            var perStory: [Int: (all: Int, plain: Int, originals: Int)] = [:]
            for index in members {
                let record = set.records[index]
                var counts = perStory[record.story] ?? (0, 0, 0)
                counts.all += 1
                if !record.kind.isHardNegative { counts.plain += 1 }
                if record.kind == .original { counts.originals += 1 }
                perStory[record.story] = counts
            }
            let stories = Array(perStory.values)
            wrong += Self.pairsAcross(stories.map(\.all))
            negative += Self.pairsAcross(stories.map(\.all)) - Self.pairsAcross(stories.map(\.plain))
            originals += Self.pairsAcross(stories.map(\.originals))
        }
        hardNegativeMerges = negative
        originalMerges = originals
        copyMerges = wrong - negative - originals
    }

    /// Pairs whose two sides lie in different groups of the given sizes.
    static func pairsAcross(_ sizes: [Int]) -> Int {
        let total = sizes.reduce(0, +)
        return (total * total - sizes.reduce(0) { $0 + $1 * $1 }) / 2
    }

    private struct Cell: Hashable {
        let cluster: Int64
        let story: Int
    }
}
