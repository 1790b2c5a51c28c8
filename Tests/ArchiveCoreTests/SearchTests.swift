import Foundation
import Testing
@testable import ArchiveCore

@Suite("Search, export and read-only SQL")
struct SearchTests {
    /// An archive with a few known articles.
    static func fixture(_ directory: TemporaryDirectory) throws -> String {
        let dump = directory.write("a.jsonl", """
            {"title": "Harbour storm damages boats", "body": "High winds hit the coast overnight.", "tags": ["Weather", "Coast"], "published": "2024-03-01 08:00"}
            {"title": "Council budget approved", "body": "The council met after the harbour storm and approved the budget.", "tags": ["Council"], "published": "2024-03-15"}
            {"title": "U.S. trade talks resume", "body": "Negotiators from the U.S. met in Geneva; C++ programmers were not involved.", "tags": ["Trade", "weather"], "published": "2024-04-02"}
            {"title": "Undated economy piece", "body": "The economy and economists and economic policy.", "tags": ["Economy"]}
            """)
        let db = directory.path("a.db")
        try importDumps([dump], into: db)
        return db
    }

    static func search(_ db: String, _ query: String, raw: Bool = false, since: String? = nil, until: String? = nil,
                       tags: [String] = [], limit: Int = 10, offset: Int = 0) throws -> [SearchHit] {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let filter = try ArticleFilter(query: SearchQuery(query, raw: raw), since: since, until: until, tags: tags)
        return try ArticleSearch(connection: archive.connection).search(filter, limit: limit, offset: offset)
    }

