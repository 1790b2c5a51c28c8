// Support for the safety tests (CrashTests, ConcurrencyTests, DiskFullTests): a
// deterministic multi-file dump set, snapshots of everything an archive holds (to
// compare an interrupted archive with an uninterrupted one), a child process that can
// be killed, and a seeded random number generator.

import Foundation
import Testing
import ArchiveCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Reproducible randomness

/// ArchiveCore's SplitMix64: the same sequence on every machine for a seed.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// $ARCHIVE_SAFETY_SEED when set (to replay a run), else a fresh seed; printed
    /// either way so that a failure can be replayed.
    static func seeded(for name: String) -> (SeededGenerator, UInt64) {
        let seed = ProcessInfo.processInfo.environment["ARCHIVE_SAFETY_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...UInt64(UInt32.max))
        print("[\(name)] random seed \(seed) (replay the delays with ARCHIVE_SAFETY_SEED=\(seed))")
        return (SeededGenerator(seed: seed), seed)
    }
}

// MARK: - The dump set

/// A deterministic set of dumps in all three formats, with exact duplicates across and
/// within files, near duplicates of every kind (retitled, a few words changed, cut
/// short, a cut-short copy arriving before its full text), record errors, warnings
/// (an unreadable date, invalid UTF-8) and a text dump that ends in the middle of a
/// record. Bodies are 12 sentences (about 130 words), so the near-duplicate rules apply.
enum SafetyDumps {
    /// One story: its sentences and title. Different stories share little text.
    struct Story {
        let number: Int
        let sentences: [String]

        init(_ number: Int, sentences count: Int = 12) {
            self.number = number
            let subjects = ["The council", "Residents", "The minister", "Farmers", "Engineers", "The union",
                            "Police", "Traders", "Teachers", "Nurses", "The mayor", "Shipping firms"]
            let verbs = ["discussed", "rejected", "welcomed", "questioned", "delayed", "approved", "reviewed",
                         "criticised", "funded", "opposed", "praised", "postponed"]
            let objects = ["the harbour plan", "the new budget", "the bridge repairs", "the school merger",
                           "the water tariff", "the rail timetable", "the housing scheme", "the flood defences",
                           "the bus lanes", "the market hall", "the wind farm", "the clinic hours"]
            let places = ["Northport", "Eastvale", "Lowmoor", "Highbury", "Westfield", "Saltmarsh", "Redcliff",
                          "Ashford", "Brookside", "Kingsbridge"]
            sentences = (0..<count).map { n in
                let k = number &* 7919 &+ n &* 104_729
                return "\(subjects[k % 12]) \(verbs[(k / 12) % 12]) \(objects[(k / 144) % 12]) in \(places[(k / 1728) % 10]) "
                    + "on day \(number * 50 + n) of inquiry \(number)."
            }
        }

        var title: String {
            let places = ["Northport", "Eastvale", "Lowmoor", "Highbury", "Westfield", "Saltmarsh"]
            return "\(places[number % 6]) inquiry \(number) hears from witnesses."
        }

        var tags: [String] {
            let pool = ["Politics", "Transport", "Health", "Energy", "Housing", "Local", "Economy", "Weather"]
            return [pool[number % 8], pool[(number / 8 + 3) % 8]]
        }

        /// Paragraphs of four sentences, separated by a blank line.
        var body: String { Self.paragraphs(sentences) }

        /// The first three quarters of the sentences: a cut-short copy (about 97 words,
        /// well over the 50 shingles the containment rule needs).
        var cutShort: String { Self.paragraphs(Array(sentences.prefix(sentences.count * 3 / 4))) }

        /// `changes` words replaced: a lightly edited copy (Jaccard about 0.9).
        func edited(_ changes: Int) -> String {
            var words = body.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for c in 0..<changes {
                let at = 7 + c * 41
                if at < words.count, !words[at].contains("\n") { words[at] = "revised" }
            }
            return words.joined(separator: " ")
        }

        /// The same text in other capitals and spacing: the same fingerprint.
        var respaced: String { body.uppercased().replacingOccurrences(of: " ", with: "   ") }

        static func paragraphs(_ sentences: [String]) -> String {
            stride(from: 0, to: sentences.count, by: 4)
                .map { sentences[$0..<min($0 + 4, sentences.count)].joined(separator: " ") }
                .joined(separator: "\n\n")
        }
    }

    static let dates = ["Apr 14, 2024 07:30 AM", "2024-03-02 18:05", "2024-01-20T09:00:00Z", "14 April 2023",
                        "2023/11/30 12:00", "2024-02-29"]

