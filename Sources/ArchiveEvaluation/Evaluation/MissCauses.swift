import ArchiveCore
import SyntheticNews

/// Why copies were not joined to their original, kind by kind, judged by the archive's
/// own measures: read before the original (the detector links a new article to one
/// story and never merges two it already has); never a candidate (no LSH band and no
/// lead key shared); a candidate below the policy's thresholds; a candidate that matches
/// but joined another part of its own story, split off earlier by copies read before
/// the original; or none of these (the candidate limit, a better match elsewhere).
public struct MissCauses: Equatable, Sendable {
    public struct Counts: Equatable, Sendable {
        public var kind: CopyKind
        public var missed = 0
        public var readFirst = 0
        public var notCandidate = 0
        public var belowThresholds = 0
        public var joinedSplitPart = 0
        public var other = 0
    }

    public var kinds: [Counts]
    public var policy: NearDuplicatePolicy

    public init(set: LabeledSet, placements: [ArchivePlacement?], policy: NearDuplicatePolicy) {
        self.policy = policy
        var counts: [CopyKind: Counts] = [:]
        // Records of each labeled story in each of the archive's stories.
        var together: [String: Int] = [:]
        for (index, record) in set.records.enumerated() {
            if let story = placements[index]?.story { together["\(story) \(record.story)", default: 0] += 1 }
        }
        for (index, record) in set.records.enumerated() {
            guard case .copy(let kind) = record.kind, let original = record.original,
                  placements[index]?.story == nil || placements[index]?.story != placements[original]?.story else { continue }
            var tally = counts[kind] ?? Counts(kind: kind)
            tally.missed += 1
            if index < original {
                tally.readFirst += 1
            } else {
                let a = Shingles(text: set.records[original].article.body), b = Shingles(text: record.article.body)
                let keys = (CandidateKeys(a), CandidateKeys(b))
                let candidate = !Set(keys.0.all).isDisjoint(with: keys.1.all)
                if !candidate {
                    tally.notCandidate += 1
                } else if policy.match(a, b) == nil {
                    tally.belowThresholds += 1
                } else if let story = placements[index]?.story, together["\(story) \(record.story)", default: 0] > 1 {
                    tally.joinedSplitPart += 1
                } else {
                    tally.other += 1
                }
            }
            counts[kind] = tally
        }
        kinds = CopyKind.allCases.compactMap { counts[$0] }
    }
}