    @Test("a title match ranks above a body-only match; snippets mark the words")
    func ranking() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let hits = try Self.search(db, "harbour storm")
        #expect(hits.map(\.title) == ["Harbour storm damages boats", "Council budget approved"])
        #expect(hits[0].rank! < hits[1].rank!)
        #expect(hits[1].snippet.contains("**harbour** **storm**"))
        #expect(hits[0].tags == ["Weather", "Coast"])
        #expect(hits[0].published == "2024-03-01T08:00:00")
        #expect(try Self.search(db, "harbour", limit: 1, offset: 1).map(\.title) == ["Council budget approved"])
    }

    @Test("plain queries with punctuation never raise FTS5 syntax errors", arguments: [
        "U.S.", "C++", "\"", "AND", "NOT storm", "(", "title:storm", "storm;DROP TABLE articles", "a-b", "'", "NEAR(", "*",
        "econom*", String(repeating: "x ", count: 5_000),
    ])
    func plainIsSafe(query: String) throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        do {
            _ = try Self.search(db, query)
        } catch SearchError.emptyQuery {
            // Only queries without letters or digits may say so.
            #expect(!query.contains(where: { $0.isLetter || $0.isNumber }))
        }
        #expect(try count("SELECT count(*) FROM articles", in: db) == 4)
    }

    @Test("punctuated words find their text; a trailing * is a prefix")
    func punctuatedWords() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        #expect(try Self.search(db, "U.S.").map(\.title) == ["U.S. trade talks resume"])
        #expect(try Self.search(db, "C++ Geneva").map(\.title) == ["U.S. trade talks resume"])
        #expect(try Self.search(db, "econom*").map(\.title) == ["Undated economy piece"])
        // Plain NOT is the word "not", not an operator.
        #expect(try Self.search(db, "NOT").map(\.title) == ["U.S. trade talks resume"])
    }

    @Test("raw FTS5 syntax works, and a wrong raw query is an invalid-query error")
    func rawQueries() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        #expect(try Self.search(db, "storm NOT council", raw: true).map(\.title) == ["Harbour storm damages boats"])
        #expect(try Self.search(db, "\"budget approved\"", raw: true).map(\.title) == ["Council budget approved"])
        #expect(try Self.search(db, "title:harbour", raw: true).count == 1)
        #expect(try Self.search(db, "harbour OR geneva", raw: true).count == 3)
        for bad in ["storm AND (", "\"unclosed", "nosuchcolumn:x", "AND"] {
            #expect(throws: SearchError.self) { try Self.search(db, bad, raw: true) }
        }
    }

    @Test("date and tag filters")
    func filters() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        #expect(try Self.search(db, "harbour", since: "2024-03-02").map(\.title) == ["Council budget approved"])
        #expect(try Self.search(db, "harbour", until: "2024-03-01").map(\.title) == ["Harbour storm damages boats"])
        #expect(try Self.search(db, "harbour", until: "2024-03").count == 2)
        #expect(try Self.search(db, "the OR harbour OR economy", raw: true, since: "2024").count == 3)
        #expect(try Self.search(db, "harbour OR trade", raw: true, tags: ["WEATHER"]).count == 2)
        #expect(try Self.search(db, "harbour OR trade", raw: true, tags: ["weather", "coast"]).map(\.title) == ["Harbour storm damages boats"])
        #expect(throws: SearchError.self) { try Self.search(db, "harbour", since: "last week") }
    }

    @Test("export covers the filter in archive order")
    func export() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let archive = try Archive(path: db, mode: .read)
        /// What `archive export --format jsonl` writes, read back as (id, title).
        func exported(_ filter: ArticleFilter) throws -> [(Int64, String)] {
            let path = directory.path("out-\(UUID().uuidString).jsonl")
            let sink = try OutputSink(path: path)
            try ArticleExport(connection: archive.connection).write(filter, as: .jsonl, to: sink)
            try sink.finish()
            return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
                guard case .object(let members) = try JSONValue.parse(Array(line.utf8)),
                      case .number(let id)? = members.first(where: { $0.0 == "id" })?.1,
                      case .string(let title)? = members.first(where: { $0.0 == "title" })?.1 else { return (-1, "") }
                return (Int64(id), title)
            }
        }
        let ids = try exported(try ArticleFilter()).map(\.0)
        #expect(ids == [1, 2, 3, 4])
        let titles = try exported(try ArticleFilter(query: SearchQuery("harbour"), since: "2024-03-10")).map(\.1)
        #expect(titles == ["Council budget approved"])
    }

    @Test("read-only SQL reads, and refuses every kind of write", arguments: [
        "DELETE FROM articles", "INSERT INTO articles (title, body, fingerprint, imported_at) VALUES ('a', 'b', x'00', 'c')",
        "UPDATE articles SET title = 'x'", "DROP TABLE articles", "CREATE TABLE t (x)",
        "ATTACH DATABASE 'other.db' AS other", "PRAGMA journal_mode = DELETE", "PRAGMA user_version = 7",
        "SELECT load_extension('libm')", "VACUUM", "REINDEX", "ANALYZE",
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        "WITH x AS (SELECT 1) DELETE FROM articles", "BEGIN IMMEDIATE",
    ])
    func readOnlySQL(statement: String) throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let archive = try Archive(path: db, mode: .read)
        let runner = ReadOnlySQL(connection: archive.connection)
        #expect(throws: (any Error).self) { try runner.run(statement, header: { _ in }, row: { _ in }) }
        var rows: [[SQLValue]] = []
        try runner.run("SELECT count(*) FROM articles WHERE articles.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'harbour')",
                       header: { #expect($0 == ["count(*)"]) }, row: { rows.append($0) })
        #expect(rows == [[.integer(2)]])
        archive.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.path("other.db")))
    }
}

