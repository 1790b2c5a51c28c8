import Foundation
import Testing

@Suite("archive import and stats, end to end")
struct ImportEndToEndTests {
    static let summaryKeys: Set<String> = [
        "files", "files_skipped", "files_failed", "records", "inserted", "duplicates", "errors", "warnings", "bytes",
        "seconds",
    ]
    static let statsKeys: Set<String> = [
        "articles", "duplicates_seen", "files", "files_incomplete", "import_errors", "earliest", "latest", "undated",
        "top_tags", "file_bytes",
    ]

    @Test("importing the sample keeps 7 articles of 8 records; importing it again skips the file")
    func importSampleThenAgain() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            let first = try sandbox.archive("import", dump, "--json")
            #expect(first.status == 0, "\(first)")
            let lines = first.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "--json prints exactly one line: \(first.stdout)")
            #expect(Set(try jsonObject(first.stdout).keys).isSuperset(of: Self.summaryKeys))
            let summary = try decode(ImportSummaryJSON.self, first.stdout)
            #expect(summary.files == 1)
            #expect(summary.files_skipped == 0)
            #expect(summary.files_failed == 0)
            #expect(summary.records == 8)
            #expect(summary.inserted == 7)
            #expect(summary.duplicates == 1)
            #expect(summary.errors == 0)
            #expect(summary.bytes == (try sandbox.read("sample-dump.txt")).count)
            #expect(summary.seconds >= 0)

            let statsResult = try sandbox.archive("stats", "--json")
            #expect(statsResult.status == 0, "\(statsResult)")
            #expect(Set(try jsonObject(statsResult.stdout).keys).isSuperset(of: Self.statsKeys))
            let stats = try decode(StatsJSON.self, statsResult.stdout)
            #expect(stats.articles == 7)
            #expect(stats.duplicates_seen == 1)
            #expect(stats.files == 1)
            #expect(stats.files_incomplete == 0)
            #expect(stats.import_errors == 0)
            #expect(stats.earliest == "2024-03-03T09:15:00")
            #expect(stats.latest == "2024-03-12T00:00:00")
            #expect(stats.undated == 2)
            #expect(stats.file_bytes > 0)
            #expect(!stats.top_tags.isEmpty && stats.top_tags.allSatisfy { $0.count == 1 })
            #expect(Set(stats.top_tags.map(\.tag)).isSubset(of: [
                "Energy", "Solar", "Infrastructure", "Agriculture", "Drought", "Prices", "Education", "Libraries",
                "Local", "Unions", "Rail", "Ocean", "Science", "Sport", "Football", "Planning", "Health", "Hospitals",
            ]))

            let again = try sandbox.importJSON(dump)
            #expect(again.files_skipped == 1)
            #expect(again.inserted == 0)
            #expect(again.records == 0)
            #expect(again.files == 0)
            #expect(try sandbox.articleCount() == 7)
        }
    }

    @Test("standard input may be compressed (gzip, zstd, xz, bzip2); a bundle there is refused with what to do instead")
    func compressedStandardInput() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            for (index, compressor) in ["gzip -c", "zstd -q -c", "xz -c", "bzip2 -c"].enumerated() {
                let packed = sandbox.path("packed-\(index)")
                let shell = Process()
                shell.executableURL = URL(fileURLWithPath: "/bin/sh")
                shell.arguments = ["-c", "\(compressor) '\(dump)' > '\(packed)'"]
                try shell.run()
                shell.waitUntilExit()
                let db = sandbox.path("in-\(index).db")
                let result = try sandbox.archive("import", "-", "--json", db: db, stdin: try Data(contentsOf: URL(fileURLWithPath: packed)))
                #expect(result.status == 0, "\(compressor): \(result)")
                #expect(result.stdout.contains("\"inserted\":7"), "\(compressor): \(result)")
            }
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.currentDirectoryURL = URL(fileURLWithPath: sandbox.path(""))
            tar.arguments = ["tar", "czf", "b.tgz", URL(fileURLWithPath: dump).lastPathComponent]
            try tar.run()
            tar.waitUntilExit()
            let refused = try sandbox.archive("import", "-", stdin: try Data(contentsOf: URL(fileURLWithPath: sandbox.path("b.tgz"))))
            #expect(refused.status == 2, "\(refused)")
            #expect(refused.stderr.contains("-: a zip or tar bundle cannot be read from standard input; give its path"), "\(refused)")
        }
    }

    @Test("archive serve runs archive-serve: it serves the archive on a free port, stops on SIGTERM, and refuses a public address without a token")
    func serveLauncher() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            #expect(try sandbox.archive("import", dump).status == 0)
            let refused = try sandbox.archive("serve", "--host", "0.0.0.0")
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("refusing to listen on 0.0.0.0 without a token"), "\(refused)")
            let server = try BackgroundArchive(["serve", "--db", sandbox.db, "--port", "0"], in: sandbox, name: "serve")
            #expect(server.waitForStandardError(containing: "serving "))
            let log = String(decoding: (try? Data(contentsOf: sandbox.directory.appendingPathComponent(".err-serve"))) ?? Data(), as: UTF8.self)
            let address = try #require(log.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("http://127.0.0.1:") })
            let health = try Data(contentsOf: URL(string: address + "healthz")!)
            #expect(String(decoding: health, as: UTF8.self) == "ok")
            kill(server.process.processIdentifier, SIGTERM)
            let ended = server.finish()
            #expect(ended.status == 0, "\(ended)")
        }
    }

    @Test("the plain summary is one line on stdout")
    func plainSummaryIsOneLine() throws {
        try withSandbox { sandbox in
            let result = try sandbox.archive("import", try sandbox.copySample())
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasSuffix("\n"))
            #expect(result.stdout.split(separator: "\n").count == 1, "\(result)")
        }
    }

    @Test("the sample's articles have the titles, dates and tags its headers give")
    func sampleArticlesAsStored() throws {
        try withSandbox { sandbox in
            try sandbox.importSample()
            let rows = try sandbox.sqlRows("SELECT title, published, published_raw, tags FROM articles ORDER BY id")
            #expect(rows.count == 7)
            let byName = Dictionary(uniqueKeysWithValues: rows.map { (Sample.name($0["title"] as? String ?? ""), $0) })
            #expect(Set(byName.keys) == ["solar", "drought", "library", "rail", "canyon", "football", "hospital"])
            func published(_ name: String) -> String? { byName[name]?["published"] as? String }
            func tags(_ name: String) throws -> [String] {
                try #require(try jsonValue(byName[name]?["tags"] as? String ?? "") as? [String])
            }
            #expect(published("solar") == "2024-03-03T09:15:00")
            #expect(byName["solar"]?["published_raw"] as? String == "Mar 3, 2024 09:15 AM")
            #expect(published("drought") == "2024-03-05T14:00:00")
            #expect(published("library") == nil)
            #expect(published("rail") == "2024-03-07T00:00:00")
            #expect(published("canyon") == "2024-03-09T08:30:00")
            #expect(published("football") == nil)
            #expect(published("hospital") == "2024-03-12T00:00:00")
            #expect(try tags("solar") == ["Energy", "Solar", "Infrastructure"])
            #expect(try tags("drought") == ["Agriculture", "Drought", "Prices"])
            #expect(try tags("library") == ["Education", "Libraries", "Local"])
            #expect(try tags("canyon") == ["Ocean", "Science"])
            #expect(try tags("football") == ["Sport", "Football", "Planning"])
            #expect(try tags("hospital") == ["Health", "Hospitals"])
        }
    }

    @Test("a dump that has grown: only the appended articles are inserted")
    func grownFileInsertsOnlyNewArticles() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            let first = try sandbox.importJSON(dump)
            #expect(first.inserted == 7)
            try sandbox.append("sample-dump.txt", Sample.twoNewArticles)

            let second = try sandbox.importJSON(dump)
            #expect(second.files == 1)
            #expect(second.files_skipped == 0)
            #expect(second.inserted == 2)
            // The old last record is read again, and found to be known.
            #expect(second.duplicates == 1)
            #expect(second.records == 3)
            #expect(second.errors == 0)
            #expect(try sandbox.articleCount() == 9)

            let rows = try sandbox.sqlRows("SELECT title, published FROM articles WHERE id > 7 ORDER BY id")
            #expect(rows.map { $0["title"] as? String } == [
                "Lighthouse keepers return to the northern cape after fifty years.",
                "Bakers protest rising flour prices outside parliament.",
            ])
            #expect(rows.last?["published"] as? String == "2024-03-15T11:30:00")

            let third = try sandbox.importJSON(dump)
            #expect(third.files_skipped == 1 && third.inserted == 0)
        }
    }

    /// A dump read while it is still being written can end inside an article. README:
    /// "The old last record is read again because a dump may end in the middle of a
    /// record; if it is now longer, the longer version is added." So once the rest
    /// arrives, every article of the finished file is in the archive, complete.
    @Test("a dump cut inside its last article, then completed: the complete article is added")
    func grownFileCompletingLastArticle() throws {
        try withSandbox { sandbox in
            let whole = try String(contentsOf: Paths.sampleDump, encoding: .utf8)
            // Cut after the first paragraph of the last article (the hospital trial).
            let cut = try #require(whole.range(of: "elsewhere in the building.\n"))
            try sandbox.write("growing.txt", String(whole[..<cut.upperBound]))
            #expect(try sandbox.importJSON(sandbox.path("growing.txt")).inserted == 7)
            try sandbox.append("growing.txt", String(whole[cut.upperBound...]))
            #expect(try sandbox.read("growing.txt") == (try Data(contentsOf: Paths.sampleDump)))

            let grown = try sandbox.importJSON(sandbox.path("growing.txt"))
            #expect(grown.records == 1)
            #expect(grown.inserted == 1)
            try sandbox.importJSON(try sandbox.copySample(as: "sample-whole.txt"), db: sandbox.path("oneshot.db"))
            let statement = "SELECT title, body FROM articles ORDER BY title, body"
            let incremental = try sandbox.sqlRows(statement).map { "\($0["title"] ?? "")\n\($0["body"] ?? "")" }
            let oneShot = try sandbox.sqlRows(statement, db: sandbox.path("oneshot.db"))
                .map { "\($0["title"] ?? "")\n\($0["body"] ?? "")" }
            #expect(oneShot.count == 7)
            #expect(Set(oneShot).isSubset(of: Set(incremental)), "every article of the finished dump, complete")
            // Plus the cut-short version read the first time (kept, as documented).
            #expect(incremental.count == 8)
        }
    }

    @Test("--force reads an unchanged file again without creating duplicates")
    func forceReadsAgainWithoutDuplicates() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            try sandbox.importJSON(dump)
            let forced = try sandbox.importJSON(dump, extra: ["--force"])
            #expect(forced.files == 1)
            #expect(forced.files_skipped == 0)
            #expect(forced.records == 8)
            #expect(forced.inserted == 0)
            #expect(forced.duplicates == 8)
            #expect(try sandbox.articleCount() == 7)
            // And without --force it is skipped again.
            #expect(try sandbox.importJSON(dump).files_skipped == 1)
        }
    }

    @Test("a later copy of an article fills what was unknown and overwrites nothing; the same bytes under another name are skipped")
    func duplicatesFillGaps() throws {
        try withSandbox { sandbox in
            let first = try sandbox.write("first.jsonl", #"{"title":"Gap filling","body":"The same body."}"# + "\n")
            let second = try sandbox.write("second.jsonl",
                #"{"title":"Gap  filling","body":"The same   body.","url":"https://example.org/1","source":"First wire","published":"2024-01-02"}"# + "\n")
            let third = try sandbox.write("third.jsonl",
                #"{"title":"gap filling","body":"the same body.","url":"https://example.org/2","source":"Second wire","published":"2024-05-05"}"# + "\n")
            #expect(try sandbox.importJSON(first).inserted == 1)
            #expect(try sandbox.importJSON(second).duplicates == 1)
            #expect(try sandbox.importJSON(third).duplicates == 1)
            let rows = try sandbox.sqlRows("SELECT title, url, source, published FROM articles")
            #expect(rows.count == 1)
            #expect(rows.first?["title"] as? String == "Gap filling")
            #expect(rows.first?["url"] as? String == "https://example.org/1")
            #expect(rows.first?["source"] as? String == "First wire")
            #expect(rows.first?["published"] as? String == "2024-01-02T00:00:00")

            try FileManager.default.copyItem(atPath: first, toPath: sandbox.path("renamed.jsonl"))
            let copy = try sandbox.importJSON(sandbox.path("renamed.jsonl"))
            #expect(copy.files_skipped == 1 && copy.records == 0)
        }
    }

    @Test("a directory imports its .txt, .jsonl, .ndjson and .csv files in name order")
    func directoryImportsDumpsInNameOrder() throws {
        try withSandbox { sandbox in
            try sandbox.write("dumps/c.ndjson", #"{"title":"Third by name","body":"from c.ndjson"}"# + "\n")
            try sandbox.write("dumps/a.csv", "title,body\r\nFirst by name,from a.csv\r\n")
            try sandbox.write("dumps/d.txt", "Fourth by name. Misc | Other\nFourth by name. Misc | Other\n\nfrom d.txt\n")
            try sandbox.write("dumps/b.jsonl", #"{"title":"Second by name","body":"from b.jsonl"}"# + "\n")
            try sandbox.write("dumps/notes.md", "# not a dump\n")
            let summary = try sandbox.importJSON(sandbox.path("dumps"))
            #expect(summary.files == 4)
            #expect(summary.inserted == 4)
            let titles = try sandbox.sqlRows("SELECT title FROM articles ORDER BY id").map { $0["title"] as? String }
            #expect(titles == ["First by name", "Second by name", "Third by name", "Fourth by name."])
        }
    }

    @Test("bad JSON Lines records: the good ones go in, the bad ones are reported and kept (exit 2)")
    func badRecordsAreReportedAndKept() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.write("mixed.jsonl", [
                #"{"title":"Good first record","body":"The first body is fine.","tags":["Good"]}"#,
                #"{"title":"Cut in half","body":"This line was cut"#,
                #"{"title":5,"body":"A number is not a title."}"#,
                #"{"title":"Good last record","body":"The last body is fine too.","tags":"Good | Last"}"#,
            ].joined(separator: "\n") + "\n")
            let result = try sandbox.archive("import", dump, "--json")
            #expect(result.status == 2, "\(result)")
            let summary = try decode(ImportSummaryJSON.self, result.stdout)
            #expect(summary.records == 4)
            #expect(summary.inserted == 2)
            #expect(summary.errors == 2)
            #expect(summary.files_failed == 0)

            let problems = result.stderrLines.filter { $0.contains("mixed.jsonl:") }
            #expect(problems.count == 2, "\(result)")
            #expect(problems.allSatisfy { $0.hasPrefix("archive: ") })
            #expect(problems.contains { $0.contains("mixed.jsonl:2:") })
            #expect(problems.contains { $0.contains("mixed.jsonl:3:") })

            let rows = try sandbox.sqlRows("SELECT count(*) AS n FROM import_errors")
            #expect(rows.first?["n"] as? Int == 2)
            let lines = try sandbox.sqlRows("SELECT line FROM import_errors ORDER BY line").map { $0["line"] as? Int }
            #expect(lines == [2, 3])
            #expect(try sandbox.articleCount() == 2)
            #expect(try decode(StatsJSON.self, try sandbox.archive("stats", "--json").stdout).import_errors == 2)
        }
    }

    @Test("import - reads JSON Lines from standard input")
    func importFromStandardInput() throws {
        try withSandbox { sandbox in
            let lines = [
                #"{"title":"Piped in first","body":"Read from standard input.","tags":["Pipe"],"published":"2024-05-01"}"#,
                #"{"title":"Piped in second","body":"Also from standard input.","url":"https://example.org/2","source":"Wire"}"#,
            ].joined(separator: "\n") + "\n"
            let result = try sandbox.archive("import", "-", "--format", "jsonl", "--json", stdin: Data(lines.utf8))
            #expect(result.status == 0, "\(result)")
            let summary = try decode(ImportSummaryJSON.self, result.stdout)
            #expect(summary.records == 2 && summary.inserted == 2)
            let rows = try sandbox.sqlRows("SELECT title, published, tags, url, source FROM articles ORDER BY id")
            #expect(rows.map { $0["title"] as? String } == ["Piped in first", "Piped in second"])
            #expect(rows.first?["published"] as? String == "2024-05-01T00:00:00")
            #expect(rows.first?["tags"] as? String == #"["Pipe"]"#)
            #expect(rows.last?["url"] as? String == "https://example.org/2")
            #expect(rows.last?["source"] as? String == "Wire")
        }
    }

    @Test("import - sniffs the format: the text sample piped in gives the same 7 articles")
    func importFromStandardInputSniffed() throws {
        try withSandbox { sandbox in
            let result = try sandbox.archive("import", "-", "--json", stdin: try Data(contentsOf: Paths.sampleDump))
            #expect(result.status == 0, "\(result)")
            let summary = try decode(ImportSummaryJSON.self, result.stdout)
            #expect(summary.records == 8 && summary.inserted == 7 && summary.duplicates == 1)
        }
    }

    @Test("a missing dump fails that file (exit 2); an archive in a missing folder is fatal (exit 1)")
    func importFailures() throws {
        try withSandbox { sandbox in
            let missing = try sandbox.archive("import", sandbox.path("no-such-dump.txt"), "--json")
            #expect(missing.status == 2, "\(missing)")
            #expect(try decode(ImportSummaryJSON.self, missing.stdout).files_failed == 1)
            #expect(missing.stderr.contains("no-such-dump.txt"))

            let dump = try sandbox.copySample()
            let noFolder = sandbox.path("no-such-folder/a.db")
            let fatal = try sandbox.archive("import", dump, db: noFolder)
            #expect(fatal.status == 1, "\(fatal)")
            #expect(fatal.stderr.contains("no-such-folder"))
            #expect(!sandbox.exists("no-such-folder"))
        }
    }

    @Test("without --db the archive is $ARCHIVE_DB, else ./archive.db")
    func defaultArchivePath() throws {
        try withSandbox { sandbox in
            let dump = try sandbox.copySample()
            let fromEnvironment = try sandbox.archiveWithoutDB(
                ["import", dump], environment: ["ARCHIVE_DB": sandbox.path("from-env.db")])
            #expect(fromEnvironment.status == 0, "\(fromEnvironment)")
            #expect(sandbox.exists("from-env.db"))
            #expect(!sandbox.exists("archive.db"))

            let stats = try sandbox.archiveWithoutDB(["stats", "--json"], environment: ["ARCHIVE_DB": sandbox.path("from-env.db")])
            #expect(try decode(StatsJSON.self, stats.stdout).articles == 7)

            // No ARCHIVE_DB (the helper removes it): ./archive.db in the working directory.
            let missing = try sandbox.archiveWithoutDB(["stats"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("archive.db"))
            #expect(!sandbox.exists("archive.db"))
            let local = try sandbox.archiveWithoutDB(["import", dump, "--force"])
            #expect(local.status == 0, "\(local)")
            #expect(sandbox.exists("archive.db"))
        }
    }
}
