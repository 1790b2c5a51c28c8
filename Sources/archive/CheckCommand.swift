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
            let findings = try ArchiveCheck(archive: archive, writerActive: writing).run()
            let allOK = findings.allSatisfy(\.isOK)
            if json {
                let checks = findings.map {
                    JSONObject().add("name", $0.name).add("ok", raw: $0.isOK ? "true" : "false")
                        .add("problem", $0.problem).add("remedy", $0.remedy).text
                }
                print(JSONObject().add("ok", raw: allOK ? "true" : "false").add("checks", raw: "[" + checks.joined(separator: ",") + "]").text)
            } else {
                for finding in findings {
                    if let problem = finding.problem {
                        print("PROBLEM  \(finding.name): \(problem)" + (finding.remedy.map { " (fix: \($0))" } ?? ""))
                    } else {
                        print("ok       \(finding.name)")
                    }
                }
            }
            if !allOK { throw ExitCode(Exit.checkFailed) }
        }
    }
}
