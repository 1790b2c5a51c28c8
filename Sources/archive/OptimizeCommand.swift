import ArgumentParser
import ArchiveCore
import Foundation

struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Merge each full-text index into one segment (the merging imports leave for later).",
        discussion: """
            Imports add new segments to the full-text indexes and merge only small ones, which keeps \
            daily imports into a large archive fast. Run this now and then (after many imports, or \
            before handing the file on) to merge them all; each index is merged in one transaction, \
            rewriting it whole.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print one JSON object per index, a line each: {index, segments_before, segments_after, seconds}.")
    var json = false

    func run() throws {
        try perform {
            let (archive, lock) = try archive.openWriter()
            defer { archive.close(); withExtendedLifetime(lock) {} }
            try archive.optimize { report in
                if json {
                    print(try WireJSON.string(report))
                } else if report.segmentsBefore == 0 {
                    print("\(report.index): empty")
                } else {
                    let seconds = String(format: "%.1f", report.seconds)
                    print("\(report.index): \(report.segmentsBefore) segments merged into \(report.segmentsAfter) (\(seconds) s)")
                }
            }
        }
    }
}
