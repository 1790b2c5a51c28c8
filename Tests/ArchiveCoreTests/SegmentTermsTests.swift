import Foundation
import Testing
@testable import ArchiveCore

/// Prefix expansion lists the index terms under a prefix from FTS5's leaf pages
/// (SegmentTerms) instead of fts5vocab; the list must hold every term fts5vocab holds.
@Suite("index terms read from FTS5's leaf pages")
struct SegmentTermsTests {
    static let syllables = ["ba", "be", "ec", "on", "om", "ist", "ia", "ter", "pre", "st", "th", "ö", "中", "x9"]

    /// `count` articles of words made of a few syllables, so that many terms share prefixes.
    static func dump(_ range: Range<Int>, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        return range.map { n in
            let words = (0..<40).map { _ in
                (0..<Int.random(in: 1...4, using: &random)).map { _ in syllables.randomElement(using: &random)! }.joined()
            }
            return #"{"title": "Item \#(n) \#(words[0])", "body": "\#(words.joined(separator: " "))", "tags": []}"#
        }.joined(separator: "\n") + "\n"
    }

    /// An archive whose index has many segments of tiny leaves (most doclists span several),
    /// a merge stopped half-way (segments that start past their first leaf), and articles
    /// rewritten by SQL (terms whose every document is gone).
    static func fragmentedArchive(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.path("a.db")
        try importDumps([directory.write("0.jsonl", dump(0..<5, seed: 0))], into: db)
        let connection = try Connection(path: db)
        defer { connection.close() }
        try connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('pgsz', 64)")
        for part in 1...6 {
            try importDumps([directory.write("\(part).jsonl", dump(part * 60..<(part + 1) * 60, seed: UInt64(part)))], into: db)
        }
        try connection.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', 40)")
        try connection.execute("UPDATE articles SET body = 'rewritten' WHERE id % 5 = 0")
        return db
    }

    /// fts5vocab's terms under `prefix`.
    static func vocabulary(_ connection: Connection, _ prefix: String) throws -> [String] {
        var terms: [String] = []
        try connection.prepare("SELECT term FROM temp.v WHERE term >= ? AND term < ? ORDER BY term")
            .bind(.text(prefix), .text(prefix + "\u{10FFFF}")).forEachRow { terms.append($0.string(0)) }
        return terms
    }

    @Test("every prefix lists fts5vocab's terms, and any other term it lists finds nothing")
    func sameTermsAsVocabulary() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fragmentedArchive(directory)
        let connection = try Connection(path: db)
        defer { connection.close() }
        let reader = SegmentTerms(connection: connection, index: "articles_fts")
        let segments = try #require(try reader.segments())
        // The fixture is what it claims: many segments, one of them trimmed by the stopped merge.
        #expect(segments.count >= 4, "\(segments)")
        #expect(segments.contains { $0.firstPage > 1 }, "\(segments)")
        #expect(segments.contains { $0.lastPage - $0.firstPage > 20 }, "\(segments)")

