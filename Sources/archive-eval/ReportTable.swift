import ArchiveEvaluation
import Foundation
import SyntheticNews

/// The evaluation as `make eval-dedup` prints it: what was imported, a row per kind of
/// copy (pairs, recall, precision, target, PASS or MISS), the overall pair scores, the
/// wrong merges, the import times, then example pairs for whoever tunes the detection.
struct ReportTable {
    let report: DedupReport
    let seed: UInt64
    let sourceNote: String

    var text: String {
        var lines: [String] = []
        let scores = report.scores
        lines.append("Near-duplicate detection on the \(report.corpus) (seed \(seed))")
        lines.append("sources: \(sourceNote)")
        lines.append("\(report.originals) originals + \(report.copies) copies + \(report.hardNegatives) hard negatives = "
                     + "\(report.records) records in \(report.files.joined(separator: ", "))")
        let summary = report.summary
        lines.append("imported: \(summary.records) records, \(summary.inserted) articles, \(summary.duplicates) exact duplicates, "
                     + "\(summary.nearDuplicates) linked as near duplicates, \(summary.errors) errors"
                     + (scores.unplaced > 0 ? "; \(scores.unplaced) records not found in the archive" : ""))
        lines.append("")
        lines.append("pairs: (original, copy) pairs of the kind; found: put in one story; precision: of the records merged with")
        lines.append("a copy of the kind, the share of its own story; copy 1st: copies read before their original;")
        lines.append("R copy 1st: their recall; R orig 1st: the recall of the copies read after their original")
        lines.append(row("kind", "pairs", "found", "recall", "precision", "target", "result")
                     + pad("copy 1st", 10, right: true) + pad("R copy 1st", 12, right: true) + pad("R orig 1st", 12, right: true))
        for verdict in report.verdicts {
            guard let score = scores.score(verdict.kind) else { continue }
            let readFirst = score.readFirst == 0 ? "-" : fixed(Double(score.foundReadFirst) / Double(score.readFirst))
            lines.append(row(verdict.kind.label, "\(score.pairs)", "\(score.found)", fixed(score.recall), fixed(score.precision),
                             verdict.target.description, result(verdict.met))
                         + pad("\(score.readFirst)", 10, right: true) + pad(readFirst, 12, right: true)
                         + pad(fixed(score.recallOriginalFirst), 12, right: true))
        }
        let overall = scores.overall
        lines.append(row("overall (all pairs)", "\(overall.truePairs)", "\(overall.correctPairs)", fixed(overall.recall),
                         fixed(overall.precision), "P >= \(QualityTarget.overallPrecision)", result(report.meetsPrecisionTarget))
                     + "  F1 \(fixed(overall.f1))")
        lines.append(row("hard-negative merges", "\(scores.hardNegativeMerges)", "", "", "", "0", result(scores.hardNegativeMerges == 0)))
        lines.append("")
        lines.append("wrong pairs: \(overall.predictedPairs - overall.correctPairs) of \(overall.predictedPairs) predicted: "
                     + "\(scores.hardNegativeMerges) with a hard negative, \(scores.originalMerges) between two originals, "
                     + "\(scores.copyMerges) with a copy in another story")
        let missedReadFirst = scores.kinds.reduce(0) { $0 + $1.missedReadFirst }
        let missed = scores.kinds.reduce(0) { $0 + $1.missed }
        if missed > 0 {
            lines.append("missed copies: \(missed), of which \(missedReadFirst) were read before their original")
        }
        let signatures = report.signatures
        lines.append("MinHash signatures over \(signatures.pairs) (original, copy) pairs: mean Jaccard \(fixed(signatures.meanJaccard, 3)), "
                     + "mean estimate \(fixed(signatures.meanEstimate, 3)), mean |error| \(fixed(signatures.meanAbsoluteError, 3)) "
                     + "(\(fixed(signatures.expectedAbsoluteError, 3)) expected of \(signatures.permutations) independent hash functions)")
        lines.append("reference: MinHash+LSH on the CORE benchmark (published): precision 0.959, recall 0.942")
        lines.append("all targets: \(report.meetsAllTargets ? "PASS" : "MISS")")
        lines.append("")
        let causes = report.missCauses
        if !causes.kinds.isEmpty {
            let policy = causes.policy
            lines.append("why copies were missed, by the archive's own measures (policy: Jaccard >= \(policy.jaccard), or containment >= "
                         + "\(policy.containment) with >= \(policy.minimumShingles) shingles).")
            lines.append("read first: before its original; no candidate: no LSH band or lead key shared; below policy: a candidate, too different;")
            lines.append("in a split part: matched, but joined a part of its story split off by copies read before the original")
            lines.append(pad("kind", 22) + pad("missed", 8, right: true) + pad("read first", 12, right: true)
                         + pad("no candidate", 14, right: true) + pad("below policy", 14, right: true) + pad("in a split part", 17, right: true)
                         + pad("other", 7, right: true))
            for counts in causes.kinds {
                lines.append(pad(counts.kind.label, 22) + pad("\(counts.missed)", 8, right: true) + pad("\(counts.readFirst)", 12, right: true)
                             + pad("\(counts.notCandidate)", 14, right: true) + pad("\(counts.belowThresholds)", 14, right: true)
                             + pad("\(counts.joinedSplitPart)", 17, right: true) + pad("\(counts.other)", 7, right: true))
            }
            lines.append("")
        }
        let timing = report.timing
        lines.append("import time (median of \(timing.withDetection.count) runs each, alternated):")
        lines.append("  without near-duplicate detection  \(DecimalText.fixed(timing.medianWithout, places: 2)) s  "
                     + "(runs: \(timing.withoutDetection.map { DecimalText.fixed($0, places: 2) }.joined(separator: ", ")))")
        lines.append("  with near-duplicate detection     \(DecimalText.fixed(timing.medianWith, places: 2)) s  "
                     + "(runs: \(timing.withDetection.map { DecimalText.fixed($0, places: 2) }.joined(separator: ", ")))")
        let perThousand = report.records > 0 ? timing.added / Double(report.records) * 1000 : 0
        lines.append("  detection adds                    \(DecimalText.fixed(timing.added, places: 2)) s  "
                     + "(x\(DecimalText.fixed(timing.ratio, places: 2)), \(DecimalText.fixed(perThousand, places: 3)) s per 1,000 records)")
        if !report.missed.isEmpty {
            lines.append("")
            lines.append("copies not joined to their original (up to 3 per kind):")
            lines += report.missed.map(describe)
        }
        if !report.wronglyMerged.isEmpty {
            lines.append("")
            lines.append("different stories merged (hard negatives first):")
            lines += report.wronglyMerged.map(describe)
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ kind: String, _ pairs: String, _ found: String, _ recall: String, _ precision: String,
                     _ target: String, _ result: String) -> String {
        pad(kind, 22) + pad(pairs, 8, right: true) + pad(found, 8, right: true) + pad(recall, 9, right: true)
            + pad(precision, 11, right: true) + "  " + pad(target, 12) + pad(result, 6)
    }

    private func describe(_ example: PairExample) -> String {
        let c = example.comparison
        return """
              [\(example.first.kind) \(example.first.location) | \(example.second.kind) \(example.second.location)] \
            "\(short(example.first.article.title))" / "\(short(example.second.article.title))"
                words \(c.words.0)/\(c.words.1), shingles \(c.shingles.0)/\(c.shingles.1), Jaccard \(fixed(c.jaccard, 3)) (MinHash \(fixed(c.estimatedJaccard, 3))), \
            containment \(fixed(c.containment, 3)), shared bands \(c.sharedBands)/\(c.bands), same lead \(c.sameLead ? "yes" : "no")\
            \(example.link.map { ", linked by \($0)" } ?? "")\(example.note.map { "\n        \($0)" } ?? "")
            """
    }

    private func short(_ title: String) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        return trimmed.count <= 60 ? trimmed : String(trimmed.prefix(57)) + "..."
    }

    private func result(_ met: Bool?) -> String {
        switch met {
        case true?: "PASS"
        case false?: "MISS"
        case nil: "-"
        }
    }

    private func fixed(_ value: Double, _ places: Int = 4) -> String { DecimalText.fixed(value, places: places) }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
