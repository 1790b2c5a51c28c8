import ArgumentParser
import ArchiveCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every integrity check (SQLite, full-text index, tags, story links, keys, ledger, sightings).",
        discussion: "Exits 0 when all pass, 5 when any finds a problem (each is printed with what fixes it).")

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print one JSON object: {\"ok\": bool, \"checks\": [{name, ok, problem, remedy}]}.")
    var json = false

    func run() throws {
        try perform {
            // The full-text check runs as a (reading) write statement: it needs the file writable.
            let archive = try archive.open(.write)
            defer { archive.close() }
            let writing = WriterLock.isHeld(archivePath: self.archive.path)
            if writing { Terminal.error("note: another command is writing to \(self.archive.path); its unfinished work is not counted as a problem") }
            let report = try archive.check(writerActive: writing)
            if json {
                print(try WireJSON.string(report))
            } else {
                for finding in report.checks {
                    if let problem = finding.problem {
                        print("PROBLEM  \(finding.name): \(problem)" + (finding.remedy.map { " (fix: \($0))" } ?? ""))
                    } else {
                        print("ok       \(finding.name)")
                    }
                }
            }
            if !report.isOK { throw ExitCode(Exit.checkFailed) }
        }
    }
}