extension SearchTests {
    @Test("common words rank the newest matches only, widening until the page is full; rank-all ranks every one")
    func rankingReach() throws {
        let directory = TemporaryDirectory()
        // The best match (the word in its title) is the oldest article.
        var lines = [#"{"title": "Harbour news", "body": "The harbour.", "tags": ["Old"]}"#]
        for n in 1...9 { lines.append(#"{"title": "Story \#(n)", "body": "Something about the harbour, story \#(n).", "tags": ["\#(n % 2 == 0 ? "Even" : "Odd")"]}"#) }
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")], into: db)
        let archive = try Archive(path: db, mode: .read)
        let search = ArticleSearch(connection: archive.connection)
        let filter = try ArticleFilter(query: SearchQuery("harbour"))

        let all = try search.search(filter, limit: 1, reach: .everything)
        #expect(all.hits.map(\.id) == [1])
        #expect(all.rankedNewest == nil)
        // A window of the newest matches (4: at least four times the page) cannot see article 1.
        let newest = try search.search(filter, limit: 1, reach: .newest(3))
        #expect(newest.rankedNewest == 4)
        #expect(newest.hits.count == 1 && newest.hits[0].id >= 7)
        // Filters that leave too little in the window widen it: 4 -> 16, which holds all.
        let tagged = try search.search(try ArticleFilter(query: SearchQuery("harbour"), tags: ["Old"]), limit: 1, reach: .newest(3))
        #expect(tagged.hits.map(\.id) == [1])
        #expect(tagged.rankedNewest == nil)
    }
}

extension SearchTests {
    @Test("searches rank in bm25's order: one phrase (a prefix too) by bm25 over one factor, several phrases by bm25 itself")
    func rankIsBM25Order() throws {
        let directory = TemporaryDirectory()
        var lines: [String] = []
        for n in 0..<40 {
            let harbour = String(repeating: "harbour ", count: n % 5)
            let storm = String(repeating: "storm ", count: n % 3)
            let padding = String(repeating: "word ", count: n % 7 * 3)
            // Other index terms under the prefix `harb`, in other proportions.
            let others = String(repeating: "harbormaster ", count: n % 6 == 1 ? 3 : 0) + (n % 9 == 2 ? "harbor " : "")
            lines.append(#"{"title": "Story \#(n) \#(n % 4 == 0 ? "harbour" : "")", "body": "\#(harbour)\#(storm)\#(others)\#(padding)end \#(n)", "tags": ["T\#(n % 3)"]}"#)
        }
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")], into: db)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        /// The ids in the order FTS5's own bm25 ranks them, and the hits' scores by id.
        func bm25Order(_ match: String) throws -> [Int64] {
            var ids: [Int64] = []
            try archive.connection.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, \(RankLengths.fullText.weights)), rowid")
                .bind(.text(match)).forEachRow { ids.append(Int64($0.int(0))) }
            return ids
        }
        // The default reach rewrites a prefix as the OR of its terms (`PrefixExpansion`);
        // its order must stay that of FTS5's own prefix phrase.
        for (query, raw) in [("harbour", false), ("\"harbour storm\"", true), ("harbour OR storm", true), ("harbour storm", false),
                             ("harb*", false), ("harb*", true)] {
            let hits = try archive.search(try ArticleFilter(query: SearchQuery(query, raw: raw)), limit: 100).hits
            let expected = try bm25Order(try SearchQuery(query, raw: raw).ftsExpression())
            #expect(!hits.isEmpty, "\(query)")
            // Ties aside (equal scores may come in either order), the order is bm25's.
            let scores = Dictionary(uniqueKeysWithValues: hits.map { ($0.id, $0.rank!) })
            #expect(Set(hits.map(\.id)) == Set(expected), "\(query)")
            for (a, b) in zip(expected, expected.dropFirst()) {
                #expect(scores[a]! <= scores[b]! + 1e-12, "\(query): \(a) before \(b) in bm25's order")
            }
        }
    }

    @Test("a prefix term is rewritten as the index terms under it, and finds the same articles")
    func prefixExpansion() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let archive = try Archive(path: db, mode: .read)
        let expansion = PrefixExpansion(connection: archive.connection)
        let rewritten = try expansion.expand("\"econom\"*")
        #expect(rewritten.hasPrefix("(") && rewritten.contains(" OR ") && rewritten.contains("\"econom\""))
        #expect(try expansion.expand("\"zzzq\"*") == "\"zzzq\"")
        // Raw syntax it cannot rewrite safely stays as it is.
        #expect(try expansion.expand("NEAR(econom* budget)") == "NEAR(econom* budget)")
        #expect(try expansion.expand("title:econom*") == "title:econom*")
        let search = ArticleSearch(connection: archive.connection)
        let windowed = try search.search(try ArticleFilter(query: SearchQuery("econom*")), limit: 10, reach: .standard)
        let exhaustive = try search.search(try ArticleFilter(query: SearchQuery("econom*")), limit: 10, reach: .everything)
        #expect(Set(windowed.hits.map(\.id)) == Set(exhaustive.hits.map(\.id)))
        #expect(!windowed.hits.isEmpty)
        #expect(throws: SearchError.self) { try search.search(try ArticleFilter(query: SearchQuery("econom* AND", raw: true)), limit: 10) }
    }
}

extension SearchTests {
    /// What the window should give, worked out from whole rankings: every match's score
    /// (`.everything`, all versions, no filter), the articles the filter lets through,
    /// and the rules: the newest `window` matches, those the filter lets through, best
    /// score first, equal scores oldest first; the window grows fourfold until the page
    /// is full or it holds every match.
    static func expectedWindow(_ search: ArticleSearch, _ filter: ArticleFilter, base: Int, limit: Int, offset: Int) throws
        -> (ids: [Int64], rankedNewest: Int?)
    {
        let unfiltered = try ArticleFilter(query: filter.query, allVersions: true)
        let scores = try search.search(unfiltered, limit: 10_000, reach: .everything).hits.map { ($0.id, $0.rank ?? .nan) }
        let allowed = Set(try search.search(filter, limit: 10_000, reach: .everything).hits.map(\.id))
        var window = max(base, (limit + offset) * 4)
        while true {
            let newest = scores.sorted { $0.0 > $1.0 }.prefix(window)
            let page = newest.filter { allowed.contains($0.0) }
                .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.dropFirst(offset).prefix(limit).map(\.0)
            if scores.count < window { return (page, nil) }
            if page.count == limit { return (page, window) }
            window *= 4
        }
    }

    @Test("a ranking window gives the page worked out from whole rankings: filters, paging, equal scores, growth")
    func rankingWindowMatchesWholeRanking() throws {
        let directory = TemporaryDirectory()
        // Bodies repeat (equal scores), tags and dates vary, the word is in some titles.
        let lines = (0..<90).map { n in
            let title = n % 7 == 0 ? "Harbour report \(n)" : "Report \(n)"
            let body = String(repeating: "harbour quay ", count: 1 + n % 4) + "filler text \(n % 3)"
            return #"{"title": "\#(title)", "body": "\#(body)", "tags": ["\#(n % 3 == 0 ? "Port" : "City")"], "published": "2024-0\#(1 + n % 9)-10"}"#
        }
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")], into: db)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        try Self.checkWindows(ArticleSearch(connection: archive.connection), queries: [
            SearchQuery("harbour"), SearchQuery("quay filler"), SearchQuery("\"harbour quay\"", raw: true), SearchQuery("harb*"),
        ])
    }

