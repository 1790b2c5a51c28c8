import Testing
@testable import ArchiveCore

/// The packed ids of tags and months (`FilterBlocks`) give a filter's bits exactly as
/// reading article_tags and articles does, and a block is never read once something
/// changed one of its articles.
@Suite("Filter blocks")
struct FilterBlocksTests {
    /// Articles written by SQL with ids spread over blocks 0, 1, 3 and one far beyond
    /// the ids bits cover, and a negative one: dense tags (a bitmap per block) and rare
    /// ones (a list), tags equal but for case, dates of every length, undated articles.
    static func fixture(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.path("a.db")
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let ids: [Int64] = Array(1...3_000) + stride(from: 4_096, to: 8_192, by: 37) + [12_300, 12_301, 1 << 40, -3]
        let dates = ["2022-01-15T10:00:00", "2022-03", "2022", nil, "2022-12-31T23:59:59", "2023-01-01T00:00:00",
                     "2022-03-10T00:00:00", "2021-11-30T08:00:00", "2022-0"]
        let insert = try archive.connection.prepare("""
            INSERT INTO articles (id, title, body, tags, published, fingerprint, imported_at) VALUES (?, ?, 'body', ?, ?, ?, '2024-01-01T00:00:00Z')
            """)
        try archive.connection.transaction {
            for (index, id) in ids.enumerated() {
                var tags: [String] = []
                if index % 3 == 0 { tags.append(index % 2 == 0 ? "Business" : "business") }
                if index % 97 == 0 { tags.append("Tech") }
                if index % 5 == 1 { tags.append("Økonomi") }
                let date = dates[index % dates.count]
                try insert.bind(.integer(id), .text("Article \(id)"), .text(JSONText.array(tags)),
                                date.map { .text($0) } ?? .null, .blob(Array("\(id)".utf8))).run()
            }
        }
        return db
    }

    static func filters() throws -> [ArticleFilter] {
        var odd = try ArticleFilter()
        odd.since = "2022-0"
        odd.until = "2022-03"
        return [
            try ArticleFilter(tags: ["Business"]), try ArticleFilter(tags: ["BUSINESS"]), try ArticleFilter(tags: ["tech"]),
            try ArticleFilter(tags: ["Økonomi"]), try ArticleFilter(tags: ["økonomi"]), try ArticleFilter(tags: ["none"]),
            try ArticleFilter(since: "2022", until: "2022"), try ArticleFilter(since: "2022-03"), try ArticleFilter(until: "2022-06"),
            try ArticleFilter(since: "2022-01-15", until: "2022-03-10"), try ArticleFilter(since: "2022-12-31 23:00"),
            try ArticleFilter(since: "2021-12", until: "2022-01"), try ArticleFilter(since: "2022-01-15 12:00"), odd,
        ]
    }

    /// Whether the bits read through the blocks hold the same ids as the tables list.
    static func expectSameBits(_ connection: Connection, label: String) throws {
        let largest = try Int64(connection.scalarInt("SELECT max(id) FROM articles"))
        let probe: [Int64] = Array(-5...13_000) + [1 << 40, (1 << 40) + 1]
        for filter in try filters() {
            for condition in ArticleCondition.of(filter) where condition.packed != nil {
                let packed = try ArticleBits(condition, upTo: largest, on: connection)
                let read = try ArticleBits(members: condition.members, values: condition.values, upTo: largest, on: connection)
                let differing = probe.filter { packed.contains($0) != read.contains($0) }
                #expect(differing.isEmpty, "\(label): \(filter.tags) \(filter.since ?? "-") \(filter.until ?? "-") differ at \(differing.prefix(5))")
            }
        }
    }

    @Test("the blocks give every tag and date filter the ids the tables give, and check finds them right")
    func packedIdsAreTheTablesIds() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let blocks = FilterBlocks(connection: archive.connection)
        #expect(try blocks.listed().isEmpty)
        try Self.expectSameBits(archive.connection, label: "no block listed")
        #expect(try blocks.update() == 4)
        #expect(try blocks.listed() == [0, 1, 3, 1 << 28])
        // Both encodings are in use.
        let sizes = try archive.connection.scalarInt("SELECT count(DISTINCT length(bits) = 512) FROM filter_bits")
        #expect(sizes == 2)
        try Self.expectSameBits(archive.connection, label: "all listed")
        #expect(try blocks.wrongBlocks() == 0)
        #expect(try blocks.update() == 0, "nothing left to write")
    }

    @Test("any change to an article's tags or date, or a new or removed article, drops its block; the next update writes it")
    func changesDropTheirBlock() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let connection = archive.connection
        let blocks = FilterBlocks(connection: connection)
        let changes = [
            "UPDATE articles SET published = '2019-05-05T00:00:00' WHERE id = 10",
            "UPDATE articles SET tags = '[\"Tech\"]' WHERE id = 11",
            "INSERT INTO article_tags (article_id, tag, position) VALUES (12, 'Extra', 9)",
            "UPDATE article_tags SET tag = 'Other' WHERE article_id = 4133",
            "DELETE FROM article_tags WHERE article_id = 1",
            "DELETE FROM articles WHERE id = 2",
            "INSERT INTO articles (id, title, body, tags, published, fingerprint, imported_at) VALUES (3500, 't', 'b', '[\"Tech\"]', '2022-02-02', x'01', 'x')",
            "UPDATE articles SET id = 12_302 WHERE id = 3",
        ]
        for change in changes {
            try blocks.update()
            let before = try blocks.listed()
            try connection.execute(change.replacingOccurrences(of: "12_302", with: "12302"))
            #expect(try blocks.listed().count < before.count, "\(change) drops a block")
            try Self.expectSameBits(connection, label: change)
        }
        try blocks.update()
        try Self.expectSameBits(connection, label: "after the changes")
        #expect(try blocks.wrongBlocks() == 0)
    }

    @Test("a block with a date that cannot be packed stays unlisted and is read from the tables")
    func unpackableBlockIsReadAsBefore() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let connection = archive.connection
        try connection.execute("""
            UPDATE articles SET published = x'3230323200' WHERE id = 5;
            UPDATE articles SET published = '２０２２-01-01' WHERE id = 4133;
            """)
        let blocks = FilterBlocks(connection: connection)
        let written = try blocks.update()
        #expect(written == 2)
        let listed = try blocks.listed()
        #expect(listed == [3, 1 << 28])
        try Self.expectSameBits(connection, label: "unpackable dates")
    }

    @Test("check counts a block whose rows were changed behind its back; repair writes it again; an import lists its blocks")
    func checkAndRepair() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("a.txt", textDump(0..<30))], into: db)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let connection = archive.connection
        #expect(try FilterBlocks(connection: connection).listed() == [0])
        #expect(try archive.check().isOK)
        try connection.execute("UPDATE filter_bits SET bits = x'0100' WHERE kind = 0 AND key = 'city'")
        let finding = try #require(try archive.check().checks.first { $0.name == "filter blocks" })
        #expect(finding.problem == "1 blocks of packed tag and month ids differ from the articles'")
        try archive.repair()
        #expect(try archive.check().isOK)
        #expect(try archive.count(ArticleFilter(query: SearchQuery("harbour"), tags: ["CITY"])) == 30)
    }
}
