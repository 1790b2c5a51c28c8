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
            let versions = try StoryVersion.list(of: id, archive.connection, policy: DedupRun.currentPolicy(archive))
            let output = OutputSink.standardOutput()
            try output.write(format == .json ? Self.json(article, versions) + "\n" : Self.text(article, versions))
            try output.finish()
        }
    }

    static func text(_ a: ArticleDetails, _ versions: [StoryVersion]) -> String {
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
        if let canonical = a.duplicateOf {
            lines.append("version of: \(canonical) (the story's canonical version); matched by \(a.matchRule ?? "?") "
                         + String(format: "%.2f", a.similarity ?? 0))
        }
        for version in versions {
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

    static func json(_ a: ArticleDetails, _ versions: [StoryVersion]) -> String {
        let others = versions.map {
            JSONObject().add("id", $0.id).add("title", $0.title).add("published", $0.published)
                .add("canonical", raw: $0.isCanonical ? "true" : "false").add("jaccard", $0.jaccard).add("shingles", $0.shingles)
                .add("truncated_copy", raw: $0.isTruncatedCopy ? "true" : "false")
                .add("truncates_this", raw: $0.truncatesThis ? "true" : "false").text
        }
        let seen = a.sightings.map {
            JSONObject().add("path", $0.path).add("line", $0.line).add("byte_offset", $0.byteOffset).add("seen_at", $0.seenAt).text
        }
        return JSONObject()
            .add("id", a.id).add("title", a.title).add("published", a.published).add("tags", a.tags)
            .add("snippet", String(a.body.prefix(200))).add("rank", nil as Double?)
            .add("body", a.body).add("url", a.url).add("source", a.source)
            .add("published_raw", a.publishedRaw).add("header", a.header).add("imported_at", a.importedAt)
            .add("seen", raw: "[" + seen.joined(separator: ",") + "]")
            .add("duplicate_of", a.duplicateOf).add("similarity", a.similarity).add("match_rule", a.matchRule)
            .add("versions", raw: "[" + others.joined(separator: ",") + "]")
            .text
    }
}