        try connection.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, articles_fts, row)")
        var all: [String] = []
        try connection.prepare("SELECT term FROM temp.v").forEachRow { all.append($0.string(0)) }
        #expect(all.count > 500)
        var prefixes = Set(all.flatMap { term in (1...3).map { String(term.prefix($0)) } })
        prefixes.formUnion(["zzz", "a", "0", "ecom"])
        var extras = 0
        for prefix in prefixes.sorted() {
            let wanted = try Self.vocabulary(connection, prefix)
            guard case .terms(let listed) = try reader.terms(startingWith: prefix, limit: 100_000) else {
                Issue.record("\(prefix): not listed")
                continue
            }
            #expect(listed == listed.sorted() && Set(listed).count == listed.count)
            #expect(Set(wanted).isSubset(of: listed), "\(prefix): missing \(Set(wanted).subtracting(listed).sorted().prefix(5))")
            for term in Set(listed).subtracting(wanted) {
                extras += 1
                let matches = try connection.scalarInt(
                    "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", .text("\"" + term + "\""))
                #expect(matches == 0, "\(prefix): \(term) is listed and matches \(matches) articles")
            }
            if wanted.count > 3 {
                #expect(try reader.terms(startingWith: prefix, limit: wanted.count - 1) == .moreThanLimit)
            }
        }
        // The rewritten articles left such terms: the check above was exercised.
        #expect(extras > 0)
    }

    @Test("a merge that has emptied some of its inputs hides none of the others' terms")
    func mergeWithEmptiedInputs() throws {
        // A bare FTS5 table: two segments of words starting with "a", two of words starting
        // with "z". A merge copies terms in order, so it empties the "a" segments first.
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("t.db"))
        defer { connection.close() }
        try connection.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        try connection.execute("INSERT INTO t(t, rank) VALUES ('pgsz', 64)")
        try connection.execute("INSERT INTO t(t, rank) VALUES ('automerge', 0)")
        var random = SplitMix64(seed: 3)
        let insert = try connection.prepare("INSERT INTO t(x) VALUES (?)")
        for letter in ["a", "a", "z", "z"] {
            try connection.transaction {
                for _ in 0..<200 {
                    let words = (0..<20).map { _ in letter + String((0..<5).map { _ in "bcdefgh".randomElement(using: &random)! }) }
                    try insert.bind(.text(words.joined(separator: " "))).run()
                }
            }
        }
        let reader = SegmentTerms(connection: connection, index: "t")
        // Merge a few pages at a time until a segment is emptied while others remain.
        var segments = try #require(try reader.segments())
        for _ in 0..<200 where !segments.contains(where: \.isEmpty) {
            try connection.execute("INSERT INTO t(t, rank) VALUES ('merge', 20)")
            segments = try #require(try reader.segments())
        }
        #expect(segments.contains { $0.isEmpty }, "\(segments)")
        #expect(segments.contains { $0.firstPage > 1 }, "\(segments)")
        // `archive optimize` reports the segments that hold terms; the emptied ones keep
        // their rows in the b-tree until the merge ends.
        let holding = segments.count { !$0.isEmpty }
        #expect(try IndexMerge(connection: connection).segments(of: "t") == holding)
        #expect(try connection.scalarInt("SELECT count(DISTINCT segid) FROM t_idx") > holding)

        try connection.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, t, row)")
        for prefix in ["a", "ab", "ahh", "z", "zb", "zhh", "m"] {
            #expect(try reader.terms(startingWith: prefix, limit: 100_000) == .terms(Self.vocabulary(connection, prefix)), "\(prefix)")
        }
        #expect(try Self.vocabulary(connection, "a").count > 1_000)
    }

    @Test("damaged pages and records read as unreadable, never as a crash")
    func damagedInput() throws {
        var random = SplitMix64(seed: 7)
        for length in 0..<300 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = bytes.withUnsafeBytes { SegmentTerms.terms(onLeaf: $0) }
        }
        // A leaf whose footer points past its end, and one whose second term shares more
        // bytes than the first has.
        #expect([UInt8]([0, 0, 0, 4, 9]).withUnsafeBytes { SegmentTerms.terms(onLeaf: $0) } == nil)
        let sharedTooMuch: [UInt8] = [0, 0, 0, 10, 2, 0x30, 0x61, 5, 1, 0x62, 4, 4]
        #expect(sharedTooMuch.withUnsafeBytes { SegmentTerms.terms(onLeaf: $0) } == nil)
        let good: [UInt8] = [0, 0, 0, 11, 2, 0x30, 0x61, 1, 1, 0x62, 0, 4, 3]
        #expect(good.withUnsafeBytes { SegmentTerms.terms(onLeaf: $0) } == [[0x30, 0x61], [0x30, 0x62]])

        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("0.jsonl", Self.dump(0..<20, seed: 1))], into: db)
        let connection = try Connection(path: db)
        defer { connection.close() }
        try connection.execute("UPDATE articles_fts_data SET block = substr(block, 1, 6) WHERE id = 10")
        #expect(try SegmentTerms(connection: connection, index: "articles_fts").terms(startingWith: "ba", limit: 10) == .unreadable)
    }
}
