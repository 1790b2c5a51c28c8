import ArchiveCore
import Foundation
import Testing
@testable import ArchiveWeb

#if canImport(Glibc)
import Glibc
#endif

/// `archive serve` and `archive import` on one file at once: the import (the built
/// binary) is stopped at a hold point right after its first commit (README,
/// "Development"), so the requests below are made while it is mid-way for certain.
@Suite("Web: serving while an import writes")
struct ImportWhileServingTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = packageRoot.appendingPathComponent(".build/debug/archive").path

    @Test("the articles of each commit appear while the import goes on, every one once it ends; no restart",
          .enabled(if: FileManager.default.isExecutableFile(atPath: binary), "build the archive binary first (swift build)"))
    func midImport() async throws {
        let directory = WebTemporaryDirectory()
        let lines = (1...4).map {
            #"{"title": "Zeppelin \#($0) lands in the harbour", "body": "Zeppelin number \#($0) landed at dawn.", "tags": ["Air"], "published": "2025-01-0\#($0)"}"#
        }
        let dump = directory.write("zeppelins.jsonl", lines.joined(separator: "\n") + "\n")
        try await withServer(directory) { server in
            let before = try await Self.articleCount(server)
            // Asked before the import, so that the readers keep this answer (the server
            // keeps answers while the archive is unchanged) and must drop it after.
            let none = try #require(try await server.get("/api/search?q=zeppelin").json() as? [String: Any])
            #expect(none["total"] as? Int == 0)
            let hold = try ImportHold(folder: directory.path("hold"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = ["import", dump, "--db", directory.path("web.db")]
            process.environment = ProcessInfo.processInfo.environment.merging(
                hold.environment("after-commit#1").merging(["ARCHIVE_COMMIT_RECORDS": "2", "ARCHIVE_FEED_RECORDS": "1"]) { $1 }) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()

            try await hold.waitUntilHeld()
            let during = try await Self.articleCount(server)
            #expect(during > before && during < before + 4, "held after its first commit: some of the new articles are in")
            #expect(try await server.get("/").text.contains("Zeppelin 1 lands in the harbour"))
            #expect(try await server.get("/healthz").status == 200)

            hold.release()
            await Self.waitForExit(process)
            #expect(process.terminationStatus == 0)
            #expect(try await Self.articleCount(server) == before + 4)
            let found = try #require(try await server.get("/api/search?q=zeppelin").json() as? [String: Any])
            #expect(found["total"] as? Int == 4)
        }
    }

    static func articleCount(_ server: RunningServer) async throws -> Int {
        let rows = try #require(try await server.get("/api/sql?sql=SELECT+count(*)+AS+n+FROM+articles").json() as? [[String: Any]])
        return try #require(rows.first?["n"] as? Int)
    }

    static func waitForExit(_ process: Process) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }
}

/// The test's end of `archive import`'s hold point: two FIFOs; the import writes a line
/// to `arrived` when it stops, and goes on once `release` has been opened and closed.
final class ImportHold: Sendable {
    let folder: String

    init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for fifo in ["arrived", "release"] {
            try #require(mkfifo(folder + "/" + fifo, 0o600) == 0, "mkfifo \(fifo)")
        }
    }

    func environment(_ spec: String) -> [String: String] {
        ["ARCHIVE_TEST_HOLD": spec, "ARCHIVE_TEST_HOLD_DIR": folder]
    }

    /// Waits, on a thread of its own, until the import says it has stopped.
    func waitUntilHeld() async throws {
        let path = folder + "/arrived"
        let arrived: Bool = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                // Blocks until the import opens its end, then until it writes its line.
                guard let handle = FileHandle(forReadingAtPath: path) else { return continuation.resume(returning: false) }
                let line = handle.availableData
                try? handle.close()
                continuation.resume(returning: line.contains(UInt8(ascii: "\n")))
            }
        }
        try #require(arrived, "the import never reached its hold point")
    }

    /// Lets the import go on (it waits to open `release` for reading; this open meets it).
    func release() {
        let handle = FileHandle(forWritingAtPath: folder + "/release")
        try? handle?.close()
    }
}
