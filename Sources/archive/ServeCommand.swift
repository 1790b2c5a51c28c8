import ArchiveCore
import ArchiveWeb
import ArgumentParser
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive's search, articles, stories, stats and read-only SQL as web pages and JSON.",
        discussion: """
            Listens on 127.0.0.1 unless told otherwise; another address needs a token (--token or \
            $ARCHIVE_TOKEN), which every request must then carry (Authorization: Bearer T, or the \
            login form's cookie). Stops cleanly on Ctrl-C or SIGTERM. See README, Web.
            """)

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: ArgumentHelp("The token every request must carry (default: $ARCHIVE_TOKEN).", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp("How long one SQL statement may run, in seconds.", valueName: "seconds"))
    var sqlTimeout = 5.0

    func validate() throws {
        guard sqlTimeout > 0, sqlTimeout <= 3600 else { throw ValidationError("--sql-timeout must be more than 0 and at most 3600 seconds") }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        let token = self.token ?? ProcessInfo.processInfo.environment["ARCHIVE_TOKEN"]
        let configuration = ServeConfiguration(databasePath: archive.path, host: host, port: port, token: token,
                                               sqlTimeLimit: .milliseconds(Int64(sqlTimeout * 1000)))
        let server: WebServer
        do {
            server = try WebServer(configuration: configuration)
        } catch let refusal as ServeRefusal {
            Terminal.error(refusal.description)
            throw ExitCode(Exit.failure)
        } catch {
            let (message, code) = describe(error)
            Terminal.error(message)
            throw ExitCode(code)
        }
        try await server.run(handlingSignals: true)
    }
}
