// The test's end of a hold point (ArchiveCore's HoldPoints, README "Development"): the
// command under test says when it has reached a chosen moment and waits there; the
// test then kills it or lets it go on. No sleep decides anything: a slow machine only
// waits longer.

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
    let folder: String
    /// Our reading end of `arrived`, open for as long as this lives, so that the command
    /// never waits to say it has arrived.
    private let arrivals: Int32
    /// Arrivals read and not yet released or killed.
    private var waiting = 0

    init(in sandbox: Sandbox, name: String) throws {
        folder = sandbox.path(".hold-\(name)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for fifo in ["arrived", "release"] {
            try #require(mkfifo(folder + "/" + fifo, 0o600) == 0, "mkfifo \(folder)/\(fifo): \(String(cString: strerror(errno)))")
        }
        arrivals = open(folder + "/arrived", O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(arrivals >= 0, "open \(folder)/arrived: \(String(cString: strerror(errno)))")
    }

    deinit {
        close(arrivals)
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The environment that makes `archive` stop at `spec` (e.g. `after-commit#3`).
    func environment(_ spec: String) -> [String: String] {
        ["ARCHIVE_TEST_HOLD": spec, "ARCHIVE_TEST_HOLD_DIR": folder]
    }

    /// True when the command waits at a hold point now (it stays there until
    /// `release()` or its death).
    func isHeld() -> Bool {
        if waiting > 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(arrivals, $0.baseAddress, $0.count) }
        if count > 0 { waiting += buffer[0..<count].filter { $0 == UInt8(ascii: "\n") }.count }
        return waiting > 0
    }

    /// Waits until `child` stops at a hold point (true), or ends without reaching one
    /// (false). A child that does neither within the hang limit is reported as hung.
    func waitUntilHeld(_ child: BackgroundArchive, limit: Double = Paths.hangLimit) -> Bool {
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

    /// Lets the held command go on: it is opening `release` (or has), and reads the end
    /// of it once we have opened and closed our end.
    func release(limit: Double = Paths.hangLimit) {
        guard waiting > 0 else { return }
        let deadline = Date().addingTimeInterval(limit)
        while true {
            let end = open(folder + "/release", O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if end >= 0 {
                close(end)
                break
            }
            if Date() > deadline {
                Issue.record("the held command never opened \(folder)/release")
                break
            }
            usleep(1_000)
        }
        waiting -= 1
    }

    /// Kills the held command (SIGKILL); true when that is what ended it.
    func kill(_ child: BackgroundArchive) -> Bool {
        waiting = 0
        return child.killNow()
    }
}