    static func textRecord(title: String, tags: [String], date: String?, body: String) -> String {
        let header = tags.isEmpty ? title : title + " " + tags.joined(separator: " | ")
        var record = "\(header)\n\(header)\n\n"
        if let date { record += "Release time:\(date)\n\n" }
        return record + body + "\n\n"
    }

    static func jsonRecord(_ fields: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func csvField(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text.hasPrefix(" ") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// Writes the dump set into `sandbox` and returns the paths in import order.
    /// `scale` multiplies the number of new stories (the duplicates stay as they are).
    static func write(into sandbox: Sandbox, scale: Int = 1, prefix: String = "") throws -> [String] {
        // 1. A text dump: stories 0..<110, with a retitled copy, an exact copy, an edited
        //    copy, a record without a body (an error) and an unreadable date (a warning).
        var text = ""
        for i in 0..<(110 * scale) {
            let story = Story(i)
            text += textRecord(title: story.title, tags: story.tags, date: dates[i % dates.count], body: story.body)
            switch i {
            case 40: text += textRecord(title: "New comment: " + Story(3).title, tags: ["Opinion"], date: nil, body: Story(3).body)
            case 70: text += textRecord(title: Story(10).title, tags: Story(10).tags, date: dates[0], body: Story(10).respaced)
            case 90: text += "A header with no story at all. Empty\nA header with no story at all. Empty\n\nRelease time:2024-01-01\n\n"
            case 95: text += textRecord(title: "Undated inquiry update from Lowmoor.", tags: ["Local"], date: "sometime in spring",
                                        body: Story(9_000).body)
            case 100: text += textRecord(title: Story(20).title, tags: Story(20).tags, date: nil, body: Story(20).edited(2))
            default: break
            }
        }
        let a = try sandbox.write(prefix + "a-wire.txt", text)

        // 2. JSON Lines: exact copies (filling in url and source), retitled and edited
        //    copies of stories in the text dump, cut-short stories whose full text comes
        //    later, new stories, and bad lines.
        var lines = Data()
        for i in 0..<(130 * scale) {
            let record: [String: Any]
            switch i % 6 {
            case 0:
                let story = Story((i * 7) % 110)
                record = ["title": story.title.uppercased(), "body": story.respaced, "url": "https://news.example/\(i)",
                          "source": "Wire – \(i % 3)", "tags": story.tags.joined(separator: " | ")]
            case 1:
                let story = Story((i * 5) % 110)
                record = ["title": "New comment: " + story.title, "body": story.body, "tags": ["Opinion"],
                          "published": "2024-05-0\(i % 9 + 1) 10:00", "source": "Agentur Zürich"]
            case 2:
                let story = Story((i * 3) % 110)
                record = ["title": story.title, "body": story.edited(1 + i % 2), "date": "2024-05-10", "source": "Agence Genève"]
            case 3:
                let story = Story(200 + i)
                record = ["title": story.title, "text": story.cutShort, "tags": story.tags, "source": "Søndag"]
            default:
                let story = Story(110 + i)
                record = ["title": story.title, "content": story.body, "tags": story.tags, "release_time": dates[i % 6],
                          "source": "Feed – Malmö"]
            }
            lines.append(Data(jsonRecord(record).utf8))
            switch i {
            case 30: lines.append(Data("this line is not JSON at all\n".utf8))
            case 60: lines.append(Data("{\"title\": [\"a list\"], \"body\": \"a title of the wrong type\"}\n".utf8))
            case 80:
                lines.append(Data("{\"title\": \"Invalid bytes in Saltmarsh ".utf8))
                lines.append(contentsOf: [0xFF, 0xFE])
                lines.append(Data("\", \"body\": \"\(Story(9_001).body.replacingOccurrences(of: "\n", with: "\\n"))\"}\n".utf8))
            case 100: lines.append(Data("\n".utf8))
            default: break
            }
        }
        let b = prefix + "b-feed.jsonl"
        try lines.write(to: URL(fileURLWithPath: sandbox.path(b)))

        // 3. CSV: exact copies of JSON Lines stories, cut-short copies of text stories,
        //    edited copies, new stories (multi-line quoted bodies, commas and quotes), and
        //    one row with too many fields.
        var csv = "title,body,tags,published,url,source\n"
        for i in 0..<(120 * scale) {
            var row: [String]
            switch i % 5 {
            case 0:
                let story = Story(110 + (i / 5) * 6 + 4)  // a new story of the JSON Lines dump
                row = [story.title, story.body, story.tags.joined(separator: " | "), "2024-06-01", "", ""]
            case 1:
                let story = Story((i * 11) % 110)
                row = [story.title + " (short)", story.cutShort, "", "", "https://short.example/\(i)", ""]
            case 2:
                let story = Story(110 + (i / 5) * 6 + 5)
                row = [story.title, story.edited(2), "Edited", "2024-06-02 08:00", "", "Desk"]
            default:
                let story = Story(300 + i)
                row = ["Mayor says “not now”, again: " + story.title, story.body, story.tags.joined(separator: " | "),
                       dates[i % 6], "https://csv.example/\(i)", "CSV, desk"]
            }
            csv += row.map(csvField).joined(separator: ",") + "\n"
            if i == 50 { csv += "Too many fields,body,tags,2024-01-01,url,source,extra,fields\n" }
        }
        let c = try sandbox.write(prefix + "c-export.csv", csv)

        // 4. A second text dump: the full texts of stories that came cut short (they become
        //    canonical), exact copies, retitled copies, new stories; it ends mid-record.
        var late = ""
        for i in 0..<(70 * scale) {
            switch i % 4 {
            case 0:
                let story = Story(200 + (i / 4) * 6 + 3)  // cut short in the JSON Lines dump
                late += textRecord(title: story.title, tags: story.tags, date: dates[i % 6], body: story.body)
            case 1:
                let story = Story(300 + (i / 4) * 5 + 3)  // new in the CSV dump
                late += textRecord(title: "Mayor says “not now”, again: " + story.title, tags: [], date: nil, body: story.body)
            case 2:
                let story = Story((i * 13) % 110)
                late += textRecord(title: "Update: " + story.title, tags: ["Update"], date: dates[(i + 1) % 6], body: story.body)
            default:
                let story = Story(400 + i)
                late += textRecord(title: story.title, tags: story.tags, date: dates[i % 6], body: story.body)
            }
        }
        let last = Story(999)
        late += textRecord(title: last.title, tags: last.tags, date: dates[2], body: "")
        late.removeLast(2)
        late += "\n\n" + last.sentences.prefix(5).joined(separator: " ") + " The report was cut"
        let d = try sandbox.write(prefix + "d-late.txt", late)
        return [a, sandbox.path(b), c, d]
    }
}

extension SafetyDumps {
    /// One small dump of each format whose last record is cut short by the end of the
    /// file (a text record with no record after it, a JSON line or CSV row without its
    /// newline): the next run reads such a record again. Each holds an exact copy, and
    /// its last record is a copy too, so that counting it twice shows in `duplicates`.
    static func writeCutShort(into sandbox: Sandbox) throws -> [String] {
        let stories = (0..<5).map { Story(600 + $0) }
        let order = [0, 1, 2, 0, 3, 4, 1]
        var text = ""
        var lines = ""
        var csv = "title,body,tags\n"
        for n in order {
            let story = stories[n]
            text += textRecord(title: story.title, tags: story.tags, date: dates[n], body: story.body)
            lines += jsonRecord(["title": story.title, "body": story.body, "tags": story.tags])
            csv += [story.title, story.body, story.tags.joined(separator: " | ")].map(csvField).joined(separator: ",") + "\n"
        }
        text.removeLast(2)
        lines.removeLast()
        csv.removeLast()
        return [try sandbox.write("cut-text.txt", text), try sandbox.write("cut-lines.jsonl", lines),
                try sandbox.write("cut-rows.csv", csv)]
    }

    /// Appends to the first three dumps that `write(into:)` made (same paths, same
    /// order): new records, copies and versions of old ones. The fourth, which ends in
    /// the middle of a record, stays as it is (see CrashTests.grownCutShortRecord).
    static func grow(_ paths: [String]) throws {
        func append(_ path: String, _ text: String) throws {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        }
        var text = ""
        for i in 0..<25 {
            let story = Story(700 + i)
            text += textRecord(title: story.title, tags: story.tags, date: dates[i % 6], body: story.body)
        }
        text += textRecord(title: Story(5).title, tags: Story(5).tags, date: nil, body: Story(5).body)
        try append(paths[0], text)

        var lines = ""
        for i in 0..<25 {
            switch i % 3 {
            case 0: lines += jsonRecord(["title": Story(800 + i).title, "body": Story(800 + i).body, "source": "Zürich desk"])
            case 1: lines += jsonRecord(["title": "New comment: " + Story(700 + i).title, "body": Story(700 + i).body, "source": "Zürich desk"])
            default: lines += jsonRecord(["title": Story(i).title, "body": Story(i).edited(1), "source": "Zürich desk"])
            }
        }
        try append(paths[1], lines)

        var csv = ""
        for i in 0..<20 {
            let story = Story(900 + i)
            csv += [story.title, story.body, story.tags.joined(separator: " | "), "2024-07-0\(i % 9 + 1)", "", "Grown"]
                .map(csvField).joined(separator: ",") + "\n"
        }
        try append(paths[2], csv)

    }
}

// MARK: - Archive files

enum ArchiveFiles {
    static let suffixes = ["", "-wal", "-shm", "-lock", "-journal"]

    /// Removes an archive with its write-ahead log, shared memory and lock files, and the
    /// rollback journal a first import killed mid-transaction leaves, so that nothing of
    /// it stays beside a new archive of the same name.
    static func remove(_ db: String) {
        for suffix in suffixes { try? FileManager.default.removeItem(atPath: db + suffix) }
    }

    /// The journal mode the file's header records (bytes 18 and 19, the format's read and
    /// write versions): [1, 1] a rollback journal, [2, 2] the write-ahead log.
    static func headerJournalMode(_ db: String) throws -> [UInt8] {
        let header = try #require(try FileHandle(forReadingAtPath: db)?.read(upToCount: 20))
        return [header[18], header[19]]
    }

    /// Copies a closed archive (no process may have it open) with its log.
    static func copy(_ source: String, to target: String) throws {
        remove(target)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
        }
    }

    static let sqlite3: URL? = {
        let path = "/usr/bin/sqlite3"
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }()

    /// SQLite's own checks through the sqlite3 shell, independent of the binary under
    /// test: `PRAGMA integrity_check` and FTS5's integrity-check against the content
    /// table (with the kept forms in the place of the articles that have one). Returns the problems found (empty when healthy), or nil without sqlite3.
    static func sqliteProblems(_ db: String, in directory: URL) throws -> [String]? {
        guard let sqlite3 else { return nil }
        var problems: [String] = []
        let integrity = try runProcess(sqlite3, [db, "PRAGMA integrity_check;"],
                                       environment: ProcessInfo.processInfo.environment, directory: directory)
        if integrity.status != 0 || integrity.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "ok" {
            problems.append("PRAGMA integrity_check: \(integrity)")
        }
        // Articles held in articles_fts in their form (fts_forms) are compared with that
        // form: it is put in their place, with the triggers and CHECK constraints out of
        // the way, in a transaction rolled back at the end (as `archive check` does).
        let triggers = try runProcess(sqlite3, [db, "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles';"],
                                      environment: ProcessInfo.processInfo.environment, directory: directory)
        let drops = triggers.stdout.split(separator: "\n").map { "DROP TRIGGER \"\($0)\";" }.joined(separator: " ")
        let fts = try runProcess(sqlite3, [db, """
            BEGIN; PRAGMA ignore_check_constraints = ON; \(drops)
            UPDATE articles SET title = f.title, body = f.body, tags = f.tags FROM fts_forms f WHERE f.article_id = articles.id;
            INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1);
            ROLLBACK;
            """], environment: ProcessInfo.processInfo.environment, directory: directory)
        if fts.status != 0 || !fts.stderr.isEmpty {
            problems.append("FTS5 integrity-check: \(fts)")
        }
        return problems
    }
}

// MARK: - What an archive holds

/// Everything an archive holds that an interrupted run must get exactly right, as
/// rows of canonical JSON text per table, read through `archive sql --format json`
/// (and a few searches and `stats`). Times of import are left out: they differ.
struct ArchiveSnapshot: Equatable {
    var tables: [String: [String]]

