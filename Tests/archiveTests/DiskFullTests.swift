// The archive file when the disk fills up, end to end. The archive is put on a small
// tmpfs (the tests run as root; `mount -t tmpfs -o size=...`), so an import runs out
// of space part-way: it must stop with one clear line about the full disk, leave a
// consistent archive, and the same import run again with space must complete it into
// exactly the archive of an uninterrupted import. A second test does the same under a
// file-size limit (`ulimit -f`), the fallback where mounting is not possible.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

enum Tmpfs {
    static func mount(_ directory: String, kilobytes: Int, remount: Bool = false) throws -> ProcessResult {
        let options = (remount ? "remount," : "") + "size=\(kilobytes)k"
        return try runProcess(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", options, "tmpfs", directory],
                              environment: ProcessInfo.processInfo.environment, directory: URL(fileURLWithPath: "/"))
    }

    static func unmount(_ directory: String) {
        _ = try? runProcess(URL(fileURLWithPath: "/bin/umount"), [directory],
                            environment: ProcessInfo.processInfo.environment, directory: URL(fileURLWithPath: "/"))
    }

    /// Whether this process may mount a tmpfs (root, and a kernel that lets it).
    static let available: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tmpfs-probe-\(UUID().uuidString)").path
        guard (try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)) != nil else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? mount(probe, kilobytes: 64))?.status == 0 else { return false }
        unmount(probe)
        return true
    }()
}

@Suite("The archive file: disk full during an import, end to end", .serialized)
struct DiskFullTests {
    static let knobs = ["ARCHIVE_COMMIT_RECORDS": "25"]

    /// The archive's problems after an import that stopped part-way: SQLite's own check
    /// must pass, and `archive check` may only say that the import is unfinished.
    static func interruptedStateProblems(_ sandbox: Sandbox, db: String) throws -> [String] {
        var problems: [String] = []
        if let sqlite = try ArchiveFiles.sqliteProblems(db, in: sandbox.directory) {
            problems += sqlite.filter { $0.hasPrefix("PRAGMA") }  // FTS5's check fails on purpose while articles await indexing
        }
        let check = try sandbox.archive("check", "--json", db: db)
        guard [0, 5].contains(check.status), let object = try? jsonObject(check.stdout),
              let checks = object["checks"] as? [[String: Any]] else {
            return problems + ["archive check: \(check)"]
        }
        for finding in checks where finding["ok"] as? Bool == false {
            let problem = finding["problem"] as? String ?? ""
            let unfinished = problem.contains("not indexed yet") || problem.contains("interrupted import")
            if !unfinished { problems.append("archive check: \(finding["name"] ?? "?"): \(problem)") }
        }
        return problems
    }

    /// The line that says why the import stopped: the last line on stderr.
    static func reason(_ result: ProcessResult) -> String {
        result.stderrLines.last ?? ""
    }

