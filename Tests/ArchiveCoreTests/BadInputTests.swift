import Foundation
import Testing
@testable import ArchiveCore

/// Every kind of bad input the issue lists: a clear message naming the file and line,
/// the good records around it imported, the bad ones kept with their bytes.
@Suite("Bad input")
struct BadInputTests {
    /// Two good records in the text format (headers repeated, as the dumps do).
    static let good = "Good story one. A | B\nGood story one. A | B\n\nBody of the first good story.\n\n"
        + "Good story two. C | D\nGood story two. C | D\n\nBody of the second good story.\n"

    static func titles(_ db: String) throws -> [String] {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        var titles: [String] = []
        try archive.connection.prepare("SELECT title FROM articles ORDER BY id").forEachRow { titles.append($0.string(0)) }
        return titles
    }

    @Test("a missing path and files that cannot be read are named; the rest is imported")
    func unreadablePaths() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path("in"), withIntermediateDirectories: true)
        directory.write("in/a.txt", Self.good)
        try FileManager.default.createSymbolicLink(atPath: directory.path("in/b.txt"), withDestinationPath: directory.path("gone.txt"))
        #expect(mkfifo(directory.path("in/c.txt"), 0o644) == 0)
        let observer = RecordingObserver()
        let summary = try importDumps([directory.path("in"), directory.path("nope.jsonl")], into: directory.path("a.db"), observer: observer)
        #expect(summary.inserted == 2)
        #expect(summary.filesFailed == 3)
        #expect(observer.warnings.contains { $0.contains("nope.jsonl: no such file") })
        #expect(observer.warnings.contains { $0.contains("b.txt") })
        #expect(observer.warnings.contains { $0.contains("c.txt: not a regular file") })
    }

    @Test("empty and blank files import nothing and say so")
    func emptyFiles() throws {
        let directory = TemporaryDirectory()
        for (name, text) in [("empty.txt", ""), ("blank.txt", "\n \n\t\n\n"), ("blank.jsonl", "\n\n"), ("empty.csv", "")] {
            let observer = RecordingObserver()
            let summary = try importDumps([directory.write(name, text)], into: directory.path("\(name).db"), observer: observer)
            #expect(summary.records == 0 && summary.errors == 0 && summary.filesFailed == 0)
            #expect(observer.notes.contains { $0.contains("\(name): no records found") })
        }
    }

    @Test("binary files and UTF-16 are refused with the reason; nothing is imported from them")
    func refusedFiles() throws {
        let directory = TemporaryDirectory()
        var random = SplitMix64(seed: 9)
        let noise = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let cases: [(String, [UInt8], String)] = [
            ("nul.txt", Array(repeating: 0, count: 5_000) + Array(Self.good.utf8), "binary data"),
            ("noise.jsonl", noise, "binary data"),
            ("utf16.txt", [0xFF, 0xFE] + Array(Self.good.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16"),
        ]
        for (name, bytes, reason) in cases {
            let observer = RecordingObserver()
            let db = directory.path("\(name).db")
            let summary = try importDumps([directory.write(name, bytes: bytes)], into: db, observer: observer)
            #expect(summary.filesFailed == 1, "\(name)")
            #expect(summary.inserted == 0)
            #expect(observer.warnings.contains { $0.contains(name) && $0.contains(reason) }, "\(observer.warnings)")
        }
    }

    @Test("invalid UTF-8 inside a good article: imported with U+FFFD, a warning, and the bytes kept")
    func invalidUTF8() throws {
        let directory = TemporaryDirectory()
        var bytes = Array("Café story. Food\nCafé story. Food\n\nThe caf".utf8)
        bytes += [0xE9, 0xFF]
        bytes += Array(" served coffee.\n\n".utf8) + Array(Self.good.utf8)
        let dump = directory.write("mixed.txt", bytes: bytes)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(summary.inserted == 3)
        #expect(summary.errors == 0)
        #expect(observer.warnings.contains { $0.hasPrefix("\(dump):1: invalid UTF-8") })
        let archive = try Archive(path: db, mode: .read)
        #expect(try archive.connection.scalar("SELECT body FROM articles WHERE id = 1") == .text("The caf\u{FFFD}\u{FFFD} served coffee."))
        let raw = try archive.connection.scalar("SELECT raw FROM import_errors WHERE article_id = 1")
        guard case .blob(let kept) = raw else { Issue.record("no raw bytes kept"); return }
        #expect(kept.contains(0xE9) && kept.contains(0xFF))
        #expect(try archive.stats().importErrors == 0)
    }

    @Test("a stray NUL in text is replaced, with a warning and the record's bytes kept")
    func strayNUL() throws {
        let directory = TemporaryDirectory()
        // JSON carries the NUL escaped; it reaches the article as a character.
        let dump = directory.write("nul.jsonl", #"{"title": "T", "body": "before\u0000after"}"# + "\n")
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(summary.inserted == 1 && summary.errors == 0)
        #expect(observer.warnings.contains { $0.contains("NUL characters replaced") })
        let archive = try Archive(path: db, mode: .read)
        #expect(try archive.connection.scalar("SELECT body FROM articles") == .text("before\u{FFFD}after"))
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM import_errors WHERE article_id = 1 AND instr(raw, '\\u0000') > 0") == 1)
    }

    @Test("a Latin-1 dump is read as Latin-1; mojibake is kept as it is")
    func latin1AndMojibake() throws {
        let directory = TemporaryDirectory()
        let latin1: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" story. Food | Prices\n\nPrices in ".utf8) + [0x80] + Array(" and 3 ".utf8) + [0xA3] + Array(".\n".utf8)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        try importDumps([directory.write("latin1.txt", bytes: latin1)], into: db, observer: observer)
        #expect(observer.notes.contains { $0.contains("latin1.txt: not UTF-8; read as Latin-1") })
        try importDumps([directory.write("mojibake.jsonl", #"{"title": "Price Â£5", "body": "It costs Â£5 â€” really."}"# + "\n")], into: db)
        #expect(try Self.titles(db) == ["Café story.", "Price Â£5"])
        let archive = try Archive(path: db, mode: .read)
        #expect(try archive.connection.scalar("SELECT body FROM articles WHERE id = 1") == .text("Prices in € and 3 £."))
    }

    @Test("a 50 MB line is refused as a record with its bytes; the articles after it are imported")
    func hugeLine() throws {
        let directory = TemporaryDirectory()
        let huge = String(repeating: "word ", count: 10_000_000)
        let dump = directory.write("huge.txt", huge + "\n\n" + Self.good)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(try Self.titles(db) == ["Good story one.", "Good story two."])
        #expect(summary.errors == 1)
        #expect(observer.warnings.contains { $0.hasPrefix("\(dump):1: the title is") })
        #expect(try count("SELECT length(raw) FROM import_errors", in: db) >= 50_000_000)
    }

    @Test("a 20 MB article and 100,000 tiny records import whole")
    func bigAndMany() throws {
        let directory = TemporaryDirectory()
        let body = String(repeating: "The harbour council met again. ", count: 650_000)
        let big = directory.write("big.jsonl", "{\"title\": \"Long one\", \"body\": \"\(body)\"}\n")
        let tiny = directory.write("tiny.jsonl", (0..<100_000).map { "{\"title\": \"t\($0)\", \"body\": \"b\($0)\"}\n" }.joined())
        let db = directory.path("a.db")
        let summary = try importDumps([big, tiny], into: db)
        #expect(summary.inserted == 100_001)
        #expect(try count("SELECT length(body) FROM articles WHERE id = 1", in: db) == body.utf8.count - 1)
    }

    @Test("records that cannot be articles are refused with file and line, and their bytes", arguments: [
        ("no-body.txt", "Header only. X | Y\nHeader only. X | Y\n\n" + good, 1, "no body"),
        ("no-header.txt", String(repeating: "This long paragraph has no header line above it. ", count: 30) + "\n\n" + good, 1, "header line missing"),
        ("cut.jsonl", "{\"title\": \"Cut\", \"bo\n{\"title\": \"Good story one.\", \"body\": \"x\"}\n{\"title\": \"Good story two.\", \"body\": \"y\"}\n", 1, "invalid JSON"),
        ("type.jsonl", "{\"title\": \"Good story one.\", \"body\": \"x\"}\n{\"title\": [\"T\"], \"body\": \"z\"}\n{\"title\": \"Good story two.\", \"body\": \"y\"}\n", 2, "must be a string"),
        ("quote.csv", "title,body\nGood story one.,x\n\"Open,never closed\nGood story two.,y\n", 3, "never closed"),
        ("column.csv", "title,body,url\nGood story one.,x,u\nMissing one,z\nGood story two.,y,u\n", 3, "expected 3 fields"),
    ])
    func refusedRecords(name: String, text: String, line: Int, reason: String) throws {
        let directory = TemporaryDirectory()
        let dump = directory.write(name, text)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(try Self.titles(db) == ["Good story one.", "Good story two."])
        #expect(summary.errors == 1)
        #expect(observer.warnings.contains { $0.hasPrefix("\(dump):\(line): ") && $0.contains(reason) }, "\(observer.warnings)")
        #expect(try count("SELECT count(*) FROM import_errors WHERE line = \(line) AND length(raw) > 0 AND article_id IS NULL", in: db) == 1)
    }

    @Test("a CSV without a title column is refused as a whole, before the ledger records it")
    func csvWithoutTitle() throws {
        let directory = TemporaryDirectory()
        let observer = RecordingObserver()
        let db = directory.path("a.db")
        let dump = directory.write("bad.csv", "kicker,body\nA,b\n")
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(summary.inserted == 0 && summary.filesFailed == 1)
        #expect(observer.warnings.contains { $0.hasPrefix("\(dump): the header row has no title column") && $0.contains("--title-from-body") },
                "\(observer.warnings)")
        #expect(try count("SELECT count(*) FROM files", in: db) == 0)
        #expect(try count("SELECT count(*) FROM import_errors", in: db) == 0)
    }

    @Test("dates in the future are kept with a warning; the year 0 is an unreadable date")
    func oddDates() throws {
        let directory = TemporaryDirectory()
        let dump = directory.write("dates.txt", """
            Future story. X

            Release time:2999-01-01 10:00

            From the future.

            Ancient story. Y

            Release time:0000-01-01

            From the year zero.
            """)
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer)
        #expect(summary.inserted == 2)
        #expect(observer.warnings.contains { $0.contains(":1: date 2999-01-01T10:00:00 is in the future") })
        #expect(observer.warnings.contains { $0.contains(":7: unreadable date \"0000-01-01\"") })
        #expect(try count("SELECT count(*) FROM articles WHERE published IS NULL AND published_raw = '0000-01-01'", in: db) == 1)
    }
}