    static let queries: [(String, String)] = [
        ("articles", """
            SELECT id, title, body, tags, published, published_raw, url, source, header, hex(fingerprint) AS fingerprint
            FROM articles ORDER BY id
            """),
        ("links", "SELECT id, duplicate_of, match_rule, round(similarity, 6) AS similarity FROM articles ORDER BY id"),
        ("near_keys", "SELECT key, article_id FROM near_keys_all ORDER BY key, article_id"),
        ("article_tags", "SELECT article_id, tag, position FROM article_tags ORDER BY article_id, position, tag"),
        ("sightings", """
            SELECT f.path, s.byte_offset, s.line, s.article_id FROM sightings s JOIN files f ON f.id = s.file_id
            ORDER BY f.path, s.byte_offset
            """),
        ("import_errors", """
            SELECT path, byte_offset, line, message, hex(raw) AS raw, article_id FROM import_errors
            ORDER BY path, byte_offset, message
            """),
        ("files", """
            SELECT path, format, status, records, inserted, duplicates, errors, size, hex(sha256) AS sha256,
                   resume_offset, resume_line FROM files ORDER BY path
            """),
        // next_article_id means something only while a run is pending.
        ("dedup_state", """
            SELECT jaccard, containment, minimum_shingles, status,
                   CASE status WHEN 'running' THEN next_article_id END AS next_article_id FROM dedup_state
            """),
        ("fts_pending", "SELECT count(*) AS pending FROM fts_pending"),
    ]

