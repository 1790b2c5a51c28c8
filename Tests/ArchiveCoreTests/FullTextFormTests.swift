import Foundation
import Testing
@testable import ArchiveCore

/// articles_fts is given CJK articles in their `FullTextForm`: every token at the same
/// position as in the stored text, CJK runs as a placeholder, trailing runs left out.
/// Held to SQLite's own tokenizer, and to the index's upkeep whatever writes.
@Suite("What articles_fts is given for CJK text")
struct FullTextFormTests {
    static let tokenizer = "porter unicode61 remove_diacritics 2"

    /// The terms SQLite's tokenizer (articles_fts's unless given) makes of each text, in
    /// order of position.
    static func tokens(_ texts: [String], tokenizer: String = tokenizer) throws -> [[String]] {
        let connection = try Connection(path: ":memory:")
        defer { connection.close() }
        try connection.execute("""
            CREATE VIRTUAL TABLE t USING fts5(x, content='', tokenize='\(tokenizer)');
            CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');
            """)
        let insert = try connection.prepare("INSERT INTO t(rowid, x) VALUES (?, ?)")
        for (index, text) in texts.enumerated() { try insert.bind(.integer(Int64(index)), .text(text)).run() }
        var result = Array(repeating: [String](), count: texts.count)
        var positions = Array(repeating: [Int](), count: texts.count)
        try connection.prepare("SELECT doc, offset, term FROM v ORDER BY doc, offset").forEachRow { row in
            result[row.int(0)].append(row.string(2))
            positions[row.int(0)].append(row.int(1))
        }
        // Every position from 0 up is a token: none is skipped.
        for list in positions { #expect(list == Array(0..<list.count)) }
        return result
    }

    static func holdsRun(_ token: String) -> Bool {
        token.unicodeScalars.contains { FullTextForm.kind(of: $0) == .run || $0 == FullTextForm.placeholder }
    }

    /// Each token of the form is the stored text's token at the same position, or holds
    /// the placeholder where that token held CJK characters; the tokens left out all
    /// held CJK characters.
    static func expectSameWords(_ stored: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let form = FullTextForm.of(stored)
        let both = try tokens([stored, form])
        let (original, formed) = (both[0], both[1])
        #expect(formed.count <= original.count, "\(stored.debugDescription) -> \(form.debugDescription)", sourceLocation: sourceLocation)
        for (position, token) in formed.enumerated() where position < original.count {
            if Self.holdsRun(original[position]) {
                #expect(token.unicodeScalars.contains(FullTextForm.placeholder),
                        "position \(position): \(original[position]) -> \(token) in \(stored.debugDescription)", sourceLocation: sourceLocation)
            } else {
                #expect(token == original[position],
                        "position \(position): \(original[position]) -> \(token) in \(stored.debugDescription)", sourceLocation: sourceLocation)
            }
        }
        for token in original.dropFirst(formed.count) {
            #expect(Self.holdsRun(token), "\(token) left out of \(stored.debugDescription) -> \(form.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test("every character read as part of a run is a token character to SQLite, every one read as a separator is not")
    func classificationAgreesWithSQLite() throws {
        let ranges: [ClosedRange<UInt32>] = [0x1100...0x11FF, 0x2010...0x205E, 0x3000...0x30FF, 0x3131...0x318E, 0x31F0...0x31FF,
                                             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xE000...0xE000, 0xF900...0xFAFF,
                                             0xFF00...0xFFEF, 0x20000...0x323AF]
        let scalars = ranges.flatMap { $0.compactMap(Unicode.Scalar.init) }
        // Between two letters a token character makes one token, a separator two.
        let counts = try Self.tokens(scalars.map { "a\(Character($0))b" }).map(\.count)
        var wrong: [String] = []
        for (scalar, count) in zip(scalars, counts) {
            let kind = scalar == FullTextForm.placeholder ? .run : FullTextForm.kind(of: scalar)
            if (kind == .run && count != 1) || (kind == .separator && count != 2) {
                wrong.append(String(scalar.value, radix: 16))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(40))")
        #expect(scalars.count > 100_000)
    }

    @Test("forms of news text")
    func examples() throws {
        #expect(FullTextForm.of("北京举行国际人工智能大会。") == "")
        #expect(FullTextForm.of("华为5G手机在深圳发布，solar 项目。") == "\u{E000}5G\u{E000} solar")
        #expect(FullTextForm.of("价格上涨5%，café 咖啡。2024年") == "\u{E000}5 café")
        #expect(FullTextForm.of("東京駅で「AI」の案内。Tokyo!") == "\u{E000} AI \u{E000} Tokyo")
        #expect(FullTextForm.of("Plain English, unchanged words.") == "Plain English unchanged words")
        #expect(FullTextForm.of("") == "")
        for text in ["华为5G手机在深圳发布，solar 项目。", "서울에서 AI 회의가 열렸다. Seoul", "café ５Ｇ 北京 naïve",
                     "テクノロジー｜交通 news", "“引号”里的 word…和——破折号 end", "か\u{3099}き test"] {
            try Self.expectSameWords(text)
        }
    }

    /// Random mixtures of scripts, marks, punctuation and white space.
    static func randomMixtures(count: Int, seed: UInt64) -> [String] {
        let pieces = ["solar", "Power", "5G", "2024", "café", "naïve", "e\u{301}", "北京", "人工智能", "駅", "テクノロジー", "ー",
                      "か\u{3099}", "서울에서", "지하철", "５Ｇ", "ＡＩ", "ｶﾀｶﾅ", "。", "，", "「", "」", "、", "｜", "…", "——", "“", "”",
                      "🙂", "٣", "مرحبا", "สวัสดี", "々", "〇", "\u{3040}", "\u{FA6E}", "\u{2066}", "\u{E000}", "_", "'", "-", ".",
                      " ", "  ", "\n", "\t", "%", "x"]
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(random.next() % 24) + 1
            return (0..<length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test("random mixtures of scripts, marks and punctuation keep every word at its position")
    func randomTexts() throws {
        for text in Self.randomMixtures(count: 600, seed: 10) { try Self.expectSameWords(text) }
    }

    // MARK: The index's upkeep

    static let dump = """
        华为发布新手机。科技 | 公司
        华为发布新手机。科技 | 公司
        发布时间：2024-04-14 07:30

        华为在深圳发布了支持5G的新手机，solar 充电功能也受到关注。发布会在深圳举行。

        東京駅の新しい改札。交通
        東京駅の新しい改札。交通
        发布时间：2024-04-15 07:30

        東京駅で新しい改札が公開された。利用者はＡＩの案内を受ける。

        Solar farms grow. Energy
        Solar farms grow. Energy
        Release time: 2024-04-16 07:30

        Solar farms grew across Europe this year.

        """

    static func archive(_ directory: TemporaryDirectory) throws -> String {
        let db = directory.path("forms.db")
        try importDumps([directory.write("news.txt", dump)], into: db)
        return db
    }

    /// Every (term, article, column, position) in articles_fts.
    static func fullTextEntries(_ connection: Connection) throws -> [String] {
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_entries USING fts5vocab(main, articles_fts, 'instance')")
        var entries: [String] = []
        try connection.prepare("SELECT term, doc, col, offset FROM temp.fts_entries").forEachRow {
            entries.append("\($0.string(0)) \($0.int(1)) \($0.string(2)) \($0.int(3))")
        }
        return entries
    }

    @Test("an import gives articles_fts the forms: the words of CJK articles found from plain SQL and marked at their place, no CJK run stored")
    func importedForms() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let connection = try Connection(path: db)
        defer { connection.close() }
        #expect(try connection.scalarInt("SELECT count(*) FROM fts_forms") == 2)
        #expect(try connection.scalar("SELECT body FROM fts_forms WHERE article_id = 1") == .text("\u{E000}5G\u{E000} solar"))
        // Plain SQL, as sqlite3 or Datasette run it: the Chinese article and the English one.
        var found: [String] = []
        try connection.prepare("""
            SELECT highlight(articles_fts, 1, '[', ']') FROM articles_fts WHERE articles_fts MATCH 'solar' ORDER BY rowid
            """).forEachRow { found.append($0.string(0)) }
        #expect(found == ["华为在深圳发布了支持5G的新手机，[solar] 充电功能也受到关注。发布会在深圳举行。",
                          "[Solar] farms grew across Europe this year."])
        let entries = try Self.fullTextEntries(connection)
        #expect(!entries.contains { $0.unicodeScalars.contains { FullTextForm.kind(of: $0) == .run } }, "\(entries.prefix(20))")
        #expect(entries.contains("solar 1 body 1"))
        // The archive's own search finds them as before.
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let hits = try archive.search(ArticleFilter(query: SearchQuery("solar")), limit: 10).hits
        #expect(Set(hits.map(\.id)) == [1, 3])
        #expect(try archive.search(ArticleFilter(query: SearchQuery("深圳")), limit: 10).hits.map(\.id) == [1])
        // FTS5's check is a statement that needs the file writable.
        let writable = try Archive(path: db, mode: .write)
        defer { writable.close() }
        let problems = try writable.check().checks.filter { $0.problem != nil }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("another program's deletes and changes take out exactly what was indexed, and check and repair agree")
    func otherWriters() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let other = try Connection(path: db)
        try other.execute("""
            DELETE FROM articles WHERE id = 1;
            UPDATE articles SET body = body || ' Tokyo' WHERE id = 2;
            """)
        #expect(try other.scalarInt("SELECT count(*) FROM fts_forms") == 0)
        let entries = try Self.fullTextEntries(other)
        #expect(!entries.contains { $0.split(separator: " ")[1] == "1" }, "\(entries)")
        // Changed by SQL, the article is indexed as stored, runs and all.
        #expect(entries.contains("tokyo 2 body 2"), "\(entries)")
        try other.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        other.close()

        // FTS5's comparison sees the forms in the articles' place: a form changed behind
        // the index's back is a finding, and so is a form left behind by an article
        // deleted without the triggers. Repair makes the forms again, as an import does.
        let freshDirectory = TemporaryDirectory()
        let fresh = try Self.archive(freshDirectory)
        let imported = try Connection(path: fresh)
        let indexed = try Self.fullTextEntries(imported)
        let checksum = try imported.scalar("SELECT group_concat(article_id || title || body || tags, '|') FROM fts_forms")
        try imported.execute("UPDATE fts_forms SET body = 'changed' WHERE article_id = 1")
        imported.close()
        let archive = try Archive(path: fresh, mode: .write)
        defer { archive.close() }
        let changed = try archive.check().checks.first { $0.name == "full-text index" }
        #expect(changed?.problem?.hasPrefix("FTS5 says: database disk image is malformed") == true, "\(String(describing: changed))")
        // The check changed nothing: the form and every trigger are as they were.
        #expect(try archive.connection.scalar("SELECT body FROM fts_forms WHERE article_id = 1") == .text("changed"))
        #expect(try archive.connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'articles'") >= 10)
        try archive.connection.execute("""
            UPDATE fts_forms SET body = '\u{E000}5G\u{E000} solar' WHERE article_id = 1;
            INSERT INTO fts_forms (article_id, title, body, tags) VALUES (99, '', 'left', '');
            """)
        let orphan = try archive.check().checks.first { $0.name == "full-text index" }
        #expect(orphan?.problem == "1 of the forms kept for articles_fts are not their articles' text in form", "\(String(describing: orphan))")
        try archive.repair()
        #expect(try archive.connection.scalar("SELECT group_concat(article_id || title || body || tags, '|') FROM fts_forms") == checksum)
        #expect(try archive.check().checks.allSatisfy { $0.problem == nil })
        let repaired = try Connection(path: fresh)
        defer { repaired.close() }
        #expect(try Self.fullTextEntries(repaired) == indexed)
        #expect(try repaired.scalarInt("SELECT count(*) FROM fts_forms") == 2)
    }

    @Test("an English archive keeps no forms, and check compares the index with the articles")
    func englishArchive() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("english.db")
        try importDumps([directory.write("news.txt", textDump(0..<20))], into: db)
        let connection = try Connection(path: db)
        #expect(try connection.scalarInt("SELECT count(*) FROM fts_forms") == 0)
        // Without forms, FTS5's comparison with the stored text runs and sees a change
        // made behind the triggers' back.
        try connection.execute("""
            DROP TRIGGER articles_au;
            UPDATE articles SET body = 'something else entirely' WHERE id = 3;
            """)
        connection.close()
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let finding = try archive.check().checks.first { $0.name == "full-text index" }
        #expect(finding?.problem?.hasPrefix("FTS5 says: database disk image is malformed") == true, "\(String(describing: finding))")
    }
}
