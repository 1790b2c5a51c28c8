import Testing
@testable import ArchiveCore

/// A word's or an OR of words' articles read from FTS5's leaf pages (`TermDocuments`)
/// are the articles FTS5 itself finds for them.
@Suite("articles read from the index's document lists")
struct TermDocumentsTests {
    /// FTS5's matches for an expression, newest first.
    static func fts5(_ expression: String, _ connection: Connection) throws -> [Int64] {
        var ids: [Int64] = []
        try connection.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC")
            .bind(.text(expression)).forEachRow { ids.append(Int64($0.int(0))) }
        return ids
    }

    /// Every term of `articles_fts`, by fts5vocab.
    static func allTerms(_ connection: Connection) throws -> [String] {
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, articles_fts, row)")
        var terms: [String] = []
        try connection.prepare("SELECT term FROM temp.v").forEachRow { terms.append($0.string(0)) }
        return terms
    }

    static func descending(_ bits: ArticleBits, below limit: Int64? = nil) -> [Int64] {
        var ids: [Int64] = []
        bits.forEachDescending(below: limit) { ids.append($0); return true }
        return ids
    }

    @Test("every term, and unions of terms, on an index of many segments, a half-done merge, rewritten and deleted articles")
    func sameArticlesAsFTS5() throws {
        let directory = TemporaryDirectory()
        // Many segments of 64-byte leaves (lists over many leaves), a stopped merge, a
        // fifth of the articles rewritten by SQL.
        let db = try SegmentTermsTests.fragmentedArchive(directory)
        let connection = try Connection(path: db)
        defer { connection.close() }
        // Deleted and rewritten again in later segments, and ids FTS5 writes as nine
        // bytes: negative and far beyond the others.
        try connection.execute("""
            DELETE FROM articles WHERE id % 7 = 0;
            UPDATE articles SET body = body || ' ecbe' WHERE id % 3 = 0;
            INSERT INTO articles (id, title, body, tags, fingerprint, imported_at)
                VALUES (-5, 'Negative', 'ecbe baba', '[]', x'05', '2024-01-01T00:00:00Z'),
                       (9223372036854775000, 'Far', 'ecbe onba', '[]', x'06', '2024-01-01T00:00:00Z');
            """)
        let reader = SegmentTerms(connection: connection, index: "articles_fts")
        #expect(try #require(try reader.segments()).count >= 4)
        let largest = try Int64(connection.scalarInt("SELECT max(id) FROM articles WHERE id < 1000000"))
        let lists = TermDocuments(connection: connection, index: "articles_fts")
        let terms = try Self.allTerms(connection)
        #expect(terms.count > 500)
        var random = SplitMix64(seed: 11)
        var longest = 0
        for term in terms {
            let expected = try Self.fts5("\"\(term)\"", connection)
            longest = max(longest, expected.count)
            let read = try #require(try lists.articles(containingAny: [term], upTo: largest), "\(term)")
            #expect(Self.descending(read) == expected, "\(term)")
        }
        // The fixture's lists run over many leaves, and the far and negative ids are read.
        #expect(longest > 300)
        #expect(try Self.fts5("ecbe", connection).count > 100)
        for _ in 0..<100 {
            let some = (0..<Int.random(in: 2...5, using: &random)).map { _ in terms.randomElement(using: &random)! }
            let expected = try Self.fts5(some.map { "\"\($0)\"" }.joined(separator: " OR "), connection)
            let read = try #require(try lists.articles(containingAny: some, upTo: largest))
            #expect(Self.descending(read) == expected, "\(some)")
            // Walked from below an id, as a count goes on from a ranking window.
            let cut = expected.isEmpty ? 0 : expected[expected.count / 2]
            #expect(Self.descending(read, below: cut) == expected.filter { $0 < cut }, "\(some) below \(cut)")
        }
    }

    @Test("the expressions read from the lists: one word or words joined by OR, as the tokenizer writes their terms")
    func expressionsReadFromTheLists() throws {
        #expect(TermDocuments.words(orInside: "harbour") == ["harbour"])
        #expect(TermDocuments.words(orInside: "\"harbour\"") == ["harbour"])
        #expect(TermDocuments.words(orInside: "(\"econom\" OR \"economi\" OR \"economist\")") == ["econom", "economi", "economist"])
        #expect(TermDocuments.words(orInside: "Ports OR \"OR\"") == ["Ports", "OR"])
        for other in ["harbour quay", "harbour AND quay", "\"harbour quay\"", "harb*", "NOT", "OR", "(a OR b) c", "a OR",
                      "title:harbour", "-a", "\"\"", "a OR OR b", "café", ""] {
            #expect(TermDocuments.words(orInside: other) == nil, "\(other)")
        }

        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", """
            {"title": "Harbours", "body": "The harbour was busy", "tags": []}
            {"title": "Quays", "body": "Running along the quay", "tags": []}
            {"title": "Other", "body": "Nothing here", "tags": []}

            """)], into: db)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let lists = TermDocuments(connection: archive.connection, index: "articles_fts")
        // Words are stemmed and lowercased as the index's tokenizer does.
        for (expression, expected) in [("Harbours", [1]), ("\"RUNNING\" OR quays", [2]), ("(harbour OR quay OR nothing)", [3, 2, 1]),
                                       ("absent", [])] as [(String, [Int64])] {
            let read = try #require(try lists.articles(matching: expression, upTo: 3), "\(expression)")
            #expect(Self.descending(read) == expected, "\(expression)")
            #expect(try Self.fts5(expression, archive.connection) == expected, "\(expression) by FTS5")
        }
        #expect(try lists.articles(matching: "harbour quay", upTo: 3) == nil)
    }

    @Test("bits walked largest first, from below any id, negative and far ids included")
    func descendingWalk() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<50 {
            let largest = Int64.random(in: 0...700, using: &random)
            var bits = ArticleBits(upTo: largest)
            var ids = Set<Int64>()
            for _ in 0..<Int.random(in: 0...80, using: &random) {
                // Mostly ids given a bit; some negative, past the bits, or far beyond.
                let id = switch Int.random(in: 0..<12, using: &random) {
                case 0: Int64.random(in: -9...(-1), using: &random)
                case 1: Int64.random(in: (largest + 1)...(largest + 200), using: &random)
                case 2: Int64.max - 3
                default: Int64.random(in: 0...largest, using: &random)
                }
                bits.insert(id)
                ids.insert(id)
            }
            for id in ids.shuffled(using: &random).prefix(5) {
                bits.update([(id, false)])
                ids.remove(id)
            }
            let sorted = ids.sorted(by: >)
            #expect(Self.descending(bits) == sorted)
            for cut in [Int64.min, -3, 0, 1, 63, 64, 65, largest, largest + 1, largest + 50, Int64.max] {
                #expect(Self.descending(bits, below: cut) == sorted.filter { $0 < cut }, "below \(cut)")
            }
            var stopped: [Int64] = []
            bits.forEachDescending(below: nil) { stopped.append($0); return stopped.count < 3 }
            #expect(stopped == Array(sorted.prefix(3)))
        }
    }

    @Test("a damaged leaf gives no answer (the caller asks FTS5), never a crash")
    func damagedLeaf() throws {
        let directory = TemporaryDirectory()
        let db = try SegmentTermsTests.fragmentedArchive(directory)
        let connection = try Connection(path: db)
        defer { connection.close() }
        let terms = try Self.allTerms(connection)
        var random = SplitMix64(seed: 9)
        var leaves: [Int64] = []
        try connection.prepare("SELECT id FROM articles_fts_data WHERE id > 100 ORDER BY id").forEachRow { leaves.append(Int64($0.int(0))) }
        var unanswered = 0
        for leaf in leaves.shuffled(using: &random).prefix(40) {
            do { try connection.transaction {
                let length = Int.random(in: 0...80, using: &random)
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
                try connection.prepare("UPDATE articles_fts_data SET block = ? WHERE id = ?").bind(.blob(bytes), .integer(leaf)).run()
                for term in terms.shuffled(using: &random).prefix(30) {
                    if try TermDocuments(connection: connection, index: "articles_fts").articles(containingAny: [term], upTo: 500) == nil {
                        unanswered += 1
                    }
                }
                throw Rollback()
            } } catch is Rollback {}
        }
        #expect(unanswered > 0)
    }

    struct Rollback: Error {}
}
