import Foundation
import Testing

@Suite("archive search and show, end to end")
struct SearchEndToEndTests {
    static let hitKeys: Set<String> = ["id", "title", "published", "tags", "snippet", "rank", "url", "source"]
    static let showKeys: Set<String> = hitKeys.union([
        "body", "published_raw", "header", "imported_at", "seen",
    ])

    /// `search QUERY --format json` (plus `extra`), decoded.
    static func search(
        _ sandbox: Sandbox, _ query: String, _ extra: String..., sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [SearchHitJSON] {
        var arguments = ["search", "--db", sandbox.db, "--format", "json"] + extra
        arguments += ["--", query]
        let result = try sandbox.archiveWithoutDB(arguments)
        try #require(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return try decode([SearchHitJSON].self, result.stdout)
    }

    static func names(_ hits: [SearchHitJSON]) -> Set<String> {
        Set(hits.map { Sample.name($0.title) })
    }

    // MARK: Odd input

    /// Plain queries (no --raw) are words, never FTS5 syntax.
    static let plainQueriesWithWords = [
        "U.S.", "C++", "AND", "NOT", "OR", "NEAR", "foo:bar", "title:solar", "a*", "solar*", "x**",
        "solar; DROP TABLE articles;", "x';--", "\"solar", "solar\"", "\"solar farm", "NATO AND (", "(solar)",
        "solar OR", "NEAR(solar", "^solar", "-solar", "solar -reservoir", "a:b:c", "[x]", "{x}", "100%", "e-mail",
        "12,000", "don't", "x^y", "*solar", "s*r", "İstanbul", "²", "solar\treservoir", "a\"b\"c", "AND OR NOT",
        // A quote with a combining mark is one Character but still a quote byte to FTS5.
        "solar\"\u{301}x", "\"\u{301}solar\"\u{301}",
    ]

    /// Queries with no letter or digit at all.
    static let queriesWithoutWords = [
        "\"", "(", ")", ";", "';--", "*", "**", "...", "-", ":", "\"\"", "( )", "' ; '", "🎉", "☃ †", "   ",
    ]

    @Test("plain queries with punctuation or FTS5 keywords never give a syntax error")
    func plainQueriesAreSafe() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            try sandbox.importJSON(try sandbox.write("extra.jsonl", #"""
                {"title":"U.S. and C++ notes","body":"The U.S. team wrote C++ code; foo:bar was a label.","tags":["Code"]}
                """# + "\n"))
            for query in Self.plainQueriesWithWords {
                let result = try sandbox.archiveWithoutDB(["search", "--db", sandbox.db, "--format", "json", "--", query])
                #expect(result.status == 0, "query \(query.debugDescription): \(result)")
                #expect(!result.stderr.lowercased().contains("syntax error"), "query \(query.debugDescription): \(result)")
                #expect(!result.stderr.contains("fts5"), "query \(query.debugDescription): \(result)")
                #expect((try? jsonValue(result.stdout)) is [Any], "query \(query.debugDescription): \(result)")
            }
            #expect(try sandbox.articleCount() == 8)
        }
    }

    @Test("plain queries that match through punctuation find the article")
    func punctuatedWordsMatch() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            try sandbox.importJSON(try sandbox.write("extra.jsonl", #"""
                {"title":"Trade notes","body":"The U.S. delegation arrived; talks on C++ tooling and e-mail rules followed.","tags":["Code"]}
                """# + "\n"))
            #expect(try Self.search(sandbox, "U.S.").map(\.title) == ["Trade notes"])
            #expect(try Self.search(sandbox, "e-mail delegation").map(\.title) == ["Trade notes"])
            #expect(try Self.search(sandbox, "deleg*").map(\.title) == ["Trade notes"])
            #expect(Self.names(try Self.search(sandbox, "12,000")) == ["solar"])
        }
    }

    @Test("a query with no letters or digits exits 4 with 'no words to search for'")
    func queriesWithoutWordsAreRefused() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            for query in Self.queriesWithoutWords {
                let result = try sandbox.archiveWithoutDB(["search", "--db", sandbox.db, "--", query])
                #expect(result.status == 4, "query \(query.debugDescription): \(result)")
                #expect(result.stderr.contains("no words to search for"), "query \(query.debugDescription): \(result)")
                #expect(!result.stderr.lowercased().contains("syntax error"), "query \(query.debugDescription): \(result)")
                #expect(result.stdout.isEmpty, "query \(query.debugDescription): \(result)")
            }
        }
    }

    @Test("--raw takes FTS5 syntax; an invalid raw query is one line on stderr and exit 4")
    func rawQueries() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            #expect(Self.names(try Self.search(sandbox, "solar AND reservoir", "--raw")) == ["solar"])
            #expect(Self.names(try Self.search(sandbox, "title:hospital OR title:drought", "--raw")) == ["hospital", "drought"])
            #expect(Self.names(try Self.search(sandbox, "\"floating solar\"", "--raw")) == ["solar"])
            #expect(try Self.search(sandbox, "\"solar floating\"", "--raw").isEmpty)
            #expect(!Self.names(try Self.search(sandbox, "the NOT solar", "--raw")).contains("solar"))

            for invalid in ["NATO AND (", "\"", "AND", "solar OR", "NEAR(solar", "nocolumn:solar"] {
                let result = try sandbox.archiveWithoutDB(["search", "--db", sandbox.db, "--raw", "--", invalid])
                #expect(result.status == 4, "\(result)")
                #expect(result.stderrLines.count == 1, "\(result)")
                #expect(result.stderr.hasSuffix("\n") && result.stderr.dropLast().contains("\n") == false, "\(result)")
                #expect(result.stdout.isEmpty, "\(result)")
            }
        }
    }

    // MARK: Results

    @Test("search --format json: the keys and types of each hit; snippets mark the matches")
    func jsonShape() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let result = try sandbox.archive("search", "the", "--format", "json", "--limit", "50")
            #expect(result.status == 0, "\(result)")
            let raw = try jsonArray(result.stdout)
            #expect(raw.count == 7)
            for object in raw {
                #expect(Set(object.keys).isSuperset(of: Self.hitKeys))
                #expect(object["published"] is String || object["published"] is NSNull)
                #expect(object["url"] is String || object["url"] is NSNull)
                #expect(object["source"] is String || object["source"] is NSNull)
            }
            let hits = try decode([SearchHitJSON].self, result.stdout)
            let iso = try Regex(#"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"#)
            for hit in hits {
                if let published = hit.published { #expect(published.wholeMatch(of: iso) != nil, "\(published)") }
            }
            #expect(hits.filter { $0.published == nil }.count == 2)
            #expect(hits.map(\.rank) == hits.map(\.rank).sorted(), "best (smallest rank) first")
            #expect(Set(hits.map(\.id)).count == 7)

            let solar = try #require(try Self.search(sandbox, "pontoons").first)
            #expect(solar.title == Sample.solar)
            #expect(solar.tags == ["Energy", "Solar", "Infrastructure"])
            #expect(solar.published == "2024-03-03T09:15:00")
            #expect(solar.snippet.contains("**pontoons**"), "\(solar.snippet)")
            #expect(solar.url == nil && solar.source == nil)
        }
    }

    @Test("a word in the title ranks above the same word only in the body")
    func titleMatchesRankFirst() throws {
        try withSandbox { sandbox in
            // The body-only article comes first, so that id order would give the wrong answer.
            let dump = try sandbox.write("ranking.jsonl", [
                #"{"title":"Airship museum opens in the old hangar","body":"Visitors can see a zeppelin gondola, zeppelin engines and a model zeppelin in the hall.","tags":["Museums"]}"#,
                #"{"title":"Zeppelin returns to the skies over the lake","body":"A restored airship flew over the lake on Sunday for the first time in decades.","tags":["Aviation"]}"#,
                #"{"title":"Ferry timetable changes","body":"The lake ferries run later in summer.","tags":["Transport"]}"#,
                #"{"title":"Harbour festival","body":"Boats and music by the lake all weekend.","tags":["Events"]}"#,
                #"{"title":"Rowing club record","body":"The rowing club crossed the lake in record time.","tags":["Sport"]}"#,
            ].joined(separator: "\n") + "\n")
            try sandbox.importJSON(dump)
            let hits = try Self.search(sandbox, "zeppelin")
            #expect(hits.map(\.title) == ["Zeppelin returns to the skies over the lake", "Airship museum opens in the old hangar"])
            if hits.count == 2 {
                #expect(hits[0].rank < hits[1].rank)
                #expect(hits[1].snippet.contains("**zeppelin**"), "\(hits[1].snippet)")
            }
        }
    }

    @Test("--since and --until are inclusive; --tag ignores case and every tag must match")
    func filters() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let all: Set<String> = ["solar", "drought", "library", "rail", "canyon", "football", "hospital"]
            #expect(Self.names(try Self.search(sandbox, "the", "--limit", "50")) == all)
            #expect(Self.names(try Self.search(sandbox, "the", "--since", "2024-03-07")) == ["rail", "canyon", "hospital"])
            #expect(Self.names(try Self.search(sandbox, "the", "--until", "2024-03-05")) == ["solar", "drought"])
            #expect(Self.names(try Self.search(sandbox, "the", "--since", "2024-03-05", "--until", "2024-03-07")) == ["drought", "rail"])
            #expect(Self.names(try Self.search(sandbox, "the", "--until", "2024-03")) == ["solar", "drought", "rail", "canyon", "hospital"])
            #expect(Self.names(try Self.search(sandbox, "the", "--since", "2024-03", "--until", "2024-03")).count == 5)
            #expect(try Self.search(sandbox, "the", "--until", "2024-02").isEmpty)
            #expect(try Self.search(sandbox, "the", "--since", "2024-04").isEmpty)
            #expect(Self.names(try Self.search(sandbox, "the", "--since", "2024-03-09T08:30:00")) == ["canyon", "hospital"])
            #expect(Self.names(try Self.search(sandbox, "the", "--until", "2024-03-09T08:30")) == ["solar", "drought", "rail", "canyon"])
            #expect(Self.names(try Self.search(sandbox, "the", "--until", "2024-03-09T08:29")) == ["solar", "drought", "rail"])

            #expect(Self.names(try Self.search(sandbox, "the", "--tag", "health")) == ["hospital"])
            #expect(Self.names(try Self.search(sandbox, "the", "--tag", "HEALTH")) == ["hospital"])
            #expect(Self.names(try Self.search(sandbox, "the", "--tag", "energy", "--tag", "SOLAR")) == ["solar"])
            #expect(try Self.search(sandbox, "the", "--tag", "energy", "--tag", "health").isEmpty)
            #expect(Self.names(try Self.search(sandbox, "the", "--tag", "prices", "--until", "2024-03-05")) == ["drought"])
            #expect(try Self.search(sandbox, "the", "--tag", "prices", "--until", "2024-03-04").isEmpty)

            let badDate = try sandbox.archive("search", "the", "--since", "last tuesday")
            #expect(badDate.status == 4, "\(badDate)")
        }
    }

    @Test("--limit and --offset page through the same ranking")
    func paging() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let all = try Self.search(sandbox, "the", "--limit", "50").map(\.id)
            #expect(all.count == 7)
            let first = try Self.search(sandbox, "the", "--limit", "3").map(\.id)
            let second = try Self.search(sandbox, "the", "--limit", "3", "--offset", "3").map(\.id)
            let third = try Self.search(sandbox, "the", "--limit", "3", "--offset", "6").map(\.id)
            #expect(first + second + third == all)
            #expect(try Self.search(sandbox, "the", "--offset", "7").isEmpty)
        }
    }

    @Test("jsonl and csv output carry the same hits as json")
    func otherHitFormats() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let json = try Self.search(sandbox, "reservoir")
            let jsonl = try sandbox.archive("search", "reservoir", "--format", "jsonl")
            #expect(jsonl.status == 0)
            let lines = jsonl.stdout.split(separator: "\n")
            #expect(try lines.map { try decode(SearchHitJSON.self, String($0)).id } == json.map(\.id))
            let csv = try sandbox.archive("search", "reservoir", "--format", "csv")
            #expect(csv.status == 0)
            #expect(csv.stdout.hasPrefix("id,title,published,tags,snippet,rank,url,source,authors\r\n"))
        }
    }

    // MARK: show

    @Test("show --format json: every key, and each place the article was seen")
    func showJSON() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let solarID = try #require(try Self.search(sandbox, "pontoons").first?.id)
            let result = try sandbox.archive("show", String(solarID), "--format", "json")
            #expect(result.status == 0, "\(result)")
            #expect(Set(try jsonObject(result.stdout).keys).isSuperset(of: Self.showKeys))
            let article = try decode(ShowJSON.self, result.stdout)
            #expect(article.id == solarID)
            #expect(article.title == Sample.solar)
            #expect(article.published == "2024-03-03T09:15:00")
            #expect(article.published_raw == "Mar 3, 2024 09:15 AM")
            #expect(article.tags == ["Energy", "Solar", "Infrastructure"])
            #expect(article.header == "\(Sample.solar) Energy | Solar | Infrastructure")
            #expect(article.body.hasPrefix("The city council switched on a floating solar farm"))
            #expect(article.body.contains("\n\nWhy water instead of rooftops\n\n"))
            #expect(article.body.hasSuffix("a second farm on the southern basin is being studied."))
            #expect(!article.imported_at.isEmpty)

            // Where the header line stands in the file: the article is there twice.
            let text = try String(contentsOf: Paths.sampleDump, encoding: .utf8)
            var expected: [(line: Int, offset: Int)] = []
            var offset = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("Harbour city opens") { expected.append((index + 1, offset)) }
                offset += line.utf8.count + 1
            }
            #expect(expected.count == 2)
            #expect(article.seen.count == 2)
            #expect(article.seen.allSatisfy { $0.path.hasSuffix("/sample-dump.txt") && $0.line > 0 && !$0.seen_at.isEmpty })
            #expect(article.seen.map(\.line).sorted() == expected.map(\.line))
            #expect(article.seen.map(\.byte_offset).sorted() == expected.map(\.offset))

            let library = try #require(try Self.search(sandbox, "petition").first)
            let undated = try decode(ShowJSON.self, try sandbox.archive("show", String(library.id), "--format", "json").stdout)
            #expect(undated.published == nil && undated.published_raw == nil)
            #expect(undated.seen.count == 1)

            let text2 = try sandbox.archive("show", String(solarID))
            #expect(text2.status == 0)
            #expect(text2.stdout.contains(Sample.solar))
            #expect(text2.stdout.contains("Why water instead of rooftops"))
        }
    }

    @Test("show of an id that is not there exits 3")
    func showUnknownID() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            for format in ["json", "text"] {
                let result = try sandbox.archive("show", "9999", "--format", format)
                #expect(result.status == 3, "\(result)")
                #expect(result.stdout.isEmpty)
                #expect(result.stderr.contains("9999"))
            }
        }
    }

    @Test("a plain search prints the same bytes and exit code with the quick reading of its arguments as with ArgumentParser's")
    func quickArgumentReadingPrintsTheSame() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let missing = sandbox.path("missing.db")
            let lists: [[String]] = [
                ["search", "solar", "--db", sandbox.db],
                ["search", "--db", sandbox.db, "solar", "--format", "json", "--limit", "2", "--offset", "1"],
                ["search", "--db", sandbox.db, "--format", "csv", "--all-versions", "--", "solar"],
                ["search", "--db", sandbox.db, "--format", "jsonl", "--rank-all", "--tag", "Energy", "--since", "2024", "reservoir"],
                ["search", "--db", sandbox.db, "--raw", "\"floating solar\" OR petition", "--format", "json"],
                ["search", "--db", sandbox.db, "--raw", "solar AND ("],
                ["search", "--db", sandbox.db, "nothingmatchesthis"],
                ["search", "--db", sandbox.db, "solar", "--until", "not a date"],
                ["search", "--db", missing, "solar"],
            ]
            for arguments in lists {
                // `quick` fails with exit 64 if the quick reading does not take the list.
                let quick = try sandbox.archiveWithoutDB(arguments, environment: ["ARCHIVE_PARSER": "quick"])
                let full = try sandbox.archiveWithoutDB(arguments, environment: ["ARCHIVE_PARSER": "full"])
                let chosen = try sandbox.archiveWithoutDB(arguments)
                for result in [quick, chosen] {
                    #expect(result.status == full.status, "\(arguments): \(result) against \(full)")
                    #expect(result.stdoutData == full.stdoutData, "\(arguments): \(result) against \(full)")
                    #expect(result.stderrData == full.stderrData, "\(arguments): \(result) against \(full)")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: missing))

            // A list the quick reading leaves to ArgumentParser still works, and `quick` says so.
            let equals = ["search", "--db=\(sandbox.db)", "solar", "--format", "json"]
            #expect(try sandbox.archiveWithoutDB(equals).status == 0)
            let refused = try sandbox.archiveWithoutDB(equals, environment: ["ARCHIVE_PARSER": "quick"])
            #expect(refused.status == 64 && refused.stderr.contains("not a plain search"), "\(refused)")
        }
    }
}
