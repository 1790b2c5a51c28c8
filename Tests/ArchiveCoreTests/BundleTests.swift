import Foundation
import Testing
@testable import ArchiveCore

@Suite("Bundles")
struct BundleTests {
    /// A folder `src` of dumps: two days of JSON Lines (one gzipped, in a subfolder), a
    /// text dump, and a README that is no dump.
    static func sources(_ directory: TemporaryDirectory) throws {
        try FileManager.default.createDirectory(atPath: directory.path("src/2024"), withIntermediateDirectories: true)
        directory.write("src/b-day2.jsonl", jsonLines(0..<20, prefix: "Second"))
        directory.write("src/2024/a-day1.jsonl", jsonLines(0..<10, prefix: "First"))
        try tool(["gzip", "2024/a-day1.jsonl"], in: TemporaryDirectory.at(directory.path("src")))
        directory.write("src/c-day3.txt", textDump(0..<5))
        directory.write("src/README.md", "not a dump\n")
    }

    static let bundlers: [(name: String, command: [String])] = [
        ("b.zip", ["zip", "-qr", "../b.zip", "."]), ("b.tar", ["tar", "cf", "../b.tar", "."]),
        ("b.tgz", ["tar", "czf", "../b.tgz", "."]), ("b.tar.zst", ["tar", "--zstd", "-cf", "../b.tar.zst", "."]),
        ("b.tar.xz", ["tar", "cJf", "../b.tar.xz", "."]),
    ]

