import ArgumentParser
import ArchiveCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every matching article (all when no query) as CSV or JSON Lines, in archive order.",
        discussion: """
            CSV follows RFC 4180 (UTF-8, header row, CRLF, quotes doubled) with the columns \
            id,title,published,tags,body,url,source,published_raw,header; tags are joined with " | ". \
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
            if format == .csv { try sink.write(CSVWriter.record(ExportedArticle.columns)) }
            var count = 0
            try ArticleExport(connection: archive.connection).forEach(filter) { article in
                count += 1
                try sink.write(format == .csv ? CSVWriter.record(article.csvValues) : Self.json(article) + "\n")
            }
            try sink.finish()
            if let output { Terminal.writeError("archive: wrote \(grouped(count)) articles to \(output)\n") }
        }
    }

    static func json(_ a: ExportedArticle) -> String {
        JSONObject()
            .add("id", a.id).add("title", a.title).add("published", a.published).add("tags", a.tags)
            .add("body", a.body).add("url", a.url).add("source", a.source)
            .add("published_raw", a.publishedRaw).add("header", a.header)
            .text
    }
}
