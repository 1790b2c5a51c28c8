import SyntheticNews

/// Picks the pairs a tuner of the detection should look at: for each kind of copy, a few
/// copies not joined to their original (those read after their original first: order
/// cannot excuse them); and a few pairs of different stories merged, hard negatives first.
public enum PairExamples {
    public static func missed(set: LabeledSet, placements: [ArchivePlacement?], perKind: Int) -> [PairExample] {
        var misses: [CopyKind: [(index: Int, original: Int)]] = [:]
        for (index, record) in set.records.enumerated() {
            guard case .copy(let kind) = record.kind, let original = record.original,
                  placements[index]?.story == nil || placements[index]?.story != placements[original]?.story else { continue }
            misses[kind, default: []].append((index, original))
        }
        return CopyKind.allCases.flatMap { kind in
            // Records are in import order: a copy before its original was read first.
            let ordered = misses[kind, default: []].filter { $0.index > $0.original } + misses[kind, default: []].filter { $0.index < $0.original }
            return ordered.prefix(perKind).map { miss in
                var example = example(set.records[miss.original], set.records[miss.index], link: nil)
                example.note = (miss.index < miss.original ? "copy read first" : "copy read after its original")
                    + "; original " + whereIs(miss.original, set: set, placements: placements)
                    + "; copy " + whereIs(miss.index, set: set, placements: placements)
                return example
            }
        }
    }

    public static func wronglyMerged(set: LabeledSet, placements: [ArchivePlacement?], limit: Int) -> [PairExample] {
        var byCluster: [Int64: [Int]] = [:]
        for (index, placement) in placements.enumerated() {
            if let placement { byCluster[placement.story, default: []].append(index) }
        }
        var examples: [PairExample] = []
        for cluster in byCluster.keys.sorted() {
            // One record per story in the cluster: its original when present.
            var representative: [Int: Int] = [:]
            for index in byCluster[cluster]! {
                let story = set.records[index].story
                if representative[story] == nil || set.records[index].kind == .original { representative[story] = index }
            }
            guard representative.count > 1 else { continue }
            let members = representative.values.sorted()
            for (a, b) in zip(members, members.dropFirst()) {
                let link = [placements[b], placements[a]].compactMap { $0 }.first { $0.linkRule != nil }
                examples.append(example(set.records[a], set.records[b], link: link.map {
                    "\($0.linkRule!) \(DecimalText.fixed($0.linkSimilarity ?? 0, places: 2))"
                }))
            }
        }
        // Hard negatives first: they are the targets' "zero merges".
        let sorted = examples.filter { $0.first.kind.isHardNegative || $0.second.kind.isHardNegative }
            + examples.filter { !$0.first.kind.isHardNegative && !$0.second.kind.isHardNegative }
        return Array(sorted.prefix(limit))
    }

    /// `alone`, `heads its story` or `in the story headed by <kind> <location>`.
    static func whereIs(_ index: Int, set: LabeledSet, placements: [ArchivePlacement?]) -> String {
        guard let placement = placements[index] else { return "not in the archive" }
        if placement.story == placement.article {
            let others = placements.indices.filter { $0 != index && placements[$0]?.story == placement.story && placements[$0]?.article != placement.article }
            return others.isEmpty ? "alone" : "heads a story of \(others.count + 1) versions"
        }
        guard let head = placements.firstIndex(where: { $0?.article == placement.story }) else { return "in story \(placement.story)" }
        return "in the story headed by \(set.records[head].kind) \(set.records[head].location)"
            + (set.records[head].story == set.records[index].story ? "" : " (another story)")
    }

    static func example(_ first: LabeledRecord, _ second: LabeledRecord, link: String?) -> PairExample {
        PairExample(first: first, second: second, comparison: PairComparison(first.article.body, second.article.body), link: link, note: nil)
    }
}
