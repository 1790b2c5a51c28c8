import ArgumentParser
import ArchiveCore

struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "Rebuild what is derived from the articles: full-text index, tag rows, sightings, near-duplicate keys and links.",
        discussion: "Each part is rebuilt in its own transaction (the near-duplicate check in resumable batches); the articles themselves are never changed.")

    @OptionGroup var archive: ArchiveOptions

    func run() throws {
        try perform {
            let (archive, lock) = try archive.openWriter()
            defer { archive.close(); withExtendedLifetime(lock) {} }
            try archive.repair { step in print(step.rawValue) }
        }
    }
}