    /// Searches whose ids must match (sorted: equal ranks may come in either order).
    static let searches: [[String]] = [
        ["search", "inquiry", "--limit", "1000"],
        ["search", "harbour plan", "--all-versions", "--limit", "1000"],
        ["search", "witnesses", "--tag", "Politics", "--limit", "1000"],
        ["search", "revised OR cut", "--raw", "--all-versions", "--limit", "1000"],
    ]

    /// Which tables to read; nil: all of them.
    static func capture(_ sandbox: Sandbox, db: String, only names: Set<String>? = nil, searches: Bool = true) throws
        -> ArchiveSnapshot
    {
        var tables: [String: [String]] = [:]
        for (name, query) in queries where names?.contains(name) ?? true {
            let result = try sandbox.archive("sql", query, "--format", "json", db: db)
            try #require(result.status == 0, "\(result)")
            tables[name] = try jsonArray(result.stdout).map(canonical)
        }
        if searches {
            for arguments in Self.searches {
                var full = arguments
                full.insert(contentsOf: ["--db", db], at: 1)
                full += ["--format", "json"]
                let result = try sandbox.archiveWithoutDB(full)
                try #require(result.status == 0, "\(result)")
                let ids = try jsonArray(result.stdout).compactMap { $0["id"] as? Int }.sorted()
                tables[arguments.joined(separator: " ")] = ids.map(String.init)
            }
            let stats = try sandbox.archive("stats", "--json", db: db)
            try #require(stats.status == 0, "\(stats)")
            var object = try jsonObject(stats.stdout)
            object["file_bytes"] = nil
            tables["stats"] = [canonical(object)]
        }
        return ArchiveSnapshot(tables: tables)
    }

