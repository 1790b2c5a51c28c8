import ArgumentParser
import ArchiveCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search, best matches first (bm25, the title weighted above the body).",
        discussion: """
            Every word must match, in any order; a word ending in * matches as a prefix. Punctuation \
            is safe (U.S., C++, a lone "). With --raw the query is FTS5 syntax: AND, OR, NOT, \
            "a phrase", prefix*, NEAR(a b, 5), title:word.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Argument(help: "What to search for.")
    var query: String

    @Option(help: "How many results.")
    var limit = SearchInvocation.defaultLimit

    @Option(help: "Skip this many results first (for paging).")
    var offset = 0

    @OptionGroup var filters: FilterOptions

    @Option(help: "table, json (one array), jsonl (an object a line) or csv.")
    var format: HitFormat = .table

    @Flag(help: "Rank every match, not only the 10,000 newest (slower for very common words).")
    var rankAll = false

    var invocation: SearchInvocation {
        SearchInvocation(db: archive.db, query: query, limit: limit, offset: offset, filters: filters.choice,
                         format: format, rankAll: rankAll)
    }

    func validate() throws {
        try invocation.validate()
    }

    func run() throws {
        try invocation.run()
    }
}

/// One search as the user asked for it, whichever parser read the arguments:
/// ArgumentParser (SearchCommand) or, for plain argument lists, QuickSearchParser.
struct SearchInvocation: Equatable {
    static let defaultLimit = 20

    var db: String?
    var query: String
    var limit = defaultLimit
    var offset = 0
    var filters = FilterChoice()
    var format: HitFormat = .table
    var rankAll = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
    }

    func run() throws {
        try perform {
            let archive = try ArchiveOptions.openForSearch(path: Archive.path(given: db))
            defer { archive.close() }
            let filter = try filters.filter(query: query)
            let bold = format == .table && Terminal.stdoutIsTerminal
            let marks = bold ? SearchMarks(open: "\u{1B}[1m", close: "\u{1B}[0m") : .markdown
            let page = try archive.search(filter, limit: limit, offset: offset, marks: marks, reach: rankAll ? .everything : .standard)
            let output = OutputSink.standardOutput()
            try HitPrinter(format: format).print(page.hits, to: output)
            try output.finish()
            if format == .table {
                if page.hits.isEmpty { Terminal.writeError("no matches\n") }
                if let window = page.rankedNewest {
                    Terminal.writeError("ranked the \(grouped(window)) newest of more matches; --rank-all ranks every one\n")
                }
            }
        }
    }
}

enum HitFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}

/// Writes search hits in the chosen format.
struct HitPrinter {
    let format: HitFormat

    func print(_ hits: [SearchHit], to output: OutputSink) throws {
        switch format {
        case .table:
            for hit in hits {
                let date = hit.published.map { String($0.prefix(10)) } ?? "----------"
                let tags = hit.tags.isEmpty ? "" : "  [" + hit.tags.joined(separator: ", ") + "]"
                try output.write("\(hit.id)\t\(date)  \(hit.title)\(tags)\n")
                try output.write("\t" + hit.snippet.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n\n")
            }
        case .json:
            try output.write(try WireJSON.lines(hits) + "\n")
        case .jsonl:
            for hit in hits { try output.write(try WireJSON.string(hit) + "\n") }
        case .csv:
            try output.write(CSVWriter.record(SearchHit.csvColumns))
            for hit in hits { try output.write(CSVWriter.record(hit.csvRow)) }
        }
    }
}
