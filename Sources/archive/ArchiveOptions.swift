import ArgumentParser
import ArchiveCore
import Foundation

/// `--db`, shared by every subcommand.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive file (default: $ARCHIVE_DB, else ./archive.db).", valueName: "path"))
    var db: String?

    var path: String { Archive.path(given: db) }

    func open(_ mode: Archive.Mode) throws -> Archive {
        try Archive(path: path, mode: mode)
    }

    /// Opens for a command that writes, after waiting for any other such command on the
    /// same archive; keep the lock alive as long as the archive is used.
    func openWriter() throws -> (Archive, WriterLock) {
        // Nothing, not even the lock file, is created beside a file that is not ours.
        try Archive.probeForWriting(path: path)
        let lock: WriterLock
        do {
            lock = try WriterLock(archivePath: path) { holder in
                Terminal.error("another command is writing to \(path)\(holder.map { " (process \($0))" } ?? ""); waiting for it to finish")
            }
        } catch let error as WriteError where error.isReadOnly {
            throw ArchiveError.readOnly(path: path)
        }
        return (try open(.write), lock)
    }

    func openForSearch() throws -> Archive {
        try Self.openForSearch(path: path)
    }

    /// Opens for a full-text query, warning when the index is still being built.
    static func openForSearch(path: String) throws -> Archive {
        let archive = try Archive(path: path, mode: .read)
        let waiting = try archive.articlesAwaitingIndex()
        if waiting > 0 {
            Terminal.error("warning: the \(grouped(waiting)) newest articles are not searchable yet (an import is indexing them, or was interrupted: run `archive import` again to finish)")
        }
        return archive
    }
}

/// The filters `search` and `export` share.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only articles published on or after this date (YYYY, YYYY-MM, YYYY-MM-DD, or with a time).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only articles published on or before this date (inclusive: 2024-04 is all of April).", valueName: "date"))
    var until: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only articles with this tag (no case); repeat for several, all required.", valueName: "tag"))
    var tags: [String] = []

    @Flag(help: "Take the query as FTS5 syntax (AND/OR/NOT, \"phrases\", prefix*, NEAR, column:word).")
    var raw = false

    @Flag(help: "Every version of a story, not only its canonical one.")
    var allVersions = false

    var choice: FilterChoice {
        FilterChoice(since: since, until: until, tags: tags, raw: raw, allVersions: allVersions)
    }

    func filter(query: String?) throws -> ArticleFilter {
        try choice.filter(query: query)
    }
}

/// The filters as read from the command line, by either parser (see QuickSearchParser).
struct FilterChoice: Equatable {
    var since: String?
    var until: String?
    var tags: [String] = []
    var raw = false
    var allVersions = false

    func filter(query: String?) throws -> ArticleFilter {
        try ArticleFilter(query: query.map { SearchQuery($0, raw: raw) }, since: since, until: until, tags: tags,
                          allVersions: allVersions)
    }
}
