import ArgumentParser
import ArchiveCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every matching article (all when no query) as CSV or JSON Lines, in archive order.",
        discussion: """
            CSV follows RFC 4180 (UTF-8, header row, CRLF, quotes doubled) with the columns \
            id,title,published,tags,body,url,source,published_raw,header,authors; tags and authors are joined with " | ". \
            Both formats import back into an archive unchanged.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "Only articles matching this search (same rules as `search`).")
    var query: String?

    @OptionGroup var filters: FilterOptions

    @Option(help: "csv or jsonl.")
    var format: ExportFormat = .csv

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file (replaced only once complete) instead of stdout.", valueName: "file"))
    var output: String?

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl
    }

    func run() throws {
        try perform {
            let archive = try query == nil ? archive.open(.read) : archive.openForSearch()
            defer { archive.close() }
            let filter = try filters.filter(query: query)
            let sink = try output.map { try OutputSink(path: $0) } ?? .standardOutput()
            let count = try archive.export(filter, as: format == .csv ? .csv : .jsonl, to: sink)
            try sink.finish()
            if let output { Terminal.writeError("archive: wrote \(grouped(count)) articles to \(output)\n") }
        }
    }
}
