import ArgumentParser
import ArchiveCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "What the archive holds: articles, duplicates seen, files, dates, top tags, size.")

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        try perform {
            let archive = try archive.open(.read)
            defer { archive.close() }
            let stats = try archive.stats()
            print(json ? try WireJSON.string(stats) : Self.text(stats, path: archive.path))
        }
    }

    static func text(_ s: ArchiveStats, path: String) -> String {
        var lines = ["\(path): \(humanBytes(s.fileBytes))"]
        lines.append("articles:        \(grouped(s.articles))")
        lines.append("duplicates seen: \(grouped(s.duplicatesSeen)) exact " + (s.duplicatesSeen == 1 ? "copy" : "copies"))
        lines.append("stories:         \(grouped(s.stories)), \(grouped(s.clusters)) of them with more than one version ("
                     + "\(grouped(s.versions)) versions)" + (s.dedupPending ? "; near-duplicate check pending: run `archive dedup`" : ""))
        lines.append("files imported:  \(grouped(s.files))" + (s.filesIncomplete > 0 ? " (\(s.filesIncomplete) interrupted: run import again)" : ""))
        lines.append("import errors:   \(grouped(s.importErrors))" + (s.importErrors > 0 ? " (see the import_errors table)" : ""))
        if let earliest = s.earliest, let latest = s.latest {
            lines.append("published:       \(earliest) to \(latest)" + (s.undated > 0 ? ", \(grouped(s.undated)) undated" : ""))
        } else {
            lines.append("published:       no dates")
        }
        if !s.topTags.isEmpty {
            lines.append("top tags:        " + s.topTags.map { "\($0.tag) (\(grouped($0.count)))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