    static func canonical(_ row: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON value as text, keys sorted.
    static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }

    /// The columns in which two rows differ, each with the text around the first
    /// character that differs.
    static func rowDifference(_ got: String, _ expected: String) -> String {
        guard let mine = try? jsonObject(got), let theirs = try? jsonObject(expected) else {
            return "got \(got.prefix(300)); expected \(expected.prefix(300))"
        }
        let id = (theirs["id"] ?? theirs["path"]).map { "\($0)" } ?? "?"
        return "(row id/path \(id)) " + Set(mine.keys).union(theirs.keys).sorted().compactMap { key -> String? in
            let a = mine[key].map(Self.text) ?? "nil"
            let b = theirs[key].map(Self.text) ?? "nil"
            guard a != b else { return nil }
            let common = zip(a, b).prefix { $0 == $1 }.count
            let from = max(0, common - 40)
            return "\(key): got …\(a.dropFirst(from).prefix(120)) | expected …\(b.dropFirst(from).prefix(120))"
        }.joined(separator: "; ")
    }

    /// The differences from `reference`, one line per table, naming the first row that
    /// differs; empty when equal.
    func differences(from reference: ArchiveSnapshot) -> [String] {
        var found: [String] = []
        for name in Set(tables.keys).union(reference.tables.keys).sorted() {
            let mine = tables[name] ?? []
            let theirs = reference.tables[name] ?? []
            guard mine != theirs else { continue }
            // Up to three rows that differ.
            let differing = (0..<max(mine.count, theirs.count)).lazy
                .filter { $0 >= mine.count || $0 >= theirs.count || mine[$0] != theirs[$0] }.prefix(3)
            let details = differing.map { row -> String in
                if row < mine.count && row < theirs.count { return "row \(row): " + Self.rowDifference(mine[row], theirs[row]) }
                return row < mine.count ? "extra row \(row): \(mine[row].prefix(300))" : "missing row \(row): \(theirs[row].prefix(300))"
            }
            found.append("\(name): \(mine.count) rows, expected \(theirs.count); " + details.joined(separator: " / "))
        }
        return found
    }
}

// MARK: - A child process that can be killed

/// `archive` running in the background; its output goes to files (no pipe can fill up
/// and block it however long it runs). Used by one thread only.
final class BackgroundArchive {
    let process = Process()
    let started: Date
    private let outURL: URL
    private let errURL: URL
    private let outHandle: FileHandle
    private let errHandle: FileHandle
    /// The writing end of its standard input, when it reads a pipe (`standardInput: true`).
    let input: FileHandle?

