import ArgumentParser
import ArchiveCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article whole, with its metadata and every place it was seen.")

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "The article's id (from search, export or sql).")
    var id: Int64

    @Option(help: "text or json.")
    var format: ShowFormat = .text

    enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        try perform {
            let archive = try archive.open(.read)
            defer { archive.close() }
            guard let article = try ArticleDetails.load(id: id, from: archive.connection) else {
                throw NotFound(message: "no article with id \(id) in \(archive.path)")
            }
            let output = OutputSink.standardOutput()
            try output.write(format == .json ? Self.json(article) + "\n" : Self.text(article))
            try output.finish()
        }
    }

    static func text(_ a: ArticleDetails) -> String {
        var lines = [a.title, ""]
        lines.append("id:        \(a.id)")
        lines.append("published: \(a.published ?? "unknown")" + (a.publishedRaw.map { " (as written: \($0))" } ?? ""))
        if !a.tags.isEmpty { lines.append("tags:      " + a.tags.joined(separator: " | ")) }
        if let url = a.url { lines.append("url:       \(url)") }
        if let source = a.source { lines.append("source:    \(source)") }
        lines.append("imported:  \(a.importedAt)")
        for sighting in a.sightings {
            lines.append("seen in:   \(sighting.path) line \(sighting.line) (byte \(sighting.byteOffset)), \(sighting.seenAt)")
        }
        lines.append("")
        lines.append(a.body)
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ a: ArticleDetails) -> String {
        let seen = a.sightings.map {
            JSONObject().add("path", $0.path).add("line", $0.line).add("byte_offset", $0.byteOffset).add("seen_at", $0.seenAt).text
        }
        return JSONObject()
            .add("id", a.id).add("title", a.title).add("published", a.published).add("tags", a.tags)
            .add("snippet", String(a.body.prefix(200))).add("rank", nil as Double?)
            .add("body", a.body).add("url", a.url).add("source", a.source)
            .add("published_raw", a.publishedRaw).add("header", a.header).add("imported_at", a.importedAt)
            .add("seen", raw: "[" + seen.joined(separator: ",") + "]")
            .text
    }
}
