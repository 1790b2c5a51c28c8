import ArchiveCore
import ArchiveWeb
import ArgumentParser
import Foundation
import Logging

/// `archive serve`, in a binary of its own (`archive-serve`, which `archive serve`
/// runs): the web server's libraries (SwiftNIO, Hummingbird) made every `archive`
/// command start about 3 ms (a quarter) slower when they were linked into it.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive serve",
        abstract: "Serve the archive's search, articles, stories, stats and read-only SQL as web pages and JSON.",
        discussion: """
            Listens on 127.0.0.1 unless told otherwise; another address needs a token (--token or \
            $ARCHIVE_TOKEN), which every request must then carry (Authorization: Bearer T, or the \
            login form's cookie). Stops cleanly on Ctrl-C or SIGTERM. See README, Web.
            """)

    @Option(name: .long, help: ArgumentHelp("The archive file (default: $ARCHIVE_DB, else ./archive.db).", valueName: "path"))
    var db: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The token every request must carry (default: $ARCHIVE_TOKEN).", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp("How long one SQL statement may run, in seconds.", valueName: "seconds"))
    var sqlTimeout = 5.0

    @Option(help: ArgumentHelp("How many searches each reader remembers while the archive is unchanged (0: none).",
                               valueName: "count"))
    var cacheAnswers = 64

    @Option(help: ArgumentHelp("How long a request waits for a lock another program holds on the archive before a 503, in seconds.",
                               valueName: "seconds"))
    var busyTimeout = 10.0

    @Option(help: ArgumentHelp("How many matches a search counts (and counts by year) before it says \"more than\" (0: every match).",
                               valueName: "count"))
    var countLimit = ServeConfiguration.defaultCountLimit

    func validate() throws {
        guard busyTimeout >= 0, busyTimeout <= 3600 else { throw ValidationError("--busy-timeout must be from 0 to 3600 seconds") }
        guard countLimit >= 0 else { throw ValidationError("--count-limit must be 0 or more") }
        guard (0...100_000).contains(cacheAnswers) else { throw ValidationError("--cache-answers must be from 0 to 100000") }
        guard sqlTimeout > 0, sqlTimeout <= 3600 else { throw ValidationError("--sql-timeout must be more than 0 and at most 3600 seconds") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let token = self.token ?? ProcessInfo.processInfo.environment["ARCHIVE_TOKEN"]
        let configuration = ServeConfiguration(databasePath: Archive.path(given: db), host: host, port: port, token: token,
                                               sqlTimeLimit: .milliseconds(Int64(sqlTimeout * 1000)), answersKept: cacheAnswers,
                                               busyTimeout: .milliseconds(Int64(busyTimeout * 1000)),
                                               countLimit: countLimit == 0 ? nil : countLimit)
        let server: WebServer
        do {
            server = try WebServer(configuration: configuration)
        } catch {
            // Refusals (a public address without a token) and archives that cannot be
            // opened: one line, exit code 1 as for every other command (README, "Exit codes").
            let hint = if case ArchiveError.missing(let path) = error { " (create one with `archive import DUMP --db \(path)`)" } else { "" }
            FileHandle.standardError.write(Data("archive: \(error)\(hint)\n".utf8))
            throw ExitCode(1)
        }
        try await server.run(handlingSignals: true)
    }
}
