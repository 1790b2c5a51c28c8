// The CLI's output, byte for byte: every command in every format on the demo archive
// (the bundled sample), with its exit code and standard error, compared with files kept
// in Golden/. A change to what a user or a script reads shows here first. Only what
// differs from run to run (seconds, the moment of import) is masked.
//
// After an intended change of output: ARCHIVE_UPDATE_GOLDEN=1 swift test --filter GoldenOutput,
// then read the diff of Tests/archiveTests/Golden/ before committing it.

import Foundation
import Testing

@Suite("The CLI's output on the demo archive, byte for byte")
struct GoldenOutputTests {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/archiveTests/Golden")

    /// In order: they share one archive, and the writing ones come where they change it.
    static let commands: [(name: String, arguments: [String])] = [
        ("import", ["import", "sample-dump.txt"]),
        ("import-again-json", ["import", "sample-dump.txt", "--json"]),
        ("import-errors", ["import", "bad.jsonl", "missing.txt"]),
        ("import-versions", ["import", "versions.jsonl", "--json"]),
        ("stats", ["stats"]),
        ("stats-json", ["stats", "--json"]),
        ("search-table", ["search", "solar reservoir"]),
        ("search-json", ["search", "hospital", "--tag", "health", "--format", "json"]),
        ("search-jsonl", ["search", "rail OR library", "--raw", "--format", "jsonl"]),
        ("search-csv", ["search", "the", "--format", "csv", "--since", "2024-03-05", "--limit", "3"]),
        ("search-all-versions", ["search", "rail strike", "--all-versions", "--format", "json"]),
        ("search-prefix-offset", ["search", "farm*", "--raw", "--limit", "1", "--offset", "1"]),
        ("search-none", ["search", "zeppelin"]),
        ("search-bad-raw", ["search", "solar AND", "--raw"]),
        ("search-punctuation", ["search", "U.S. C++ \"quoted"]),
        ("show-text", ["show", "4"]),
        ("show-json", ["show", "4", "--format", "json"]),
        ("show-missing", ["show", "999"]),
        ("show-versions-text", ["show", "9"]),
        ("show-versions-json", ["show", "1", "--format", "json"]),
        ("export-csv", ["export"]),
        ("export-jsonl", ["export", "--format", "jsonl"]),
        ("export-query", ["export", "council", "--until", "2024-03-06", "--all-versions"]),
        ("sql-table", ["sql", "SELECT id, title, published FROM articles ORDER BY id"]),
        ("sql-csv", ["sql", "SELECT tag, count(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC, tag", "--format", "csv"]),
        ("sql-json", ["sql", "SELECT id, duplicate_of, match_rule, round(similarity, 3) AS s FROM articles ORDER BY id", "--format", "json"]),
        ("sql-refused", ["sql", "DELETE FROM articles"]),
        ("sql-error", ["sql", "SELECT nope FROM articles"]),
        ("duplicates-table", ["duplicates"]),
        ("duplicates-json", ["duplicates", "--format", "json"]),
        ("check", ["check"]),
        ("check-json", ["check", "--json"]),
        ("dedup", ["dedup"]),
        ("dedup-restart", ["dedup", "--restart", "--jaccard", "0.5"]),
        ("repair", ["repair"]),
        ("stats-after", ["stats", "--json"]),
    ]

    static let bad = """
        {"title": "Ferry timetable changes for the winter season", "body": "The ferry company will run fewer crossings from November, citing rising fuel costs and falling demand after the summer."}
        not json at all
        {"title": "", "body": "A record without a title."}

        """

    /// Versions of the sample's first story: retitled with a word changed, and cut short.
    static func versions() throws -> String {
        let sample = String(decoding: try Data(contentsOf: Paths.sampleDump), as: UTF8.self)
        let paragraphs = sample.components(separatedBy: "\n\n").dropFirst(2).prefix(4).map { $0 }
        let body = paragraphs.joined(separator: "\n\n")
        func record(_ title: String, _ body: String, _ extra: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: ["title": title, "body": body, "source": extra], options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        return record("Update: floating solar farm opens on the reservoir", body.replacingOccurrences(of: "Monday", with: "Tuesday"), "Wire")
            + record("Solar farm on the old reservoir (short)", paragraphs.prefix(3).joined(separator: "\n\n"), "Digest")
    }

    /// Masks what changes between runs: durations, rates, the moment of import, the
    /// temporary folder, the file's size.
    static func masked(_ text: String, folder: String) -> String {
        var text = text.replacingOccurrences(of: folder, with: "$SANDBOX")
        let patterns: [(String, String)] = [
            (#""file_bytes":[0-9]+"#, #""file_bytes":#"#),
            (#"demo\.db: [0-9.]+ [kMG]?B"#, "demo.db: # kB"),
            (#""seconds":[0-9.e-]+"#, #""seconds":#"#),
            (#"in [0-9]+\.[0-9] s(, [0-9.]+ MB/s)?"#, "in # s"),
            (#"20[0-9]{2}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z"#, "#time#"),
        ]
        for (pattern, replacement) in patterns {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static func transcript(_ arguments: [String], _ result: ProcessResult, folder: String) -> String {
        "$ archive \(arguments.joined(separator: " "))\nexit \(result.status)\n"
            + "--- stdout\n\(masked(result.stdout, folder: folder))--- stderr\n\(masked(result.stderr, folder: folder))"
    }

    @Test("`archive --version` (answered before the argument parser is built) prints the version and exits 0")
    func version() throws {
        try withSandbox { sandbox in
            let alone = try sandbox.archiveWithoutDB(["--version"])
            #expect(alone.status == 0)
            #expect(alone.stdout == "0.1.0\n")
            #expect(alone.stderr.isEmpty)
        }
    }

    @Test("every command and format prints what it printed before, byte for byte")
    func outputIsUnchanged() throws {
        let update = ProcessInfo.processInfo.environment["ARCHIVE_UPDATE_GOLDEN"] == "1"
        try withSandbox { sandbox in
            try sandbox.copySample()
            try sandbox.write("bad.jsonl", Self.bad)
            try sandbox.write("versions.jsonl", try Self.versions())
            if update { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
            for (name, command) in Self.commands {
                // Relative paths, so no temporary folder appears in the output.
                var arguments = command
                arguments.insert(contentsOf: ["--db", "demo.db"], at: 1)
                let result = try sandbox.archiveWithoutDB(arguments)
                let got = Self.transcript(arguments, result, folder: sandbox.directory.path)
                let file = Self.folder.appendingPathComponent(name + ".txt")
                if update {
                    try Data(got.utf8).write(to: file)
                    continue
                }
                let expected = String(decoding: try Data(contentsOf: file), as: UTF8.self)
                #expect(got == expected, "\(name): the output changed; ARCHIVE_UPDATE_GOLDEN=1 rewrites Golden/ if that was meant")
            }
        }
    }
}
