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
            guard let article = try archive.article(id: id) else {
                throw NotFound(message: "no article with id \(id) in \(archive.path)")
            }
            let output = OutputSink.standardOutput()
            try output.write(format == .json ? try WireJSON.string(article) + "\n" : Self.text(article))
            try output.finish()
        }
    }

    static func text(_ a: ArticleView) -> String {
        var lines = [a.title, ""]
        lines.append("id:        \(a.id)")
        lines.append("published: \(a.published ?? "unknown")" + (a.publishedRaw.map { " (as written: \($0))" } ?? ""))
        if !a.tags.isEmpty { lines.append("tags:      " + a.tags.joined(separator: " | ")) }
        if let url = a.url { lines.append("url:       \(url)") }
        if let source = a.source { lines.append("source:    \(source)") }
        if !a.authors.isEmpty { lines.append("authors:   " + Authors.join(a.authors)) }
        lines.append("imported:  \(a.importedAt)")
        for sighting in a.sightings {
            lines.append("seen in:   \(sighting.path) line \(sighting.line) (byte \(sighting.byteOffset)), \(sighting.seenAt)")
        }
        if let canonical = a.duplicateOf {
            lines.append("version of: \(canonical) (the story's canonical version); matched by \(a.matchRule ?? "?") "
                         + String(format: "%.2f", a.similarity ?? 0))
        }
        for version in a.versions {
            var notes = [String(format: "jaccard %.2f", version.jaccard), "\(version.shingles) shingles"]
            if version.isCanonical { notes.insert("canonical", at: 0) }
            if version.isTruncatedCopy { notes.append("a cut-short copy of this one") }
            if version.truncatesThis { notes.append("this one is a cut-short copy of it") }
            lines.append("version:   \(version.id) \(version.title) (\(notes.joined(separator: ", ")))")
        }
        lines.append("")
        lines.append(a.body)
        return lines.joined(separator: "\n") + "\n"
    }
}
