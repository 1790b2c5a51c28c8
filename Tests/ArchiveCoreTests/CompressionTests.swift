import Foundation
import Testing
@testable import ArchiveCore

/// Runs a system tool (gzip, zstd, xz, bzip2, tar, zip) the way a user's pipeline would,
/// so the streams tested are real ones. `make test` installs the tools that Debian
/// does not ship by default (zstd, zip).
@discardableResult
func tool(_ arguments: [String], in directory: TemporaryDirectory, stdout: String? = nil) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory.url
    if let stdout {
        _ = FileManager.default.createFile(atPath: directory.path(stdout), contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: directory.path(stdout))
    }
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

/// JSON Lines records numbered `range`, each with a distinct body.
func jsonLines(_ range: Range<Int>, prefix: String = "Item") -> String {
    range.map { n in
        #"{"title": "\#(prefix) \#(n) on the harbour", "body": "Body \#(n): the council met about berth \#(n * 7) and the ferry \#(n % 5).", "published": "2024-04-\#(10 + n % 9)"}"#
            + "\n"
    }.joined()
}

@Suite("Compressed dumps")
struct CompressionTests {
    static let compressors: [(tool: [String], suffix: String, compression: Compression)] = [
        (["gzip", "-c"], ".gz", .gzip), (["zstd", "-q", "-c"], ".zst", .zstd),
        (["xz", "-c"], ".xz", .xz), (["bzip2", "-c"], ".bz2", .bzip2),
    ]

    @Test("each format is read from a file, named or not, and from standard input's bytes",
          arguments: [0, 1, 2, 3])
    func eachFormat(index: Int) throws {
        let (command, suffix, compression) = Self.compressors[index]
        let directory = TemporaryDirectory()
        directory.write("day.jsonl", jsonLines(0..<50))
        try tool(command + ["day.jsonl"], in: directory, stdout: "day.jsonl" + suffix)
        // The same bytes under a name that says nothing: told by the magic bytes.
        try FileManager.default.copyItem(atPath: directory.path("day.jsonl" + suffix), toPath: directory.path("mystery.jsonl"))
        let db = directory.path("a.db")
        let summary = try importDumps([directory.path("day.jsonl" + suffix)], into: db)
        #expect(summary.inserted == 50)
        #expect(try count("SELECT count(*) FROM files WHERE compression = '\(compression.rawValue)' AND status = 'complete'", in: db) == 1)
        let other = directory.path("b.db")
        #expect(try importDumps([directory.path("mystery.jsonl")], into: other).inserted == 50)
        // A ByteSource over a descriptor (what `archive import -` reads) decodes too.
        let handle = try #require(FileHandle(forReadingAtPath: directory.path("day.jsonl" + suffix)))
        let source = try ByteSource(descriptor: handle.fileDescriptor, name: "-")
        var reader = try DumpFormat.jsonl.reader(source: source, line: 1)
        var records = 0
        while let event = try reader.next() { if event.record != nil { records += 1 } }
        #expect(records == 50)
        #expect(source.compression == compression)
        // Hashed as it came: the compressed bytes.
        #expect(source.bytesRead == Int64(try Data(contentsOf: directory.url.appendingPathComponent("day.jsonl" + suffix)).count))
    }

