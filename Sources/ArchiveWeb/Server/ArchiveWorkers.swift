import ArchiveCore
import NIOPosix

/// Where the archive's blocking calls run: threads of their own, as many as the
/// archive lends readers, so a slow statement never holds one of the few threads that
/// Swift concurrency and the event loops answer every other request on (`/healthz`
/// still answers while four runaway statements run).
struct ArchiveWorkers: Sendable {
    let archive: Archive
    private let pool: NIOThreadPool

    init(archive: Archive, threads: Int) {
        self.archive = archive
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
    }

    /// Runs `work` on a worker thread with the archive and waits for its result.
    func run<T: Sendable>(_ work: @escaping @Sendable (Archive) throws -> T) async throws -> T {
        let archive = self.archive
        return try await pool.runIfActive { try work(archive) }
    }

    /// Starts `work` on a worker thread without waiting for it (a streamed response reads
    /// what it writes); `failed` is called with the error it throws.
    func start(_ work: @escaping @Sendable (Archive) throws -> Void, failed: @escaping @Sendable (any Error) -> Void) {
        let archive = self.archive
        pool.submit { state in
            guard case .active = state else { return failed(ArchiveError.closed) }
            do { try work(archive) } catch { failed(error) }
        }
    }

    func shutdown() async throws {
        try await pool.shutdownGracefully()
    }
}