    @Test("with CJK articles, the window spans both indexes and gives the page worked out from whole rankings")
    func rankingWindowAcrossBothIndexes() throws {
        let directory = TemporaryDirectory()
        // English and Chinese articles, both with `harbour`; the Chinese ones in the CJK index.
        let lines = (0..<80).map { n in
            let body = n % 2 == 0
                ? String(repeating: "港口 harbour ", count: 1 + n % 3) + "集装箱 \(n % 4)"
                : String(repeating: "harbour quay ", count: 1 + n % 4) + "filler"
            return #"{"title": "Report \#(n)", "body": "\#(body)", "tags": ["\#(n % 3 == 0 ? "Port" : "City")"], "published": "2024-0\#(1 + n % 9)-10"}"#
        }
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")], into: db)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM cjk_articles") == 40)
        try Self.checkWindows(ArticleSearch(connection: archive.connection), queries: [
            SearchQuery("harbour"), SearchQuery("港口"), SearchQuery("港"), SearchQuery("harbour 集装箱"),
        ])
    }

    static func checkWindows(_ search: ArticleSearch, queries: [SearchQuery]) throws {
        for query in queries {
            let filters = [
                try ArticleFilter(query: query), try ArticleFilter(query: query, tags: ["Port"]),
                try ArticleFilter(query: query, since: "2024-08"), try ArticleFilter(query: query, since: "2024-09", tags: ["Port"]),
            ]
            for filter in filters {
                for (base, limit, offset) in [(3, 1, 0), (3, 2, 3), (10, 5, 0), (20, 4, 8), (500, 10, 0), (1, 3, 40)] {
                    let page = try search.search(filter, limit: limit, offset: offset, reach: .newest(base))
                    let expected = try expectedWindow(search, filter, base: base, limit: limit, offset: offset)
                    let label = "\(query.text) \(filter.tags) \(filter.since ?? "-") base \(base) limit \(limit) offset \(offset)"
                    #expect(page.hits.map(\.id) == expected.ids, "\(label)")
                    #expect(page.rankedNewest == expected.rankedNewest, "\(label)")
                    #expect(page.hits.allSatisfy { $0.snippet.contains("**") }, "\(label): \(page.hits.map(\.snippet))")
                }
            }
        }
    }
}
