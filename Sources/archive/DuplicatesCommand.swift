import ArgumentParser
import ArchiveCore

struct DuplicatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "List stories kept in more than one version (near duplicates), the most versions first.")

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "At most this many stories (default: all).")
    var limit: Int?

    @Option(help: "table or json (an array of {canonical, title, members, similarity}).")
    var format: ClusterFormat = .table

    enum ClusterFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try perform {
            let archive = try archive.open(.read)
            defer { archive.close() }
            let clusters = try archive.stories(limit: limit)
            let output = OutputSink.standardOutput()
            switch format {
            case .json:
                try output.write(try WireJSON.lines(clusters) + "\n")
            case .table:
                var table = TablePrinter(maximumCellWidth: 70)
                table.header = ["canonical", "versions", "similarity", "title", "other versions"]
                for cluster in clusters {
                    table.add([String(cluster.canonical), String(cluster.members.count), String(format: "%.2f", cluster.similarity),
                               cluster.title, cluster.members.filter { $0 != cluster.canonical }.map(String.init).joined(separator: " ")])
                }
                try output.write(clusters.isEmpty ? "no stories with more than one version\n" : table.render())
            }
            try output.finish()
        }
    }
}