    init(_ arguments: [String], environment: [String: String] = [:], in sandbox: Sandbox, name: String = UUID().uuidString,
         standardInput: Bool = false) throws
    {
        outURL = sandbox.directory.appendingPathComponent(".out-\(name)")
        errURL = sandbox.directory.appendingPathComponent(".err-\(name)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        outHandle = try FileHandle(forWritingTo: outURL)
        errHandle = try FileHandle(forWritingTo: errURL)
        process.executableURL = try Paths.requireBinary()
        process.arguments = arguments
        process.environment = Sandbox.environment(environment)
        process.currentDirectoryURL = sandbox.directory
        process.standardOutput = outHandle
        process.standardError = errHandle
        if standardInput {
            let pipe = Pipe()
            process.standardInput = pipe
            input = pipe.fileHandleForWriting
        } else {
            process.standardInput = FileHandle.nullDevice
            input = nil
        }
        started = Date()
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try? input?.close()
        try? outHandle.close()
        try? errHandle.close()
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
    }

    /// Waits until the process ends or `seconds` have passed; true when it ended.
    func wait(upTo seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < end { usleep(1_000) }
        return !process.isRunning
    }

    /// Waits until `started + seconds` (or the end); true when it ended first.
    func waitUntil(secondsAfterStart seconds: Double) -> Bool {
        let end = started.addingTimeInterval(seconds)
        while process.isRunning && Date() < end { usleep(500) }
        return !process.isRunning
    }

    /// SIGKILL; true when the signal is what ended it (it was still running).
    func killNow() -> Bool {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }

    /// Waits for the end (a hung binary is killed after `limit` seconds and reported).
    @discardableResult
    func finish(limit: Double = Paths.hangLimit) -> ProcessResult {
        if !wait(upTo: limit) {
            Issue.record("archive \(process.arguments ?? []) did not finish within \(limit) s; killed it")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return result
    }

    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Waits until its standard error holds `text` (true) or it ends without saying it
    /// (false); a process that does neither within `limit` seconds is reported as hung.
    func waitForStandardError(containing text: String, limit: Double = Paths.hangLimit) -> Bool {
        let deadline = Date().addingTimeInterval(limit)
        while true {
            let said = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self).contains(text)
            if said { return true }
            if !process.isRunning || Date() > deadline {
                if process.isRunning { Issue.record("archive \(process.arguments ?? []) did not say '\(text)' within \(limit) s") }
                return String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self).contains(text)
            }
            usleep(1_000)
        }
    }

    var result: ProcessResult {
        ProcessResult(
            command: ["archive"] + (process.arguments ?? []), status: process.terminationStatus,
            stdoutData: (try? Data(contentsOf: outURL)) ?? Data(), stderrData: (try? Data(contentsOf: errURL)) ?? Data())
    }
}

// MARK: - Killing a writing command over and over

/// Runs a writing command, kills it with SIGKILL after a random delay, runs it again,
/// and so on until it completes on its own (a round); after each round the archive is
/// compared with the reference. Rounds go on until `minimumKills` kills have landed,
/// however slow the machine: only a hang (the time cap) ends them early, as a failure.
///
/// Each round draws one to `killsPerRound` moments as fractions of an uninterrupted run,
/// sorted: the first run is killed at the first moment, the next (which carries on
/// where the first stopped) after the time between the first and the second moment plus
/// its start-up time, and so on. So the kills are spread over the whole job, from
/// opening the archive to the last commit. The fractions come from the seed alone, so a
/// seed replays the same rounds on any machine; the seconds they stand for follow the
/// machine: the length of an uninterrupted run is measured before the first round and
/// again whenever a first run ends before its kill (the machine got faster).
struct KillHarness {
    let name: String
    let sandbox: Sandbox
    /// The command's arguments, `--db` included.
    let arguments: [String]
    let environment: [String: String]
    /// Exit codes a run that was not killed may end with.
    var acceptedStatus: Set<Int32> = [0]
    let minimumKills: Int
    /// How long a run takes to get going (start, open, read its state): added to the
    /// delays of the runs that carry on.
    var startup: Double = 0
    var killsPerRound = 5
    /// A harness still short of its kills after this long is stuck, not slow (a round
    /// takes seconds even on a busy machine): it fails, saying so.
    var timeCap: Double = 600
    /// Resets the working archive for a new round.
    let prepare: () throws -> Void
    /// Checks the archive after a round; returns the problems (empty when all is well).
    let verify: (_ round: Int) throws -> [String]

