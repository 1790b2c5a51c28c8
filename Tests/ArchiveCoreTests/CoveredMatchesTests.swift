import Testing
@testable import ArchiveCore

/// Counts and facets that walk a query's matches against a filter's bits (`FilterSet`,
/// `CoveredMatches`) give what the definition gives: every match the filter covers,
/// newest first, listed by one plain statement and counted here in Swift.
@Suite("Matches walked against a filter's bits")
struct CoveredMatchesTests {
    /// 1,200 articles (a quarter of them Chinese, in the CJK index) over five years, with
    /// tags of every breadth (`Port` on a seventh, `city` and `City` on a third, `Common`
    /// on four fifths), every tenth article a version of the one before it, one
    /// article with a negative id (with a tag that is a number) and one with a date
    /// shorter than ours, `2023`, which sorts inside 2022's range (all written by SQL, as
    /// another program may).
    ///
    /// Without `chinese`, no article is in the CJK index, so a word's or a prefix's
    /// matches are one index's, which a long walk reads from its lists
    /// (`TermDocuments`); every eleventh article is then rewritten by SQL, so the
    /// lists hold deleted entries too.
    static func fixture(_ directory: TemporaryDirectory, chinese: Bool = true) throws -> String {
        let lines = (1...1_200).map { n in
            let words = "w\(n) x\(n * 7) y\(n * 13) z\(n * 31)"
            let body = n % 4 == 0 && chinese
                ? "港口 harbour \(words) 集装箱 \(n % 9)"
                : String(repeating: "harbour quay ", count: n % 2 + 1) + words
            var tags = ["T\(n % 5)"]
            if n % 7 == 0 { tags.append("Port") }
            if n % 3 == 0 { tags.append(n % 2 == 0 ? "city" : "City") }
            if n % 5 != 0 { tags.append("Common") }
            let quoted = tags.map { "\"\($0)\"" }.joined(separator: ", ")
            return #"{"title": "Report \#(n)", "body": "\#(body)", "tags": [\#(quoted)], "published": "\#(2020 + n % 5)-0\#(1 + n % 9)-10"}"#
        }
        let db = directory.path("a.db")
        try importDumps([directory.write("a.jsonl", lines.joined(separator: "\n") + "\n")], into: db)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        try archive.connection.execute("""
            UPDATE articles SET duplicate_of = id - 1 WHERE id % 10 = 0;
            INSERT INTO articles (id, title, body, tags, published, fingerprint, imported_at)
                VALUES (-5, 'Negative', 'harbour quay negative', '["Port", "Common"]', '2022-03-01T00:00:00', x'05', '2024-01-01T00:00:00Z');
            INSERT INTO articles (id, title, body, tags, published, fingerprint, imported_at)
                VALUES (-6, 'Short date', 'harbour quay short', '["Port", "Common"]', '2023', x'07', '2024-01-01T00:00:00Z');
            INSERT INTO article_tags (article_id, tag, position) VALUES (-5, 7, 2);
            """)
        if !chinese { try archive.connection.execute("UPDATE articles SET body = 'quay ' || body WHERE id % 11 = 0") }
        return db
    }

    static let queries = [
        SearchQuery("harbour"), SearchQuery("quay"), SearchQuery("harb*", raw: true), SearchQuery("港口"),
        SearchQuery("\"harbour quay\"", raw: true), SearchQuery("negative"), SearchQuery("nothingmatches"),
    ]

    /// No query: a page of the newest articles, its facets walked by a statement.
    static func filters(_ query: SearchQuery?) throws -> [ArticleFilter] {
        [
            try ArticleFilter(query: query),
            try ArticleFilter(query: query, allVersions: true),
            try ArticleFilter(query: query, tags: ["Port"]),
            try ArticleFilter(query: query, tags: ["CITY"]),
            try ArticleFilter(query: query, tags: ["Common"]),
            try ArticleFilter(query: query, since: "2022", until: "2022"),
            try ArticleFilter(query: query, since: "2021"),
            try ArticleFilter(query: query, since: "2022", until: "2022", tags: ["Port"]),
            try ArticleFilter(query: query, since: "2022", until: "2022-06"),
            try ArticleFilter(query: query, since: "2021", tags: ["city", "Common"], allVersions: true),
        ]
    }

