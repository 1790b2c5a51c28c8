import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `archive serve ...` runs `archive-serve ...` from the same folder: the web server
/// lives in a binary of its own so that its libraries do not slow the start of every
/// other command (see Sources/archive-serve).
struct ServeLauncher: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive's search, articles, stories, stats and read-only SQL as web pages and JSON.",
        discussion: """
            Runs archive-serve, installed beside archive; `archive serve --help` lists its options \
            (--db, --host, --port, --token, --sql-timeout). See README, Web.
            """)

    @Argument(parsing: .captureForPassthrough, help: "Options for archive-serve.")
    var arguments: [String] = []

    func run() throws {
        let folder = URL(fileURLWithPath: CommandLine.executablePath).deletingLastPathComponent()
        let server = folder.appendingPathComponent("archive-serve").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            Terminal.error("\(server) is missing: it serves the web pages (build it with `make release`, install it with `make install`)")
            throw ExitCode(Exit.failure)
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        Terminal.error("cannot run \(server): \(String(cString: strerror(errno)))")
        throw ExitCode(Exit.failure)
    }
}

extension CommandLine {
    /// This process's executable, links resolved (argv[0] may be a bare name found on PATH).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? arguments[0]
    }
}