    @Test("an unchanged compressed file is skipped; one with a member appended reads only the new records")
    func grownGzip() throws {
        let directory = TemporaryDirectory()
        directory.write("part1.jsonl", jsonLines(0..<30))
        directory.write("part2.jsonl", jsonLines(30..<45))
        try tool(["gzip", "-c", "part1.jsonl"], in: directory, stdout: "feed.jsonl.gz")
        let db = directory.path("a.db")
        let feed = directory.path("feed.jsonl.gz")
        #expect(try importDumps([feed], into: db).inserted == 30)
        #expect(try importDumps([feed], into: db).filesSkipped == 1)
        // What `gzip -c more >> feed.gz` does: a second member.
        try tool(["gzip", "-c", "part2.jsonl"], in: directory, stdout: "more.gz")
        let handle = try #require(FileHandle(forWritingAtPath: feed))
        handle.seekToEndOfFile()
        handle.write(try Data(contentsOf: directory.url.appendingPathComponent("more.gz")))
        handle.closeFile()
        let observer = RecordingObserver()
        let grown = try importDumps([feed], into: db, observer: observer)
        #expect(grown.records == 15)
        #expect(grown.inserted == 15)
        #expect(observer.notes.contains { $0.contains("has grown") })
        #expect(try count("SELECT count(*) FROM articles", in: db) == 45)
        #expect(try count("SELECT count(*) FROM sightings", in: db) == 45)
    }

    @Test("a cut-short stream: the complete records before the cut are in, the cut is recorded; the completed file finishes")
    func truncated() throws {
        let directory = TemporaryDirectory()
        directory.write("day.jsonl", jsonLines(0..<400))
        try tool(["gzip", "-c", "day.jsonl"], in: directory, stdout: "whole.jsonl.gz")
        let whole = try Data(contentsOf: directory.url.appendingPathComponent("whole.jsonl.gz"))
        let path = directory.write("day.jsonl.gz", bytes: Array(whole.prefix(whole.count / 2)))
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([path], into: db, observer: observer)
        #expect(summary.filesFailed == 1)
        #expect(summary.inserted > 0 && summary.inserted < 400)
        #expect(observer.warnings.contains { $0.hasPrefix(path + ": compressed data ends early at byte ") })
        #expect(try count("SELECT count(*) FROM import_errors WHERE message LIKE 'compressed data ends early at byte %'", in: db) == 1)
        // Every record imported is a whole one.
        #expect(try count("SELECT count(*) FROM articles WHERE body NOT LIKE '%ferry _.'", in: db) == 0)
        // The download completes: the rest comes in, nothing twice.
        try whole.write(to: URL(fileURLWithPath: path))
        let rest = try importDumps([path], into: db)
        #expect(rest.filesFailed == 0)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 400)
        #expect(try count("SELECT count(*) FROM sightings", in: db) == 400)
        #expect(try count("SELECT count(*) FROM import_errors", in: db) == 0)
    }

    @Test("a corrupt member: the members before it are in, nothing decoded from it is, the damage is recorded")
    func corrupt() throws {
        let directory = TemporaryDirectory()
        directory.write("a.jsonl", jsonLines(0..<100))
        directory.write("b.jsonl", jsonLines(100..<200))
        try tool(["gzip", "-c", "a.jsonl"], in: directory, stdout: "a.gz")
        try tool(["gzip", "-c", "b.jsonl"], in: directory, stdout: "b.gz")
        var second = Array(try Data(contentsOf: directory.url.appendingPathComponent("b.gz")))
        // Flip bits in the middle of the second member's compressed data.
        second[second.count / 2] ^= 0x55
        let first = Array(try Data(contentsOf: directory.url.appendingPathComponent("a.gz")))
        let path = directory.write("day.jsonl.gz", bytes: first + second)
        // Hashing for the ledger does not decode (an unchanged file is skipped without
        // it); the check before reading does, and finds the damage after the first member.
        #expect(try FileDigest(path: path).damage == nil)
        #expect(try FileDigest.damage(path: path)?.damage == .corrupt(trustedLength: Int64(jsonLines(0..<100).utf8.count)))
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([path], into: db, observer: observer)
        #expect(summary.filesFailed == 1)
        #expect(summary.inserted == 100)
        #expect(summary.errors == 0)
        #expect(observer.warnings.contains { $0.hasPrefix(path + ": compressed data is corrupt at byte ") })
        #expect(try count("SELECT count(*) FROM import_errors WHERE message LIKE 'compressed data is corrupt at byte %'", in: db) == 1)
    }
}
