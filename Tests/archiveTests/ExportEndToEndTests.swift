import Foundation
import Testing

@Suite("archive export, end to end")
struct ExportEndToEndTests {
    static let csvHeader = "id,title,published,tags,body,url,source,published_raw,header,authors"
    static let exportKeys: Set<String> = [
        "id", "title", "published", "tags", "body", "url", "source", "published_raw", "header", "authors",
    ]
    /// What must survive a round trip through an export.
    static let compared = "SELECT title, body, tags, published FROM articles ORDER BY title"
    static let comparedInFull =
        "SELECT title, body, tags, published, published_raw, url, source, header, authors FROM articles ORDER BY title"

    /// Reads CSV with Python's csv module (strict: a malformed quote is an error) and
    /// returns its rows. `path` nil: the CSV comes on stdin.
    static func pythonCSVRows(_ path: String?, stdin: Data? = nil, in sandbox: Sandbox) throws -> [[String]] {
        let script = """
            import csv, io, json, sys
            source = open(sys.argv[1], newline="", encoding="utf-8") if len(sys.argv) > 1 \
                else io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
            json.dump(list(csv.reader(source, strict=True)), sys.stdout)
            """
        let result = try Python.python3(["-c", script] + (path.map { [$0] } ?? []), stdin: stdin, in: sandbox.directory)
        try #require(result.status == 0, "python3 could not read the CSV: \(result)")
        return try #require(try jsonValue(result.stdout) as? [[String]])
    }

    /// Every record ends with CRLF: outside quoted fields, no bare LF.
    static func usesCRLFBetweenRecords(_ data: Data) -> Bool {
        var inQuotes = false
        var previous: UInt8 = 0
        for byte in data {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if byte == UInt8(ascii: "\n") && !inQuotes && previous != UInt8(ascii: "\r") { return false }
            previous = byte
        }
        return !inQuotes && data.suffix(2) == Data("\r\n".utf8)
    }

    @Test("CSV export: RFC 4180 with CRLF, read by Python's csv module as one row per article")
    func csvExportReadByPython() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let toFile = try sandbox.archive("export", "--output", sandbox.path("out.csv"))
            #expect(toFile.status == 0, "\(toFile)")
            #expect(toFile.stdout.isEmpty)
            let file = try sandbox.read("out.csv")
            let toStdout = try sandbox.archive("export")
            #expect(toStdout.status == 0, "\(toStdout)")
            #expect(toStdout.stdoutData == file, "the same CSV on stdout and in --output")
            #expect(String(decoding: file, as: UTF8.self).hasPrefix(Self.csvHeader + "\r\n"))
            #expect(Self.usesCRLFBetweenRecords(file))