    struct Report {
        var kills = 0
        var attempts = 0
        var rounds = 0
        var seconds = 0.0
        var verifySeconds = 0.0
        /// Kill moments as a fraction of an uninterrupted run, in tenths (0...9).
        var spread = [Int](repeating: 0, count: 10)
        var failures: [String] = []
    }

    func run(_ generator: inout SeededGenerator) throws -> Report {
        var report = Report()
        let started = Date()
        // The length of an uninterrupted run, on this machine now.
        try prepare()
        let measured = try BackgroundArchive(arguments, environment: environment, in: sandbox, name: "\(name)-measure")
        let measuredResult = measured.finish()
        try #require(acceptedStatus.contains(measuredResult.status), "\(measuredResult)")
        var length = measured.elapsed
        let firstLength = length
        while report.kills < minimumKills && report.failures.isEmpty {
            if Date().timeIntervalSince(started) > timeCap {
                report.failures.append("\(name): still short of \(minimumKills) kills after \(timeCap) s (\(report.kills) kills "
                                       + "in \(report.rounds) rounds of \(report.attempts) runs): a run hangs or the harness is broken")
                break
            }
            try prepare()
            report.rounds += 1
            let count = Int.random(in: 1...killsPerRound, using: &generator)
            let fractions = (0..<count).map { _ in Double.random(in: 0...1, using: &generator) }.sorted()
            var killed: [String] = []
            var runs = 0
            var previous = 0.0
            var completed = false
            for fraction in fractions {
                let delay = runs == 0 ? fraction * length : startup + (fraction - previous) * length
                previous = fraction
                runs += 1
                report.attempts += 1
                let child = try BackgroundArchive(arguments, environment: environment, in: sandbox, name: "\(name)-\(report.attempts)")
                if !child.waitUntil(secondsAfterStart: delay), child.killNow() {
                    report.kills += 1
                    report.spread[min(9, Int(fraction * 10))] += 1
                    killed.append(String(format: "%.3f", delay))
                    continue
                }
                // It finished before the kill: the round is over.
                completed = true
                let result = child.finish()
                if runs == 1 { length = min(length, child.elapsed) }
                if !acceptedStatus.contains(result.status) {
                    report.failures.append("\(name) round \(report.rounds), run \(runs) after kills \(killed) s after their starts: \(result)")
                }
                break
            }
            if report.failures.isEmpty && !completed {
                // The run to completion (running `dedup` again after it completed would
                // start it all over).
                let last = try BackgroundArchive(arguments, environment: environment, in: sandbox, name: "\(name)-last")
                let result = last.finish()
                if !acceptedStatus.contains(result.status) {
                    report.failures.append("\(name) round \(report.rounds), final run after kills \(killed) s after their starts: \(result)")
                }
            }
            if report.failures.isEmpty {
                let checking = Date()
                let problems = try verify(report.rounds)
                report.verifySeconds += Date().timeIntervalSince(checking)
                if !problems.isEmpty {
                    report.failures.append("\(name) round \(report.rounds) (killed \(killed) s after the starts of "
                                           + "successive runs):\n  " + problems.joined(separator: "\n  "))
                }
            }
        }
        report.seconds = Date().timeIntervalSince(started)
        print("[\(name)] \(report.kills) effective SIGKILLs of \(report.attempts) attempts in \(report.rounds) rounds, "
              + "\(String(format: "%.1f", report.seconds)) s (checking \(String(format: "%.1f", report.verifySeconds)) s); "
              + "kill moments by tenth of an uninterrupted run (\(String(format: "%.2f", firstLength)) s"
              + (length < firstLength ? String(format: ", later %.2f s", length) : "") + "): \(report.spread)")
        return report
    }
}

/// Saves an archive that failed a check for a person to look at; returns where.
func keepForInspection(_ db: String, name: String, seed: UInt64) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-safety-failure-\(name)-\(seed)").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let target = folder + "/" + (db as NSString).lastPathComponent
    try? ArchiveFiles.copy(db, to: target)
    return target
}

// MARK: - Kills at an exact moment

