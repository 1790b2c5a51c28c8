import Foundation
import Testing

/// Dumps whose fields go by other names (`headline`, `maintext`, `author`...), `--map`,
/// `--title-from-body` and authors, through the built binary.
@Suite("archive import with field aliases, --map and --title-from-body, end to end")
struct FieldsEndToEndTests {
    /// A news-please record and a scraper's record, with authors, an RFC 2822 date and
    /// Unix seconds.
    static let feed = """
        {"title": "Harbour reopens after repairs", "maintext": "The harbour reopened on Monday after six months of repairs.", "date_publish": "Mon, 15 Apr 2024 09:00:00 +0200", "source_domain": "harbour-news.example", "authors": ["Ana Lima", "Smith, Jane"], "url": "https://harbour-news.example/1"}
        {"headline": "Ferry fares rise", "text": "The ferry company raised fares by a tenth.", "category": "Transport", "link": "https://example.org/ferry", "author": "Ben Okafor", "timestamp": 1713171600}

        """

    @Test("aliases and authors: stored, shown by show (text and JSON), exported as the last CSV column, and check passes")
    func aliasesShownAndExported() throws {
        try withSandbox { sandbox in
            let summary = try sandbox.importJSON(try sandbox.write("feed.jsonl", Self.feed))
            #expect(summary.inserted == 2 && summary.errors == 0 && summary.warnings == 0)
            let rows = try sandbox.sqlRows("SELECT id, title, published, published_raw, source, authors, tags, url FROM articles ORDER BY id")
            #expect(rows.map { $0["title"] as? String } == ["Harbour reopens after repairs", "Ferry fares rise"])
            #expect(rows.map { $0["published"] as? String } == ["2024-04-15T07:00:00", "2024-04-15T09:00:00"])
            #expect(rows.map { $0["published_raw"] as? String } == ["Mon, 15 Apr 2024 09:00:00 +0200", "1713171600"])
            #expect(rows[0]["source"] as? String == "harbour-news.example")
            #expect(rows.map { $0["authors"] as? String } == [#"["Ana Lima","Smith, Jane"]"#, #"["Ben Okafor"]"#])
            #expect(rows[1]["tags"] as? String == #"["Transport"]"#)
            #expect(rows[1]["url"] as? String == "https://example.org/ferry")

            let id = String(try #require(rows[0]["id"] as? Int))
            let text = try sandbox.archive("show", id)
            #expect(text.status == 0, "\(text)")
            #expect(text.stdout.contains("\nauthors:   Ana Lima | Smith, Jane\n"))
            let json = try sandbox.archive("show", id, "--format", "json")
            #expect(try jsonObject(json.stdout)["authors"] as? [String] == ["Ana Lima", "Smith, Jane"])
            let hits = try sandbox.archive("search", "ferry", "--format", "json")
            #expect(try jsonArray(hits.stdout).first?["authors"] as? [String] == ["Ben Okafor"])

            let csv = try sandbox.archive("export")
            #expect(csv.status == 0, "\(csv)")
            let records = try ExportEndToEndTests.pythonCSVRows(nil, stdin: csv.stdoutData, in: sandbox)
            #expect(records.first == ExportEndToEndTests.csvHeader.components(separatedBy: ","))
            #expect(records.first?.last == "authors")
            #expect(records.dropFirst().map { $0.last } == ["Ana Lima | Smith, Jane", "Ben Okafor"])
            let jsonl = try sandbox.archive("export", "--format", "jsonl")
            let exported = try jsonl.stdout.split(separator: "\n").map { try jsonObject(String($0)) }
            #expect(exported.map { $0["authors"] as? [String] } == [["Ana Lima", "Smith, Jane"], ["Ben Okafor"]])

            let check = try sandbox.archive("check")
            #expect(check.status == 0, "\(check)")
        }
    }

    @Test("--map names a CSV column, a JSON member and a dotted path into nested objects")
    func mapGood() throws {
        try withSandbox { sandbox in
            let csv = try sandbox.write("wire.csv", "hed,story_text,kicker\nCouncil backs tram,The council voted for the tram line.,Transport\n")
            let jsonl = try sandbox.write("wire.jsonl", """
                {"hed": "Library hours grow", "copy": "The library opens longer.", "meta": {"site": "Courier", "byline": ["Li Wei"]}}

                """)
            let summary = try sandbox.importJSON(csv, extra: ["--map", "title=hed", "--map", "body=story_text", "--map", "tags=kicker"])
            #expect(summary.inserted == 1 && summary.errors == 0)
            let again = try sandbox.importJSON(jsonl, db: sandbox.path("other.db"), extra: [
                "--map", "title=hed", "--map", "body=copy", "--map", "source=meta.site", "--map", "authors=meta.byline",
            ])
            #expect(again.inserted == 1 && again.errors == 0)
            let first = try sandbox.sqlRows("SELECT title, body, tags FROM articles")
            #expect(first.first?["title"] as? String == "Council backs tram")
            #expect(first.first?["tags"] as? String == #"["Transport"]"#)
            let second = try sandbox.sqlRows("SELECT title, source, authors FROM articles", db: sandbox.path("other.db"))
            #expect(second.first?["title"] as? String == "Library hours grow")
            #expect(second.first?["source"] as? String == "Courier")
            #expect(second.first?["authors"] as? String == #"["Li Wei"]"#)
        }
    }

    @Test("--map with an unknown field is a usage error naming the fields, before anything is read")
    func mapUnknownField() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.write("feed.jsonl", Self.feed)
            let result = try sandbox.archive("import", dump, "--map", "writer=byline")
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("unknown field \"writer\""))
            #expect(result.stderr.contains("title, body, tags, published, url, source, authors"))
            #expect(!sandbox.exists("archive.db"))
        }
    }

    @Test("a mapped CSV column the header lacks fails that file with one line; the other files are imported")
    func mapMissingColumn() throws {
        try withSandbox { sandbox in
            let csv = try sandbox.write("a-wire.csv", "title,body\nCouncil backs tram,The council voted.\n")
            let jsonl = try sandbox.write("b-feed.jsonl", #"{"title": "Library hours grow", "story_text": "The library opens longer."}"# + "\n")
            let result = try sandbox.archive("import", csv, jsonl, "--map", "body=story_text", "--json")
            #expect(result.status == 2, "\(result)")
            let summary = try decode(ImportSummaryJSON.self, result.stdout)
            #expect(summary.files_failed == 1 && summary.files == 1 && summary.inserted == 1 && summary.records == 1)
            #expect(result.stderrLines == ["archive: \(csv): the header row has no column \"story_text\" (--map body=story_text)"])
            // Not in the ledger: with the right column named it is read in full.
            let fixed = try sandbox.importJSON(csv, extra: ["--map", "body=BODY"])
            #expect(fixed.inserted == 1 && fixed.files_skipped == 0)
            #expect(try sandbox.archive("check").status == 0)
        }
    }

    @Test("text,category CSV on standard input: read as CSV, refused without --title-from-body, titled with it")
    func csvWithoutTitleFromStandardInput() throws {
        try withSandbox { sandbox in
            let csv = Data("""
                text,category
                "Storm closes the coast road. Crews worked overnight to clear it.",Weather
                "暴雨导致道路关闭。工人正在清理。",天气

                """.utf8)
            let refused = try sandbox.archive("import", "-", "--json", stdin: csv)
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("the header row has no title column"))
            #expect(refused.stderr.contains("--title-from-body"))
            let result = try sandbox.archive("import", "-", "--json", "--title-from-body", stdin: csv)
            #expect(result.status == 0, "\(result)")
            let summary = try decode(ImportSummaryJSON.self, result.stdout)
            #expect(summary.inserted == 2 && summary.warnings == 2)
            #expect(result.stderrLines.filter { $0.hasSuffix("title taken from the body") }.count == 2)
            let rows = try sandbox.sqlRows("SELECT title, tags FROM articles ORDER BY id")
            #expect(rows.map { $0["title"] as? String } == ["Storm closes the coast road.", "暴雨导致道路关闭。"])
            #expect(rows.map { $0["tags"] as? String } == [#"["Weather"]"#, #"["天气"]"#])
        }
    }
}