            let articles = try sandbox.sqlRows("SELECT id, title, body, tags, published FROM articles ORDER BY id")
            for rows in [
                try Self.pythonCSVRows(sandbox.path("out.csv"), in: sandbox),
                try Self.pythonCSVRows(nil, stdin: toStdout.stdoutData, in: sandbox),
            ] {
                #expect(rows.first == Self.csvHeader.components(separatedBy: ","))
                let records = Array(rows.dropFirst())
                #expect(records.count == 7)
                #expect(records.allSatisfy { $0.count == 10 })
                #expect(records.map { $0[0] } == articles.map { String($0["id"] as? Int ?? -1) })
                #expect(records.map { $0[1] } == articles.map { $0["title"] as? String ?? "" })
                #expect(records.map { $0[4] } == articles.map { $0["body"] as? String ?? "" })
                #expect(records.map { $0[2] } == articles.map { $0["published"] as? String ?? "" })
                let tags = try articles.map { try #require(try jsonValue($0["tags"] as? String ?? "") as? [String]) }
                #expect(records.map { $0[3] } == tags.map { $0.joined(separator: " | ") })
            }
        }
    }

    @Test("CSV export imported into a new archive gives the same articles")
    func csvRoundTrip() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            #expect(try sandbox.archive("export", "--output", sandbox.path("out.csv")).status == 0)
            let summary = try sandbox.importJSON(sandbox.path("out.csv"), db: sandbox.path("copy.db"))
            #expect(summary.inserted == 7 && summary.errors == 0)
            #expect(try sandbox.sqlJSONText(Self.compared) == (try sandbox.sqlJSONText(Self.compared, db: sandbox.path("copy.db"))))
            #expect(try sandbox.sqlJSONText(Self.comparedInFull)
                == (try sandbox.sqlJSONText(Self.comparedInFull, db: sandbox.path("copy.db"))))
        }
    }

    @Test("JSON Lines export: one object a line, and it imports back as the same articles")
    func jsonlRoundTrip() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let result = try sandbox.archive("export", "--format", "jsonl")
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 7)
            for line in lines {
                #expect(Set(try jsonObject(String(line)).keys).isSuperset(of: Self.exportKeys))
                #expect(try jsonObject(String(line))["tags"] is [String])
            }
            let toFile = try sandbox.archive("export", "--format", "jsonl", "--output", sandbox.path("out.jsonl"))
            #expect(toFile.status == 0)
            #expect(try sandbox.read("out.jsonl") == result.stdoutData)

            let summary = try sandbox.importJSON(sandbox.path("out.jsonl"), db: sandbox.path("copy.db"))
            #expect(summary.inserted == 7 && summary.errors == 0)
            #expect(try sandbox.sqlJSONText(Self.compared) == (try sandbox.sqlJSONText(Self.compared, db: sandbox.path("copy.db"))))
            #expect(try sandbox.sqlJSONText(Self.comparedInFull)
                == (try sandbox.sqlJSONText(Self.comparedInFull, db: sandbox.path("copy.db"))))
        }
    }

    @Test("awkward text survives both export formats: quotes, commas, line breaks, pipes, Unicode")
    func awkwardTextRoundTrip() throws {
        try withSandbox { sandbox in
            let records: [[String: Any]] = [
                ["title": "Quotes \"inside\", commas, and; semicolons",
                 "body": "Line one, with a comma.\n\nLine \"two\" with quotes.\r\nA CRLF line\n=SUM(A1) looks like a formula",
                 "tags": ["Comma, Tag", "Ünïcödé", "Emoji 🎉"], "published": "2024-03-03T09:15:00+02:00",
                 "url": "https://example.com/a?x=1,2&y=\"3\"", "source": "Wire, Inc.", "authors": ["Smith, Jane", "Seán \"Red\" O'Brien"]],
                ["title": "Undated, with an unreadable date", "body": "A | pipe and trailing spaces   \n\n\n\nand blank lines",
                 "tags": "Alpha | Beta", "published": "sometime in spring", "author": "Ana Lima | 李伟"],
                ["title": "東京 — news in Japanese", "body": "日本語の本文。\n二行目。", "tags": [String](), "published": "14 April 2024"],
                ["title": "Only quotes \"\"\"", "body": "\"\"\"\"", "tags": ["\"quoted\"", "A|B"]],
                ["title": "Control characters", "body": "tab\there, NUL \u{0}here, lone CR\rthere", "tags": ["x"]],
            ]
            let jsonl = try records.map {
                String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self)
            }.joined(separator: "\n") + "\n"
            let summary = try sandbox.importJSON(try sandbox.write("awkward.jsonl", jsonl))
            #expect(summary.inserted == records.count && summary.errors == 0)

            #expect(try sandbox.archive("export", "--output", sandbox.path("out.csv")).status == 0)
            #expect(try sandbox.archive("export", "--format", "jsonl", "--output", sandbox.path("out.jsonl")).status == 0)
            #expect(Self.usesCRLFBetweenRecords(try sandbox.read("out.csv")))
            try sandbox.importJSON(sandbox.path("out.csv"), db: sandbox.path("from-csv.db"))
            try sandbox.importJSON(sandbox.path("out.jsonl"), db: sandbox.path("from-jsonl.db"))
            let original = try sandbox.sqlJSONText(Self.comparedInFull)
            #expect(try sandbox.sqlJSONText(Self.comparedInFull, db: sandbox.path("from-csv.db")) == original)
            #expect(try sandbox.sqlJSONText(Self.comparedInFull, db: sandbox.path("from-jsonl.db")) == original)
        }
    }

    @Test("a dump of a few hundred KB piped in, and exported back out whole")
    func largeImportAndExport() throws {
        try withSandbox { sandbox in
            let count = 2_500
            var lines: [String] = []
            for index in 1...count {
                let object: [String: Any] = [
                    "title": "Bulk article number \(index), with a comma",
                    "body": "Paragraph one of article \(index) says \"hello\".\n\n"
                        + String(repeating: "Filler words for article \(index). ", count: 4),
                    "tags": ["Bulk", "Batch \(index % 7)"],
                    "published": "2024-02-\(String(format: "%02d", index % 28 + 1)) 10:00",
                ]
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            let input = Data((lines.joined(separator: "\n") + "\n").utf8)
            #expect(input.count > 300_000)
            let imported = try sandbox.archive("import", "-", "--format", "jsonl", "--json", stdin: input)
            #expect(imported.status == 0, "\(imported)")
            let summary = try decode(ImportSummaryJSON.self, imported.stdout)
            #expect(summary.inserted == count)
            #expect(summary.bytes == input.count)

            let csv = try sandbox.archive("export")
            #expect(csv.status == 0)
            #expect(csv.stdoutData.count > 300_000)
            let rows = try Self.pythonCSVRows(nil, stdin: csv.stdoutData, in: sandbox)
            #expect(rows.count == count + 1)
            #expect(rows.last?[1] == "Bulk article number \(count), with a comma")

            let jsonl = try sandbox.archive("export", "--format", "jsonl")
            #expect(jsonl.stdout.split(separator: "\n").count == count)
            let hits = try sandbox.archive("search", "filler", "--format", "json", "--limit", "5000")
            #expect(try jsonArray(hits.stdout).count == count)
        }
    }

    @Test("export takes the search filters: query, --since/--until, --tag, --raw")
    func exportFilters() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            func exportedTitles(_ arguments: String...) throws -> [String] {
                let result = try sandbox.archiveWithoutDB(["export", "--db", sandbox.db, "--format", "jsonl"] + arguments)
                try #require(result.status == 0, "\(result)")
                return try result.stdout.split(separator: "\n").map {
                    try #require(try jsonObject(String($0))["title"] as? String)
                }
            }
            #expect(try exportedTitles("pontoons") == [Sample.solar])
            #expect(try exportedTitles("--tag", "HEALTH") == [Sample.hospital])
            #expect(try exportedTitles("--since", "2024-03-07").map(Sample.name) == ["rail", "canyon", "hospital"])
            #expect(try exportedTitles("--until", "2024-03-05").map(Sample.name) == ["solar", "drought"])
            #expect(try exportedTitles("--raw", "title:hospital OR title:drought").map(Sample.name) == ["drought", "hospital"])
            #expect(try exportedTitles().count == 7)

            let csv = try sandbox.archive("export", "--tag", "energy", "--tag", "solar")
            #expect(try Self.pythonCSVRows(nil, stdin: csv.stdoutData, in: sandbox).count == 2)

            let invalid = try sandbox.archive("export", "NATO AND (", "--raw")
            #expect(invalid.status == 4, "\(invalid)")
            #expect(invalid.stderrLines.count == 1)
        }
    }
}
