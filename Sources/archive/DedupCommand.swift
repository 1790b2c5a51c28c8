import ArgumentParser
import ArchiveCore
import Foundation

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Check the whole archive for near duplicates again (e.g. with other thresholds).",
        discussion: """
            Continues an interrupted or pending check; otherwise forgets every near-duplicate link and \
            checks all articles again in import order. Each batch is a transaction: stop it at any \
            time and run it again to finish. The thresholds given are kept for later imports.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "Shingle Jaccard at or above which two texts are one story (default: the archive's, initially 0.8).")
    var jaccard: Double?

    @Option(help: "Share of a shorter text's shingles found in a longer one that makes it a cut-short copy (initially 0.9).")
    var containment: Double?

    @Option(help: "The containment rule needs the shorter text to have this many shingles (initially 50).")
    var minShingles: Int?

    @Flag(help: "Start over even if a check is pending.")
    var restart = false

    func validate() throws {
        for (name, value) in [("--jaccard", jaccard), ("--containment", containment)] {
            if let value, !(value > 0 && value <= 1) { throw ValidationError("\(name) must be in (0, 1]") }
        }
        if let minShingles, minShingles < 1 { throw ValidationError("--min-shingles must be at least 1") }
    }

    func run() throws {
        try perform {
            let (archive, lock) = try archive.openWriter()
            defer { archive.close(); withExtendedLifetime(lock) {} }
            let current = try archive.nearDuplicateState().policy
            var policy: NearDuplicatePolicy?
            if jaccard != nil || containment != nil || minShingles != nil {
                policy = NearDuplicatePolicy(jaccard: jaccard ?? current.jaccard, containment: containment ?? current.containment,
                                             minimumShingles: minShingles ?? current.minimumShingles)
            }
            let showsProgress = Terminal.stderrIsTerminal
            let started = Date()
            let result = try archive.dedup(policy: policy, restart: restart, batchSize: TuningKnobs.dedupBatch) { checked, total in
                if showsProgress { Terminal.writeError("\r\u{1B}[Kchecked \(grouped(checked)) of \(grouped(total)) articles") }
            }
            if showsProgress { Terminal.writeError("\r\u{1B}[K") }
            let used = result.policy
            print("\(result.resumed ? "resumed: " : "")checked \(counted(result.checked, "article")), \(counted(result.versions, "near duplicate")) "
                  + "(jaccard \(used.jaccard), containment \(used.containment), min shingles \(used.minimumShingles)) "
                  + "in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        }
    }
}
