import ArchiveEvaluation
import ArgumentParser
import Foundation
import SyntheticNews

/// `archive-eval dedup`: builds a labeled set, imports it, prints the scores against the
/// issue's targets and the time detection adds. It reports; a missed target is not a
/// failure of the command, so it exits 0 unless it could not run at all.
struct DedupEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Evaluate near-duplicate detection: pair precision, recall and F1 per kind of copy, and its import time.",
        discussion: """
            Builds a labeled set: originals (the BBC News corpus, or built-in stories), copies of each \
            (exact, headline prefix, date change, white space, 1-5% of words replaced, cut to 50-95% of \
            the words) and hard negatives (different stories sharing a closing paragraph or a lead \
            sentence; 30 days of one market-report template). Writes dump-1.jsonl, dump-2.jsonl (some \
            copies, for duplicates across files) and labels.jsonl ({file, line, story, kind, original}), \
            imports the dumps into fresh archives with and without near-duplicate detection (alternately, \
            --runs times each) and scores the first archive with detection: two records are predicted \
            to be one story when their articles have the same coalesce(duplicate_of, id). Exits 0 \
            whether or not the targets are met.
            """)

    @Option(help: "Where originals come from: bbc, builtin, or auto (bbc when present).")
    var corpus: CorpusChoice = .auto

    @Option(help: "Number of original stories (default: all of the BBC corpus not used for hard negatives; 2000 built-in).")
    var originals: Int?

    @Option(help: "Keep the dumps, labels and the scored archive (archive.db) in this folder (default: a temporary folder, removed after).")
    var out: String?

    @Option(help: "Imports timed with and without detection, each.")
    var runs: Int = 3

    @Option(help: "Seed of the labeled set.")
    var seed: UInt64 = 20_240_414

    @Option(help: "Folder of the BBC corpus (train.csv, val.csv, test.csv).")
    var bbc: String = CorpusFolder.bbc

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        if let originals, originals < 1 { throw ValidationError("--originals must be at least 1") }
    }

    func run() throws {
        var shape = LabeledSetShape.standard(originals: originals ?? 2_000)
        let choice = corpus.resolved(folder: bbc)
        let wanted = originals.map { $0 + shape.negativeBases } ?? (choice == .builtin ? shape.sourceStories : Int.max)
        let sources = try SourceStories.load(choice, folder: bbc, count: wanted, seed: seed)
        shape.originals = min(originals ?? Int.max, sources.stories.count - shape.negativeBases)
        note("building a labeled set from the \(sources.name): \(shape.originals) originals")
        let set = LabeledSetBuilder.build(sources: sources.stories, shape: shape, seed: seed)

        let directory = out ?? NSTemporaryDirectory() + "archive-eval-\(ProcessInfo.processInfo.processIdentifier)"
        defer { if out == nil { try? FileManager.default.removeItem(atPath: directory) } }
        note("importing \(set.records.count) records \(runs) times with and \(runs) times without near-duplicate detection")
        let report = try DedupEvaluation.run(set, corpus: sources.name, directory: directory, runs: runs, keepArchive: out != nil)
        print(ReportTable(report: report, seed: seed, sourceNote: sources.note).text)
        if let out { note("dumps, labels.jsonl and the scored archive.db are in \(out)") }
    }

    private func note(_ message: String) {
        FileHandle.standardError.write(Data("archive-eval: \(message)\n".utf8))
    }
}

extension CorpusChoice: ExpressibleByArgument {}
