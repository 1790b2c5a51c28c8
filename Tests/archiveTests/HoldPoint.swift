// The test's end of a hold point (ArchiveCore's HoldPoints, README "Development"): the
// command under test opens a FIFO when it reaches a chosen moment and waits there; the
// test opens the other end, so it knows the command is exactly there, then kills it or
// lets it go on. No sleep decides anything: a slow machine only waits longer.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Used by one thread only.
final class HoldPoint {
    let fifo: String
    private var descriptor: Int32 = -1

    init(in sandbox: Sandbox, name: String) throws {
        fifo = sandbox.path(".hold-\(name)")
        unlink(fifo)
        try #require(mkfifo(fifo, 0o600) == 0, "mkfifo \(fifo): \(String(cString: strerror(errno)))")
    }

    deinit {
        release()
        unlink(fifo)
    }

    /// The environment that makes `archive` stop at `spec` (e.g. `after-commit#3`).
    func environment(_ spec: String) -> [String: String] {
        ["ARCHIVE_TEST_HOLD": spec, "ARCHIVE_TEST_HOLD_FIFO": fifo]
    }

    /// True when a process waits at the hold right now (it then stays there until
    /// `release()` or its death).
    func isHeld() -> Bool {
        if descriptor >= 0 { return true }
        // Without O_NONBLOCK this would wait for a reader; with it, it fails (ENXIO)
        // until the command has opened its end.
        let opened = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard opened >= 0 else { return false }
        descriptor = opened
        return true
    }

    /// Waits until `child` stops at the hold (true), or ends without reaching it
    /// (false). A child that neither ends nor arrives within `limit` seconds is a bug
    /// (a hang), reported as such.
    func waitUntilHeld(_ child: BackgroundArchive, limit: Double = 300) -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while true {
            if isHeld() { return true }
            if !child.process.isRunning { return false }
            if Date() > deadline {
                Issue.record("archive \(child.process.arguments ?? []) neither reached its hold point nor ended within \(limit) s")
                return false
            }
            usleep(1_000)
        }
    }

    /// Lets the held process go on.
    func release() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }
}