    /// Every article the filter covers, newest first, by one statement joining each
    /// match to its article.
    static func covered(_ filter: ArticleFilter, on connection: Connection) throws -> [Int64] {
        let parts = try FilterSQL.walkingNewestFirst(filter, on: connection)
        var ids: [Int64] = []
        try connection.queryRows("SELECT \(parts.idColumn) FROM \(parts.from) \(parts.whereClause) ORDER BY \(parts.idColumn) DESC",
                                 parts.values, filter: filter) { ids.append(Int64($0.int(0))) }
        return ids
    }

    /// The facets by their definition, from the covered ids.
    static func expectedFacets(_ covered: [Int64], tagSample: Int, countLimit: Int, on connection: Connection) throws -> SearchFacets {
        var tagGroups: [String: (name: String, count: Int)] = [:]
        for id in covered.prefix(tagSample) {
            try connection.prepare("SELECT tag FROM article_tags WHERE article_id = ?").bind(.integer(id)).forEachRow { row in
                let tag = row.string(0)
                let key = String(tag.unicodeScalars.map { $0.isASCII ? Character(String($0).lowercased()) : Character($0) })
                let group = tagGroups[key] ?? (tag, 0)
                tagGroups[key] = (Array(tag.utf8).lexicographicallyPrecedes(Array(group.name.utf8)) ? tag : group.name, group.count + 1)
            }
        }
        let tags = tagGroups.values
            .sorted { $0.count != $1.count ? $0.count > $1.count : Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            .prefix(20).map { ArchiveStats.TagCount(tag: $0.name, count: $0.count) }
        var years: [String: Int] = [:]
        for id in covered.prefix(countLimit) {
            if let published = try connection.prepare("SELECT published FROM articles WHERE id = ?").bind(.integer(id))
                .firstRow({ $0.optionalString(0) }) ?? nil {
                years[String(published.prefix(4)), default: 0] += 1
            }
        }
        let more = covered.count > countLimit
        return SearchFacets(tags: Array(tags), years: years.map { PeriodCount(period: $0.key, count: $0.value) }.sorted { $0.period > $1.period },
                            total: more ? nil : covered.count, tagsAmongNewest: covered.count > tagSample ? tagSample : nil,
                            yearsAmongNewest: more ? countLimit : nil)
    }

    static func check(_ connection: Connection, label: String) throws -> (walkedWithBits: Int, residual: Int) {
        var walkedWithBits = 0
        var residual = 0
        for query in queries + [nil] {
            for filter in try filters(query) {
                let covered = try covered(filter, on: connection)
                let parts = try FilterSQL.walkingNewestFirst(filter, on: connection)
                if let set = try CoveredMatches(connection: connection).filterSet(parts, filter: filter, limit: 10_001) {
                    walkedWithBits += 1
                    if !set.residual.isEmpty { residual += 1 }
                }
                let name = "\(label) \(query?.text ?? "(no query)") \(filter.tags) \(filter.since ?? "-") \(filter.allVersions)"
                for limit in [1, 5, 40, 300, 10_000] {
                    let count = try ArticleSearch(connection: connection).count(filter, upTo: limit)
                    #expect(count == (covered.count > limit ? nil : covered.count), "\(name) count up to \(limit)")
                    for tagSample in [2, 50, 2_000] {
                        let facets = try FacetQuery(connection: connection).facets(filter, tagLimit: 20, tagSample: tagSample, countLimit: limit)
                        let expected = try expectedFacets(covered, tagSample: tagSample, countLimit: limit, on: connection)
                        #expect(facets == expected, "\(name) facets, sample \(tagSample), limit \(limit)")
                    }
                }
                // Going on from a ranking window: one that holds every match, and ones
                // that stop short of them, so that the walk continues below the window.
                guard filter.query != nil else { continue }
                for base in [8, 300, 10_000] {
                    let walked = try ArticleSearch(connection: connection)
                        .searchWalking(filter, limit: 2, reach: .newest(base)).walked
                    let window = try #require(walked, "\(name) ranks a window")
                    #expect(window.ids == window.ids.sorted(by: >), "\(name) window newest first")
                    for limit in [1, 40, 300, 10_000] {
                        let count = try ArticleSearch(connection: connection).count(filter, upTo: limit, walked: window)
                        #expect(count == (covered.count > limit ? nil : covered.count), "\(name) count up to \(limit) after a window of \(base)")
                        let facets = try FacetQuery(connection: connection).facets(filter, tagLimit: 20, tagSample: 50, countLimit: limit,
                                                                                   walked: window)
                        let expected = try expectedFacets(covered, tagSample: 50, countLimit: limit, on: connection)
                        #expect(facets == expected, "\(name) facets, limit \(limit), after a window of \(base)")
                    }
                }
            }
        }
        return (walkedWithBits, residual)
    }

    @Test("counts and facets up to a limit are those of every covered match, newest first, for every kind of filter")
    func countsAndFacetsMatchTheDefinition() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let connection = archive.connection
        #expect(try connection.scalarInt("SELECT count(*) FROM cjk_articles") == 300)
        #expect(try connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'negative'") == 1)
        let exercised = try connection.transaction(.deferred) { try Self.check(connection, label: "fresh") }
        // The walks read bits for many filters, and left broad conditions to SQL in some.
        #expect(exercised.walkedWithBits > 10)
        #expect(exercised.residual > 3)
        // A word with one match is counted by a statement: reading bits would not pay.
        let rare = try ArticleFilter(query: SearchQuery("negative"), tags: ["Port"])
        #expect(try FilterSet.plan(rare, on: connection) != nil)
        #expect(try CoveredMatches(connection: connection).filterSet(FilterSQL.walkingNewestFirst(rare, on: connection),
                                                                     filter: rare, limit: 10_001) == nil)
    }

    @Test("with one index, long walks go on in its lists: the same counts and facets as the definition")
    func walksGoOnInTheLists() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory, chinese: false)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let connection = archive.connection
        #expect(try connection.scalarInt("SELECT count(*) FROM cjk_articles") == 0)
        // The words and the prefix are read from the lists.
        for query in ["harbour", "quay", "harb*"] {
            let parts = try FilterSQL.walkingNewestFirst(ArticleFilter(query: SearchQuery(query, raw: true)), on: connection)
            guard case .text(let expression) = parts.branches[0].expression else { continue }
            #expect(try TermDocuments(connection: connection, index: "articles_fts").articles(matching: expression, upTo: 1_200) != nil, "\(query)")
        }
        let exercised = try connection.transaction(.deferred) { try Self.check(connection, label: "one index") }
        #expect(exercised.walkedWithBits > 10)
    }

    @Test("a results page counts and facets on from its search's window: the same total and facets as asked apart, answers kept or not")
    func resultsGoOnFromTheWindow() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        for kept in [0, 8] {
            let archive = try Archive(path: db, mode: .read, answersKept: kept)
            defer { archive.close() }
            for query in Self.queries {
                for filter in try Self.filters(query) {
                    for countLimit in [5, 10_000] {
                        let name = "\(query.text) \(filter.tags) \(filter.since ?? "-") \(filter.allVersions) limit \(countLimit) kept \(kept)"
                        let page = try archive.results(filter, limit: 10, offset: 0, marks: .markdown, withFacets: true, countLimit: countLimit)
                        #expect(page.facets == (try archive.facets(filter, countLimit: countLimit)), "\(name) facets")
                        let api = try archive.results(filter, limit: 10, offset: 0, marks: .markdown, withFacets: false, countLimit: countLimit)
                        #expect(api.total == (try archive.count(filter, upTo: countLimit)), "\(name) count")
                        #expect(api.hits == (try archive.search(filter, limit: 10).hits), "\(name) hits")
                    }
                }
            }
        }
    }

    @Test("an article with an id near the largest SQLite allows: no overflow, no huge bits, the same counts")
    func idFarBeyondTheOthers() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let writer = try Archive(path: db, mode: .write)
        try writer.connection.execute("""
            INSERT INTO articles (id, title, body, tags, published, fingerprint, imported_at)
                VALUES (9223372036854775000, 'Far', 'harbour quay far', '["Port", "Common"]', '2022-04-01T00:00:00', x'06', '2024-01-01T00:00:00Z');
            """)
        writer.close()
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let connection = archive.connection
        _ = try connection.transaction(.deferred) { try Self.check(connection, label: "far id") }
        // Bits for ids up to the far one would be 2^57 bytes; past the covered range ids
        // are kept beside the bits.
        var bits = ArticleBits(upTo: 9223372036854775000)
        bits.insert(9223372036854775000)
        bits.insert(7)
        #expect(bits.contains(9223372036854775000) && bits.contains(7) && !bits.contains(8))
    }

    @Test("a server's reader keeps a filter's bits for other queries only until the archive changes")
    func keptBitsFollowTheArchive() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let reader = try Archive(path: db, mode: .read, answersKept: 8)
        defer { reader.close() }
        let portInYear = { (query: String) in try ArticleFilter(query: SearchQuery(query), since: "2022", until: "2022", tags: ["Port"]) }
        let oracle = try Archive(path: db, mode: .read)
        defer { oracle.close() }
        func expected(_ filter: ArticleFilter) throws -> Int {
            try oracle.connection.transaction(.deferred) { try Self.covered(filter, on: oracle.connection).count }
        }
        // A long walk reads and keeps the bits; another query under the filter uses them.
        #expect(try reader.count(portInYear("harbour"), upTo: 10_000) == expected(portInYear("harbour")))
        #expect(try reader.count(portInYear("quay"), upTo: 10_000) == expected(portInYear("quay")))
        let before = try expected(portInYear("harb*"))
        // Another program moves articles out of the filter: the kept bits must go.
        let writer = try Archive(path: db, mode: .write)
        try writer.connection.execute("""
            UPDATE articles SET published = '2019-01-01T00:00:00' WHERE id % 3 = 0;
            UPDATE articles SET duplicate_of = NULL WHERE id % 20 = 0;
            """)
        writer.close()
        let after = try expected(portInYear("harb*"))
        #expect(after != before, "the change moves matches out of the filter")
        for query in ["harb*", "harbour", "quay"] {
            #expect(try reader.count(portInYear(query), upTo: 10_000) == expected(portInYear(query)), "\(query) after the change")
            #expect(try reader.facets(portInYear(query), countLimit: 10_000) ==
                    oracle.connection.transaction(.deferred) {
                        try Self.expectedFacets(Self.covered(portInYear(query), on: oracle.connection), tagSample: 2_000,
                                                countLimit: 10_000, on: oracle.connection)
                    }, "\(query) facets after the change")
        }
    }

    @Test("a filter within one year has that year's articles only, unless a date shorter than ours sorts into its range")
    func filterWithinOneYear() throws {
        let directory = TemporaryDirectory()
        let db = try Self.fixture(directory)
        let year = { (since: String, until: String?) in
            let archive = try Archive(path: db, mode: .read)
            defer { archive.close() }
            return try FacetQuery(connection: archive.connection).onlyYear(of: ArticleFilter(since: since, until: until))
        }
        // The fixture's `2023` sorts between 2022-01-01 and 2023-01-01T00:00:00.
        #expect(try year("2022", "2022") == nil)
        #expect(try year("2022", "2022-06") == "2022")
        #expect(try year("2022-03-04", "2022-11") == "2022")
        #expect(try year("2021", "2022") == nil)
        #expect(try year("2024", "2024") == "2024")
        #expect(try year("2022", nil) == nil)
        let writer = try Archive(path: db, mode: .write)
        try writer.connection.execute("DELETE FROM articles WHERE id = -6")
        writer.close()
        #expect(try year("2022", "2022") == "2022")
        // Pages within one year, their years counted without look-ups, against the definition.
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let connection = archive.connection
        for query in Self.queries {
            for filter in [try ArticleFilter(query: query, since: "2022", until: "2022"),
                           try ArticleFilter(query: query, since: "2022", until: "2022", tags: ["Common"])] {
                let covered = try Self.covered(filter, on: connection)
                for limit in [5, 10_000] {
                    let facets = try FacetQuery(connection: connection).facets(filter, tagLimit: 20, tagSample: 50, countLimit: limit)
                    #expect(facets == (try Self.expectedFacets(covered, tagSample: 50, countLimit: limit, on: connection)),
                            "\(query.text) \(filter.tags) up to \(limit)")
                }
            }
        }
    }

    @Test("bits hold any id: negative ones and ids past the largest are kept beside the words")
    func bitsHoldOutliers() throws {
        var bits = ArticleBits(upTo: 100)
        for id: Int64 in [-5, 0, 1, 63, 64, 100, 101, 5_000] { bits.insert(id) }
        for id: Int64 in [-5, 0, 1, 63, 64, 100, 101, 5_000] { #expect(bits.contains(id), "\(id)") }
        for id: Int64 in [-4, 2, 62, 65, 99, 102, 4_999] { #expect(!bits.contains(id), "\(id)") }
        var other = ArticleBits(upTo: 10)
        for id: Int64 in [-5, 1, 64, 101, 7] { other.insert(id) }
        bits.formIntersection(other)
        for id: Int64 in [-5, 1, 64, 101] { #expect(bits.contains(id), "\(id) in both") }
        for id: Int64 in [0, 63, 100, 5_000, 7] { #expect(!bits.contains(id), "\(id) not in both") }
    }
}
