import ArgumentParser
import Foundation

@main
struct ArchiveCommand: ParsableCommand {
    static func main() {
        // Past a file-size limit (ulimit -f) a write should fail and be reported, not
        // kill the process without a word.
        signal(SIGXFSZ, SIG_IGN)
        // `--version` alone is answered before the argument parser is built: building
        // it (every subcommand's options, found by reflection) was most of the time
        // scripts spent asking for the version.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            print(version)
            return
        }
        // A plain `search` is read without building the parser (see QuickSearchParser).
        // For the tests, ARCHIVE_PARSER=full sends every command through ArgumentParser,
        // and ARCHIVE_PARSER=quick refuses what the quick reading cannot take.
        let parser = getenv("ARCHIVE_PARSER").map { String(cString: $0) }
        if parser != "full", let search = QuickSearchParser.invocation(Array(CommandLine.arguments.dropFirst())) {
            do {
                try search.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        if parser == "quick" {
            Terminal.error("ARCHIVE_PARSER=quick, but these arguments are not a plain search")
            exit(withError: ExitCode(64))
        }
        self.main(nil)
    }

    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Keep news-article dumps in one SQLite archive: import, search, export.",
        discussion: """
            Exit codes: 0 success; 1 error (the archive or a file could not be used); \
            2 import finished but some records or files failed (see import_errors); \
            3 no such article; 4 invalid query or refused SQL; 5 `check` found a problem; 64 wrong usage.
            """,
        version: version,
        subcommands: [
            ImportCommand.self, SearchCommand.self, ShowCommand.self, ExportCommand.self,
            SQLCommand.self, StatsCommand.self, DuplicatesCommand.self, DedupCommand.self,
            CheckCommand.self, RepairCommand.self, OptimizeCommand.self, ServeLauncher.self,
        ])
}
