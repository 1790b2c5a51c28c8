import ArchiveCore
import SyntheticNews

/// The evaluation of near-duplicate detection on a labeled set: writes the dumps, imports
/// them into fresh archives (timed with and without detection), and scores the grouping
/// of the first archive imported with detection against the labels. With `keepArchive`
/// that archive stays in `directory` as `archive.db`.
public enum DedupEvaluation {
    public static func run(_ set: LabeledSet, corpus: String, directory: String, runs: Int, keepArchive: Bool = false,
                           examplesPerKind: Int = 3, mergeExamples: Int = 10) throws -> DedupReport {
        let paths = try LabeledSetWriter.write(set, to: directory)
        var placements: [ArchivePlacement?] = []
        var summary = ImportSummary()
        var policy = NearDuplicatePolicy.standard
        let timing = try ImportTiming.measure(paths: paths, runs: runs, directory: directory, keepInspected: keepArchive) { archive, imported in
            placements = try ArchivePlacement.read(archive, for: set)
            summary = imported
            policy = try archive.nearDuplicateState().policy
        }
        let count = { (test: (RecordKind) -> Bool) in set.records.filter { test($0.kind) }.count }
        return DedupReport(
            corpus: corpus,
            originals: count { $0 == .original },
            copies: count { if case .copy = $0 { true } else { false } },
            hardNegatives: count(\.isHardNegative),
            records: set.records.count,
            files: set.files,
            summary: summary,
            scores: DedupScores(set: set, placements: placements),
            missed: PairExamples.missed(set: set, placements: placements, perKind: examplesPerKind),
            wronglyMerged: PairExamples.wronglyMerged(set: set, placements: placements, limit: mergeExamples),
            timing: timing,
            signatures: SignatureAccuracy(set: set),
            missCauses: MissCauses(set: set, placements: placements, policy: policy))
    }
}
