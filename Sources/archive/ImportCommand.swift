import ArgumentParser
import ArchiveCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import dumps (text, JSON Lines, CSV) into the archive, keeping each article once.",
        discussion: """
            A directory imports every .txt, .jsonl, .ndjson and .csv file below it (also compressed: \
            .gz, .zst, .xz, .bz2) and every bundle (.zip, .tar, .tgz, .tar.zst, .tar.xz), in name order; \
            a bundle's dumps are read one by one, never extracted. `-` reads standard input (compressed \
            or not). A file imported before is skipped when unchanged, and only its \
            new part is read when it has grown. Problems with single records are reported as \
            FILE:LINE: message and kept in the import_errors table; the rest is imported.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: ArgumentHelp("Dump files or directories; - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "auto (by extension, else by content), text, jsonl or csv.")
    var format: FormatChoice = .auto

    @Flag(help: "Read files again even when the archive has them already (still no duplicates).")
    var force = false

    @Flag(help: "Print the summary as one JSON object.")
    var json = false

    @Flag(name: .customLong("near-duplicates"), inversion: .prefixedNo,
          help: "Check new articles for near duplicates (versions of a story already in); with --no-near-duplicates they wait for `archive dedup`.")
    var nearDuplicates = true

    @Option(name: .customLong("map"), help: ArgumentHelp(
        "Which JSON member or CSV column holds a field, where a dump names it unusually: title, body, tags, published, "
            + "url, source or authors; repeat for several (--map title=hed --map body=story_text). JSON members may be "
            + "a dotted path (source=meta.site).", valueName: "field=name"))
    var map: [String] = []

    @Flag(help: "Give a record without a title its body's first sentence as title (with a warning); read CSV without a title column.")
    var titleFromBody = false

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, text, jsonl, csv
        var dumpFormat: DumpFormat? { DumpFormat(rawValue: rawValue) }
    }

    func validate() throws {
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
        _ = try fieldRules()
    }

    /// `--map` and `--title-from-body`; a mapping that cannot be used is a usage error,
    /// before anything is read.
    func fieldRules() throws -> FieldRules {
        var rules = FieldRules(titleFromBody: titleFromBody)
        for assignment in map {
            do {
                try rules.map(assignment)
            } catch {
                throw ValidationError("--map: \(error)")
            }
        }
        return rules
    }

    func run() throws {
        try perform {
            var options = ImportOptions(format: format.dumpFormat, force: force, nearDuplicates: nearDuplicates)
            options.fields = try fieldRules()
            try TuningKnobs.apply(to: &options)
            let (archive, lock) = try archive.openWriter()
            defer { archive.close(); withExtendedLifetime(lock) {} }
            let reporter = ImportReporter(showsProgress: Terminal.stderrIsTerminal)
            let summary = try archive.importDumps(paths, options: options, observer: reporter)
            reporter.clearProgress()
            print(json ? try WireJSON.string(summary) : Self.line(summary))
            if summary.hasProblems { throw ExitCode(Exit.partial) }
        }
    }

    static func line(_ s: ImportSummary) -> String {
        var files = "\(counted(s.files, "file")) read"
        if s.filesSkipped > 0 { files += ", \(s.filesSkipped) skipped (already imported)" }
        if s.filesFailed > 0 { files += ", \(s.filesFailed) failed" }
        let rate = s.seconds > 0 && s.bytes > 0 ? String(format: ", %.1f MB/s", Double(s.bytes) / 1e6 / s.seconds) : ""
        return "\(files): \(counted(s.records, "record")), \(grouped(s.inserted)) new (\(counted(s.nearDuplicates, "near duplicate"))), "
            + "\(counted(s.duplicates, "duplicate")), \(counted(s.errors, "error")) "
            + "(\(humanBytes(s.bytes)) in \(String(format: "%.1f", s.seconds)) s\(rate))"
    }
}

/// Shows an import's warnings, and on a terminal a live progress line, on stderr.
final class ImportReporter: ImportObserver {
    let showsProgress: Bool
    private var progressShown = false
    private let started = Date()

    init(showsProgress: Bool) {
        self.showsProgress = showsProgress
    }

    func warning(_ message: String) {
        clearProgress()
        Terminal.error(message)
    }

    func note(_ note: ImportNote) {
        clearProgress()
        Terminal.writeError("archive: \(Self.words(note))\n")
    }

    /// The note, and which command finishes what it leaves open.
    static func words(_ note: ImportNote) -> String {
        switch note {
        case .nearDuplicatesPending: return "\(note); run `archive dedup` to finish it"
        case .nearDuplicatesNotChecked: return "\(note); run `archive dedup` to check them"
        default: return note.description
        }
    }

    func progress(_ summary: ImportSummary, file: String, fileBytesDone: Int64, fileBytesTotal: Int64?) {
        guard showsProgress else { return }
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let name = URL(fileURLWithPath: file).lastPathComponent
        var read = humanBytes(fileBytesDone)
        if let total = fileBytesTotal, total > 0 {
            read += " of \(humanBytes(total)) (\(Int(Double(fileBytesDone) * 100 / Double(total)))%)"
        }
        let rate = Int(Double(summary.records) / elapsed)
        let line = "\(name): \(read) · \(grouped(rate)) articles/s · \(grouped(summary.inserted)) new, "
            + "\(grouped(summary.duplicates)) duplicate, \(grouped(summary.errors)) errors"
        Terminal.writeError("\r\u{1B}[K" + line)
        progressShown = true
    }

    func clearProgress() {
        guard progressShown else { return }
        Terminal.writeError("\r\u{1B}[K")
        progressShown = false
    }
}
