import Foundation
import Testing

/// A long news-like text made of numbered sentences, different for each `story`.
func storyText(_ story: Int, sentences: Int = 40) -> String {
    let subjects = ["The council", "Residents", "The minister", "Farmers", "Engineers", "The union", "Police", "Traders"]
    let verbs = ["discussed", "rejected", "welcomed", "questioned", "delayed", "approved", "reviewed", "criticised"]
    let objects = ["the harbour plan", "the new budget", "the bridge repairs", "the school merger", "the water tariff",
                   "the rail timetable", "the housing scheme", "the flood defences"]
    return (0..<sentences).map { n in
        let k = story * 131 + n * 17
        return "\(subjects[k % 8]) \(verbs[(k / 8) % 8]) \(objects[(k / 64) % 8]) on day \(story * 100 + n) of the inquiry."
    }.joined(separator: " ")
}

func jsonLine(_ title: String, _ body: String) -> String {
    let object: [String: String] = ["title": title, "body": body]
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self) + "\n"
}

@Suite("Near duplicates, end to end")
struct DedupEndToEndTests {
    /// Story 1 cut short (imported first), then its full text, a retitled copy and an
    /// edited copy; story 2 unrelated.
    static func dumps(_ sandbox: Sandbox) throws -> (first: String, second: String) {
        let full = storyText(1)
        let words = full.split(separator: " ")
        let cut = words.prefix(words.count * 3 / 4).joined(separator: " ")
        var edited = words.map(String.init)
        edited[10] = "altered"
        let first = try sandbox.write("first.jsonl", jsonLine("Inquiry hears plans", cut))
        let second = try sandbox.write("second.jsonl", jsonLine("Inquiry hears plans", full)
            + jsonLine("New comment: Inquiry hears plans", full)
            + jsonLine("Inquiry hears the plans", edited.joined(separator: " "))
            + jsonLine("Something else entirely", storyText(2)))
        return (first, second)
    }

    @Test("versions are linked; search shows one row per story; duplicates and show describe them")
    func versionsLinked() throws {
        try withSandbox { sandbox in
            let (first, second) = try Self.dumps(sandbox)
            #expect(try sandbox.importJSON(first).near_duplicates == 0)
            let summary = try sandbox.importJSON(second)
            #expect(summary.inserted == 4)
            #expect(summary.near_duplicates == 3)

            let result = try sandbox.archive("duplicates", "--format", "json")
            #expect(result.status == 0, "\(result)")
            let clusters = try jsonArray(result.stdout)
            #expect(clusters.count == 1)
            #expect(clusters.first?["canonical"] as? Int == 2, "the full text, not the cut-short copy imported first")
            #expect(clusters.first?["members"] as? [Int] == [1, 2, 3, 4])

            let oneRow = try jsonArray(try sandbox.archive("search", "inquiry", "--format", "json").stdout)
            #expect(oneRow.map { $0["id"] as? Int } == [2, 5] || oneRow.map { $0["id"] as? Int } == [5, 2])
            let every = try jsonArray(try sandbox.archive("search", "inquiry", "--all-versions", "--format", "json").stdout)
            #expect(every.count == 5)
            let exported = try sandbox.archive("export", "--format", "jsonl")
            #expect(exported.stdout.split(separator: "\n").count == 2)

            let shown = try jsonObject(try sandbox.archive("show", "1", "--format", "json").stdout)
            #expect(shown["duplicate_of"] as? Int == 2)
            #expect(shown["match_rule"] as? String == "containment")
            let versions = try #require(shown["versions"] as? [[String: Any]])
            #expect(versions.map { $0["id"] as? Int } == [2, 3, 4])
            #expect(versions.first?["truncates_this"] as? Bool == true)

            let stats = try jsonObject(try sandbox.archive("stats", "--json").stdout)
            #expect(stats["clusters"] as? Int == 1)
            #expect(stats["versions"] as? Int == 3)
            #expect(stats["stories"] as? Int == 2)

            // Importing both dumps again changes nothing.
            try sandbox.importJSON(first, second, extra: ["--force"])
            #expect(try sandbox.archive("duplicates", "--format", "json").stdout == result.stdout)
        }
    }

    @Test("signatures are the same in every process: two archives get identical keys")
    func stableAcrossProcesses() throws {
        try withSandbox { sandbox in
            let (first, second) = try Self.dumps(sandbox)
            try sandbox.importJSON(first, second, db: sandbox.path("a.db"))
            try sandbox.importJSON(first, second, db: sandbox.path("b.db"))
            let query = "SELECT key, article_id FROM near_keys_all ORDER BY key, article_id"
            let a = try sandbox.sqlJSONText(query, db: sandbox.path("a.db"))
            #expect(a.count > 100)
            #expect(a == (try sandbox.sqlJSONText(query, db: sandbox.path("b.db"))))
        }
    }

    @Test("import without the check, then archive dedup: the same stories; thresholds can change")
    func dedupCommand() throws {
        try withSandbox { sandbox in
            let (first, second) = try Self.dumps(sandbox)
            try sandbox.importJSON(first, second, db: sandbox.path("checked.db"))
            let expected = try sandbox.sqlJSONText("SELECT id, duplicate_of FROM articles ORDER BY id", db: sandbox.path("checked.db"))

            let later = try sandbox.archiveWithoutDB(["import", first, second, "--no-near-duplicates", "--json"])
            #expect(later.status == 0, "\(later)")
            #expect(later.stderr.contains("archive dedup"))
            #expect(try jsonObject(try sandbox.archive("stats", "--json").stdout)["dedup_pending"] as? Bool == true)
            let run = try sandbox.archive("dedup")
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("3 near duplicates"))
            #expect(try sandbox.sqlJSONText("SELECT id, duplicate_of FROM articles ORDER BY id") == expected)

            let strict = try sandbox.archive("dedup", "--jaccard", "0.999", "--containment", "0.9999")
            #expect(strict.status == 0, "\(strict)")
            #expect(try sandbox.sqlJSONText("SELECT id, duplicate_of FROM articles ORDER BY id") != expected)
            #expect(try sandbox.archive("dedup", "--jaccard", "1.5").status == 64)
            _ = try sandbox.archive("dedup", "--jaccard", "0.8", "--containment", "0.9")
            #expect(try sandbox.sqlJSONText("SELECT id, duplicate_of FROM articles ORDER BY id") == expected)
        }
    }
}
