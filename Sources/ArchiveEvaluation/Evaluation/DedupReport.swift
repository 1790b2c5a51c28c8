import ArchiveCore
import SyntheticNews

/// Everything one evaluation found: what was imported, the scores against the labels,
/// example pairs to look at, and the time detection adds to an import.
public struct DedupReport: Equatable, Sendable {
    public var corpus: String
    public var originals: Int
    public var copies: Int
    public var hardNegatives: Int
    public var records: Int
    public var files: [String]
    /// The import that was scored (the first with detection).
    public var summary: ImportSummary
    public var scores: DedupScores
    public var missed: [PairExample]
    public var wronglyMerged: [PairExample]
    public var timing: ImportTiming
    public var signatures: SignatureAccuracy
    public var missCauses: MissCauses

    /// Rows with a target and whether each is met.
    public var verdicts: [(kind: CopyKind, target: QualityTarget, met: Bool?)] {
        scores.kinds.map { score in
            let target = QualityTarget.target(for: score.kind)
            return (score.kind, target, target.isMet(by: score))
        }
    }

    public var meetsPrecisionTarget: Bool { scores.overall.precision >= QualityTarget.overallPrecision }

    /// True when every target of the issue is met.
    public var meetsAllTargets: Bool {
        meetsPrecisionTarget && scores.hardNegativeMerges == 0 && verdicts.allSatisfy { $0.met != false }
    }

    public static func == (lhs: DedupReport, rhs: DedupReport) -> Bool {
        lhs.corpus == rhs.corpus && lhs.records == rhs.records && lhs.files == rhs.files && lhs.summary == rhs.summary
            && lhs.scores == rhs.scores && lhs.missed == rhs.missed && lhs.wronglyMerged == rhs.wronglyMerged
            && lhs.timing == rhs.timing && lhs.signatures == rhs.signatures
            && lhs.missCauses == rhs.missCauses
    }
}