    @Test("disk full part-way (a small tmpfs, four sizes): one clear line, a consistent archive, and with space the same import completes it",
          .enabled(if: Tmpfs.available, "needs to mount a tmpfs (root)"))
    func diskFullOnTmpfs() throws {
        try withSandbox { sandbox in
            print("[disk-full] mechanism: a tmpfs mounted with a size limit")
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try sandbox.archiveWithoutDB(["import"] + files + ["--db", ref])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)

            // From "not even the schema fits" to "the last file does not": the largest is
            // below the size of the uninterrupted import's archive (a first import writes
            // through a rollback journal, so that size is about what it needs).
            let referenceKiB = try #require(try FileManager.default.attributesOfItem(atPath: ref)[.size] as? Int) / 1_024
            print("[disk-full] the uninterrupted import's archive: \(referenceKiB) KiB")
            try #require(referenceKiB > 1_024, "the dumps make an archive larger than the sizes tried")
            for kilobytes in [96, 256, 768, referenceKiB * 7 / 8] {
                let mountPoint = sandbox.path("small-\(kilobytes)")
                try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
                let mounted = try Tmpfs.mount(mountPoint, kilobytes: kilobytes)
                try #require(mounted.status == 0, "\(mounted)")
                defer { Tmpfs.unmount(mountPoint) }
                let db = mountPoint + "/archive.db"

                let full = try sandbox.archiveWithoutDB(["import"] + files + ["--db", db], environment: Self.knobs)
                let count = try sandbox.archive("sql", "SELECT count(*) AS n FROM articles", "--format", "json", db: db)
                let committed = (try? jsonArray(count.stdout))?.first?["n"].map { "\($0)" } ?? "no archive (\(count.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))"
                print("[disk-full] tmpfs of \(kilobytes) KiB: exit \(full.status), \(committed) articles committed; \(Self.reason(full))")
                #expect(full.status == 1, "\(full)")
                let reason = Self.reason(full)
                #expect(reason.lowercased().contains("disk is full") || reason.lowercased().contains("no space"),
                        "the last line says the disk is full: \(full)")
                #expect(!full.stderr.contains("malformed") && !full.stderr.lowercased().contains("corrupt"), "\(full)")

                // The archive as the full disk left it, copied out with its log.
                let copy = sandbox.path("copy-\(kilobytes).db")
                if FileManager.default.fileExists(atPath: db) {
                    try ArchiveFiles.copy(db, to: copy)
                    let problems = try Self.interruptedStateProblems(sandbox, db: copy)
                    #expect(problems == [], "after the disk filled up at \(kilobytes) KiB")
                }

                // Space again, in place: the same import completes it.
                let grown = try Tmpfs.mount(mountPoint, kilobytes: 65_536, remount: true)
                try #require(grown.status == 0, "\(grown)")
                let again = try sandbox.archiveWithoutDB(["import"] + files + ["--db", db], environment: Self.knobs)
                #expect([0, 2].contains(again.status), "\(again)")
                let differences = try ArchiveSnapshot.capture(sandbox, db: db).differences(from: reference)
                #expect(differences == [], "continued in place after the disk filled up at \(kilobytes) KiB")
                let check = try sandbox.archive("check", db: db)
                #expect(check.status == 0, "\(check)")

                // Or moved (with its log) to a disk with space: the same.
                if FileManager.default.fileExists(atPath: copy) {
                    let moved = try sandbox.archiveWithoutDB(["import"] + files + ["--db", copy], environment: Self.knobs)
                    #expect([0, 2].contains(moved.status), "\(moved)")
                    let movedDifferences = try ArchiveSnapshot.capture(sandbox, db: copy).differences(from: reference)
                    #expect(movedDifferences == [], "moved to a roomy disk after it filled up at \(kilobytes) KiB")
                }
            }
        }
    }

    @Test("a file-size limit (ulimit -f) part-way: one clear line, a consistent archive, and without the limit the same import completes it")
    func fileSizeLimit() throws {
        try withSandbox { sandbox in
            print("[disk-full] mechanism: a file-size limit (ulimit -f in /bin/sh, signals as a shell leaves them)")
            let files = try SafetyDumps.write(into: sandbox)
            let ref = sandbox.path("ref.db")
            _ = try sandbox.archiveWithoutDB(["import"] + files + ["--db", ref])
            let reference = try ArchiveSnapshot.capture(sandbox, db: ref)

            let db = sandbox.db
            // 1,200 blocks of 512 bytes: the write-ahead log outgrows it in the second file.
            let limited = try CleanSpawn.run(
                "/bin/sh", ["-c", "ulimit -f 1200; exec \"$0\" \"$@\"", try Paths.requireBinary().path, "import"] + files + ["--db", db],
                environment: Sandbox.environment(Self.knobs), output: sandbox.directory.appendingPathComponent(".limited-output"))
            let lastLine = limited.output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            print("[disk-full] ulimit -f 1200: exit \(limited.status.map(String.init) ?? "none"), signal \(limited.signal.map(String.init) ?? "none"); last line: \(lastLine)")
            #expect(limited.status == 1, "exit code 1 (README: disk full, I/O error), not death by signal \(limited.signal ?? 0): \(limited.output)")
            #expect(lastLine.lowercased().contains("file size limit") || lastLine.lowercased().contains("disk is full")
                    || lastLine.lowercased().contains("too large"),
                    "one line that says the file size limit stopped it: \(limited.output)")

            let problems = try Self.interruptedStateProblems(sandbox, db: db)
            #expect(problems == [])
            let again = try sandbox.archiveWithoutDB(["import"] + files + ["--db", db], environment: Self.knobs)
            #expect([0, 2].contains(again.status), "\(again)")
            let differences = try ArchiveSnapshot.capture(sandbox, db: db).differences(from: reference)
            #expect(differences == [])
            let check = try sandbox.archive("check", db: db)
            #expect(check.status == 0, "\(check)")
        }
    }
}
