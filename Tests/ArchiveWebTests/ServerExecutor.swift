import Dispatch

/// Where the servers under test, and the test bodies that talk to them, run their
/// async code: threads of their own instead of the process's cooperative pool.
///
/// The cooperative pool has one thread per core, and the other suites' synchronous
/// tests (imports, exports, crash runs) hold those threads for minutes at a time when
/// the machine is busy. A request handler queued behind them made a client wait past
/// its timeout and a server give a streaming client up after its idle limit; a test
/// that blocks in `recv` for the server's answer could even wait on the very thread
/// the answer needed. A concurrent dispatch queue gets new threads when its jobs
/// block, so a server here makes progress whatever else the test process is doing.
final class ServerExecutor: TaskExecutor {
    static let shared = ServerExecutor()

    private let queue = DispatchQueue(label: "archive.web-tests.server", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
