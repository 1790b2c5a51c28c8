import ArchiveCore
import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// `archive serve`: the pages and the JSON API over one archive opened for reading.
/// Reads see each import's commits as they land (WAL; every request is a new read
/// transaction), so new articles appear without a restart, and nothing a request sends
/// can write: the archive is opened read-only.
public final class WebServer: Sendable {
    public let configuration: ServeConfiguration
    private let archive: Archive
    private let logger: Logger
    /// The running service group, for `stop()`.
    private let running = NIOLockedValueBox<ServiceGroup?>(nil)

    /// Checks the configuration (a non-loopback host needs a token) and opens the archive.
    public init(configuration: ServeConfiguration, logger: Logger = Logger(label: "archive.serve")) throws {
        try configuration.validate()
        self.configuration = configuration
        self.logger = logger
        archive = try Archive(path: configuration.databasePath, mode: .read, answersKept: configuration.answersKept,
                              busyTimeout: configuration.busyTimeout)
    }

    /// Serves until `stop()` or, with `handlingSignals`, until SIGINT or SIGTERM; then
    /// stops taking connections, lets the requests under way finish, and closes the
    /// archive. `onListening` gets the port (the one the system chose, for port 0).
    public func run(handlingSignals: Bool, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let workers = ArchiveWorkers(archive: archive, threads: configuration.workerThreads)
        let site = Site(workers: workers, sqlTimeLimit: configuration.sqlTimeLimit, sqlPageRows: configuration.sqlPageRows,
                        token: configuration.token, stallLimit: configuration.idleTimeout, countLimit: configuration.countLimit,
                        statementAccepted: configuration.statementAccepted)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLog(logger: logger))
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ErrorResponses(logger: logger))
        router.add(middleware: RequestLimits())
        if let token = configuration.token { router.add(middleware: TokenGate(token: token)) }
        site.addRoutes(to: router)

        let limits = HTTP1Channel.Configuration.DecoderConfiguration(maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 32 * 1024,
                                                                       maxHeaderFieldCount: 100)
        let idle = TimeAmount.nanoseconds(Int64(configuration.idleTimeout.components.seconds) * 1_000_000_000
                                          + configuration.idleTimeout.components.attoseconds / 1_000_000_000)
        let logger = self.logger
        let app = Application(
            router: router,
            server: .http1(configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [OversizedHeadResponder()],
                                                                      idleTimeout: idle, httpDecoderConfiguration: limits)),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "archive"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.notice("serving \(self.configuration.databasePath) at http://\(self.configuration.host):\(port)/")
                await onListening(port)
            },
            logger: logger)
        defer { archive.close() }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: logger))
        running.withLockedValue { $0 = group }
        try await group.run()
        try await workers.shutdown()
        logger.notice("stopped")
    }

    /// Stops a running server the way SIGTERM does: no new connections, the requests
    /// under way finish.
    public func stop() async {
        await running.withLockedValue { $0 }?.triggerGracefulShutdown()
    }
}