/// Runs `archive` under gdb to kill it at an exact moment: when it prepares an SQL
/// statement whose text matches a pattern (a breakpoint on sqlite3_prepare_v3 with a
/// condition on its second argument). For moments too short for a random kill to hit.
enum Debugger {
    static let gdb: URL? = {
        let path = "/usr/bin/gdb"
        return FileManager.default.isExecutableFile(atPath: path) ? URL(fileURLWithPath: path) : nil
    }()

    /// The register holding the second argument of a C call.
    static let secondArgument: String? = {
        #if arch(x86_64)
        return "$rsi"
        #elseif arch(arm64)
        return "$x1"
        #else
        return nil
        #endif
    }()

    /// gdb is there and may trace a program here (a container may forbid ptrace).
    static let available: Bool = {
        guard let gdb, secondArgument != nil else { return false }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("archive-gdb-probe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let probe = try? CleanSpawn.run(gdb.path, ["-nx", "-q", "-batch", "-ex", "set startup-with-shell off", "-ex", "run", "--args", "/bin/true"],
                                        environment: ProcessInfo.processInfo.environment, output: output)
        return probe?.output.contains("exited normally") == true
    }()

    /// Runs `archive ARGUMENTS` and kills it (SIGKILL, gdb's `kill`) when it prepares,
    /// for the `occurrence`-th time, a statement matching `pattern` (a Python regular
    /// expression found anywhere in the statement). `killed` is false when the command
    /// ran to its end first.
    static func killAtStatement(
        _ sandbox: Sandbox, _ arguments: [String], matching pattern: String, occurrence: Int = 1,
        environment: [String: String] = [:]
    ) throws -> (killed: Bool, output: String) {
        let register = try #require(secondArgument)
        return try killAt(sandbox, arguments, breakpoint: "sqlite3_prepare_v3 if $_regex((char *)\(register), \".*\(pattern)\")",
                          occurrence: occurrence, environment: environment)
    }

    /// Runs `archive ARGUMENTS` and kills it the `occurrence`-th time it reaches
    /// `breakpoint` (a gdb location, with a condition if wanted).
    static func killAt(
        _ sandbox: Sandbox, _ arguments: [String], breakpoint: String, occurrence: Int = 1,
        environment: [String: String] = [:]
    ) throws -> (killed: Bool, output: String) {
        let gdb = try #require(gdb)
        var commands = [
            "set debuginfod enabled off", "set startup-with-shell off", "set pagination off", "set confirm off",
            "set breakpoint pending on", "break \(breakpoint)",
        ]
        if occurrence > 1 { commands.append("ignore 1 \(occurrence - 1)") }
        commands += ["run", "kill"]
        // gdb needs SIGCHLD: it is started with no signal blocked (the test's threads
        // block most signals, and a child inherits that).
        let run = try CleanSpawn.run(
            gdb.path, ["-nx", "-q", "-batch"] + commands.flatMap { ["-ex", $0] } + ["--args", try Paths.requireBinary().path] + arguments,
            environment: Sandbox.environment(environment), output: sandbox.directory.appendingPathComponent(".gdb-output"))
        return (run.output.contains("hit Breakpoint 1") || run.output.contains("Breakpoint 1, "), run.output)
    }
}

/// Runs a program the way a shell would: no signal blocked or ignored (threads of the
/// test process block most signals and ignore SIGPIPE, and Foundation's Process passes
/// that on), in a process group of its own, output to a file.
enum CleanSpawn {
    struct Outcome {
        /// The exit code, or nil when a signal ended it.
        var status: Int32?
        var signal: Int32?
        var output: String
        var timedOut: Bool
    }

    static func run(_ path: String, _ arguments: [String], environment: [String: String], output: URL,
                    limit: Double = Paths.hangLimit) throws -> Outcome {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var catchable = sigset_t()
        sigemptyset(&catchable)
        for signal in Int32(1)..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&catchable, signal) }
        posix_spawnattr_setsigdefault(&attributes, &catchable)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        try #require(code == 0, "posix_spawn \(path): \(String(cString: strerror(code)))")

        var status: Int32 = 0
        var timedOut = false
        let deadline = Date().addingTimeInterval(limit)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                // The whole group: gdb and the program it runs.
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                timedOut = true
                Issue.record("\(path) \(arguments.joined(separator: " ")) did not finish within \(limit) s; killed it")
                break
            }
            usleep(5_000)
        }
        kill(-pid, SIGKILL)  // nothing of the group may outlive it
        let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
        let signal = status & 0x7F
        return Outcome(status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                       output: text, timedOut: timedOut)
    }
}