    @Test("each kind of bundle is read member by member; an unchanged one is skipped", arguments: [0, 1, 2, 3, 4])
    func eachKind(index: Int) throws {
        let (name, command) = Self.bundlers[index]
        let directory = TemporaryDirectory()
        try Self.sources(directory)
        #expect(try tool(command, in: TemporaryDirectory.at(directory.path("src"))) == 0)
        let db = directory.path("a.db")
        let bundle = directory.path(name)
        let observer = RecordingObserver()
        let summary = try importDumps([bundle], into: db, observer: observer)
        #expect(summary.inserted == 35)
        #expect(summary.files == 3)
        #expect(summary.filesFailed == 0)
        #expect(observer.recorded.contains(.notADump(bundle + "!README.md")))
        let members = try paths("SELECT path FROM files WHERE bundle_id IS NOT NULL ORDER BY id", in: db)
        #expect(members.map { $0.replacingOccurrences(of: bundle + "!", with: "") }.sorted()
                == ["2024/a-day1.jsonl.gz", "b-day2.jsonl", "c-day3.txt"])
        // In name order, as a folder's files, whatever order tar stored them in.
        #expect(members == members.sorted())
        #expect(try count("SELECT count(*) FROM files WHERE status = 'complete'", in: db) == 4)
        let again = try importDumps([bundle], into: db)
        #expect(again.filesSkipped == 1)
        #expect(again.records == 0)
    }

    @Test("a bundle with a new member reads only that member; nothing is extracted")
    func newMember() throws {
        let directory = TemporaryDirectory()
        try Self.sources(directory)
        let src = TemporaryDirectory.at(directory.path("src"))
        try tool(["tar", "czf", "../feed.tgz", "."], in: src)
        let db = directory.path("a.db")
        let bundle = directory.path("feed.tgz")
        #expect(try importDumps([bundle], into: db).inserted == 35)
        directory.write("src/d-day4.jsonl", jsonLines(0..<7, prefix: "Fourth"))
        try tool(["tar", "czf", "../feed.tgz", "."], in: src)
        let observer = RecordingObserver()
        let summary = try importDumps([bundle], into: db, observer: observer)
        #expect(summary.files == 1)
        #expect(summary.records == 7)
        #expect(summary.filesSkipped == 3)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 42)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path("")).filter { !$0.hasPrefix("a.db") }
        #expect(leftovers.sorted() == ["feed.tgz", "src"])
    }

    @Test("unsafe member names are refused by name; a nested bundle is not opened; the rest is read")
    func refusals() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("work/inner"), withIntermediateDirectories: true)
        directory.write("work/escape.jsonl", jsonLines(0..<3, prefix: "Escape"))
        directory.write("work/inner/ok.jsonl", jsonLines(0..<4, prefix: "Fine"))
        let inner = TemporaryDirectory.at(directory.path("work/inner"))
        try tool(["tar", "cf", "nested.tar", "ok.jsonl"], in: inner)
        // -P keeps the ../ that tar would otherwise strip.
        #expect(try tool(["tar", "-P", "-cf", "../../b.tar", "ok.jsonl", "nested.tar", "../escape.jsonl"], in: inner) == 0)
        let db = directory.path("a.db")
        let bundle = directory.path("b.tar")
        let observer = RecordingObserver()
        let summary = try importDumps([bundle], into: db, observer: observer)
        #expect(summary.inserted == 4)
        #expect(summary.filesFailed == 1)
        #expect(observer.warnings.contains("\(bundle)!../escape.jsonl: unsafe member name (an absolute path or ..); not read"))
        #expect(observer.recorded.contains(.nestedBundle(bundle + "!nested.tar")))
        #expect(try count("SELECT count(*) FROM articles WHERE title LIKE 'Escape%'", in: db) == 0)
    }

    @Test("a bundle cut short: the members before the cut are read, the cut is reported", arguments: ["b.tar", "b.tgz"])
    func truncatedBundle(name: String) throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("src"), withIntermediateDirectories: true)
        // Incompressible bodies, so that half of the .tgz is half of the members.
        var generator = SplitMix64(seed: 7)
        for day in 1...6 {
            let records = (0..<40).map { n in
                let noise = (0..<60).map { _ in String(generator.next() % 1_000_000) }.joined(separator: " ")
                return #"{"title": "Day \#(day) item \#(n)", "body": "\#(noise)"}"# + "\n"
            }
            directory.write("src/day\(day).jsonl", records.joined())
        }
        let flags = name.hasSuffix(".tgz") ? "czf" : "cf"
        // Stored out of name order: reading them in name order goes back in the stream.
        try tool(["tar", flags, "../" + name] + [2, 1, 4, 3, 6, 5].map { "day\($0).jsonl" }, in: TemporaryDirectory.at(directory.path("src")))
        let whole = try Data(contentsOf: directory.url.appendingPathComponent(name))
        let bundle = directory.write("cut-" + name, bytes: Array(whole.prefix(whole.count / 2)))
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([bundle], into: db, observer: observer)
        #expect(summary.filesFailed >= 1)
        #expect(summary.inserted >= 80 && summary.inserted < 240, "\(summary)")
        #expect(summary.inserted % 40 == 0 || name == "b.tar", "whole members only from a compressed tar: \(summary)")
        let read = try paths("SELECT path FROM files WHERE bundle_id IS NOT NULL ORDER BY id", in: db)
        #expect(read == read.sorted(), "\(read)")
        #expect(observer.warnings.contains { $0.contains("ends early") }, "\(observer.warnings)")
        #expect(try count("SELECT count(*) FROM files WHERE path = '\(bundle)' AND status = 'complete'", in: db) == 0)
        // Completed, it is read to the end and nothing is counted twice.
        try whole.write(to: URL(fileURLWithPath: bundle))
        let rest = try importDumps([bundle], into: db)
        #expect(rest.filesFailed == 0)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 240)
        #expect(try count("SELECT count(*) FROM files WHERE path = '\(bundle)' AND status = 'complete'", in: db) == 1)
    }

    @Test("a corrupt .tgz: nothing decoded from the damaged stream becomes an article")
    func corruptCompressedTar() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("src"), withIntermediateDirectories: true)
        directory.write("src/a.jsonl", jsonLines(0..<300, prefix: "Alpha"))
        try tool(["tar", "czf", "../b.tgz", "a.jsonl"], in: TemporaryDirectory.at(directory.path("src")))
        var bytes = Array(try Data(contentsOf: directory.url.appendingPathComponent("b.tgz")))
        bytes[bytes.count - 200] ^= 0x5A
        let bundle = directory.write("bad.tgz", bytes: bytes)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([bundle], into: db, observer: observer)
        #expect(summary.inserted == 0)
        #expect(summary.errors == 0)
        #expect(summary.filesFailed == 1)
        #expect(observer.warnings.contains { $0.hasPrefix(bundle + ": compressed data is corrupt at byte ") }, "\(observer.warnings)")
    }

    @Test("member names: what is read, skipped or refused")
    func memberNames() {
        #expect(BundleMember.refusal(name: "2024/day.jsonl.gz", isFile: true, forcedFormat: nil) == nil)
        #expect(BundleMember.refusal(name: "../etc/day.jsonl", isFile: true, forcedFormat: nil) == .unsafeName)
        #expect(BundleMember.refusal(name: "/etc/day.jsonl", isFile: true, forcedFormat: nil) == .unsafeName)
        #expect(BundleMember.refusal(name: "a/../../day.jsonl", isFile: true, forcedFormat: nil) == .unsafeName)
        #expect(BundleMember.refusal(name: "C:/day.jsonl", isFile: true, forcedFormat: nil) == .unsafeName)
        #expect(BundleMember.refusal(name: "inner.zip", isFile: true, forcedFormat: nil) == .nestedBundle)
        #expect(BundleMember.refusal(name: "more.tar.gz", isFile: true, forcedFormat: nil) == .nestedBundle)
        #expect(BundleMember.refusal(name: "notes.md", isFile: true, forcedFormat: nil) == .notADump)
        #expect(BundleMember.refusal(name: "notes.md", isFile: true, forcedFormat: .text) == nil)
        #expect(BundleMember.refusal(name: "__MACOSX/._day.jsonl", isFile: true, forcedFormat: nil) == .notContent)
        #expect(BundleMember.refusal(name: "2024/", isFile: false, forcedFormat: nil) == .notContent)
    }

    @Test("a folder's compressed dumps and bundles are imported beside its plain dumps")
    func folder() throws {
        let directory = TemporaryDirectory()
        try Self.sources(directory)
        let src = TemporaryDirectory.at(directory.path("src"))
        try FileManager.default.createDirectory(atPath: directory.path("dumps"), withIntermediateDirectories: true)
        try tool(["zip", "-qr", "../dumps/week.zip", "."], in: src)
        directory.write("dumps/plain.jsonl", jsonLines(0..<6, prefix: "Plain"))
        directory.write("dumps/packed.jsonl", jsonLines(0..<8, prefix: "Packed"))
        try tool(["xz", "dumps/packed.jsonl"], in: directory)
        directory.write("dumps/notes.pdf", "not a dump")
        let db = directory.path("a.db")
        let summary = try importDumps([directory.path("dumps")], into: db)
        #expect(summary.inserted == 35 + 6 + 8)
        #expect(summary.filesFailed == 0)
    }

    @Test("a damaged zip member is refused with its reason; the other members are read")
    func damagedZipMember() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("src"), withIntermediateDirectories: true)
        directory.write("src/a.jsonl", jsonLines(0..<50, prefix: "Alpha"))
        directory.write("src/b.jsonl", jsonLines(0..<50, prefix: "Beta"))
        // Stored (-0), so the bytes can be found and damaged.
        try tool(["zip", "-q0", "../b.zip", "a.jsonl", "b.jsonl"], in: TemporaryDirectory.at(directory.path("src")))
        var bytes = Array(try Data(contentsOf: directory.url.appendingPathComponent("b.zip")))
        let marker = Array("Beta 25".utf8)
        let at = try #require((0..<(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes[at] = UInt8(ascii: "Z")
        let bundle = directory.write("b.zip", bytes: bytes)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([bundle], into: db, observer: observer)
        #expect(summary.filesFailed == 1)
        #expect(observer.warnings.contains { $0.hasPrefix(bundle + "!b.jsonl: compressed data is corrupt") })
        #expect(try count("SELECT count(*) FROM articles WHERE title LIKE 'Alpha%'", in: db) == 50)
        #expect(try count("SELECT count(*) FROM articles WHERE title LIKE 'Zeta%'", in: db) == 0)
        // Not complete: the next run tries the damaged member again.
        #expect(try count("SELECT count(*) FROM files WHERE path = '\(bundle)' AND status = 'complete'", in: db) == 0)
    }
}

func paths(_ sql: String, in db: String) throws -> [String] {
    let archive = try Archive(path: db, mode: .read)
    defer { archive.close() }
    var result: [String] = []
    try archive.connection.prepare(sql).forEachRow { result.append($0.string(0)) }
    return result
}

extension TemporaryDirectory {
    /// An existing folder, not removed afterwards (its parent's TemporaryDirectory is).
    static func at(_ path: String) -> TemporaryDirectory { TemporaryDirectory(existing: path) }
}
