import Foundation
import Testing
@testable import ArchiveCore

/// Chinese, Japanese and Korean search: every query finds the articles that contain it
/// as a string, whatever the length of its words, with the filters, ranking and
/// snippets English has. The same articles are read from a text dump, JSON Lines and CSV.
@Suite("Searching Chinese, Japanese and Korean text")
struct CJKSearchTests {
    /// title, tags, the text dump's date line, body.
    static let articles: [(title: String, tags: [String], dateLine: String, body: String)] = [
        ("北京举行国际人工智能大会。", ["科技", "人工智能"], "发布时间：2024-04-14 07:30",
         "来自四十多个国家的专家在北京参加了为期三天的人工智能大会，讨论机器人与５Ｇ网络的未来。"),
        ("上海港集装箱吞吐量创新高！", ["经济", "港口"], "发布时间：2024年4月15日 09:00",
         "上海港今年的集装箱吞吐量再创新高。华为5G设备用于港口调度，深圳的机器人也来帮忙。"),
        ("東京駅の新しい改札が公開された。", ["テクノロジー", "交通"], "发布时间：2024/4/15",
         "東京駅で新しい改札が公開された。駅の利用者はＡＩの案内を受ける。"),
        ("서울 지하철 새 노선이 개통했다。", ["사회", "교통"], "Release time: 2024-04-16 10:00",
         "서울에서 새 지하철 노선이 개통했다. 시민들은 기뻐했다."),
        ("Solar power grows in Europe.", ["Energy", "Europe"], "Release time: 2024-04-16 10:00",
         "Solar panels were installed across Europe this year, and AI helps the grid."),
        ("深圳地铁开通新线路。", ["交通", "深圳"], "发布时间：2024-04-17 08:00",
         "新线路连接机场和市中心，乘客可以直接换乘。"),
        ("上海交通计划发布。", ["交通", "上海"], "发布时间：2024-04-13 08:00",
         "上海发布新的交通计划，地铁票价不变。"),
    ]

    static func textDump() -> String {
        articles.map { article in
            // CJK headers glue the first tag to the title's sentence end; English ones space it.
            let header = article.title + (article.title.hasSuffix(".") ? " " : "") + article.tags.joined(separator: " | ")
            return "\(header)\n\(header)\n\(article.dateLine)\n\n\(article.body)\n"
        }.joined(separator: "\n")
    }

    static func jsonLines() -> String {
        articles.map { article in
            let tags = article.tags.map { "\"\($0)\"" }.joined(separator: ", ")
            return "{\"title\": \"\(article.title)\", \"body\": \"\(article.body)\", \"tags\": [\(tags)], \"published\": \"\(published(article.dateLine))\"}"
        }.joined(separator: "\n") + "\n"
    }

    static func csv() -> String {
        "title,body,tags,published\n" + articles.map { article in
            "\(article.title),\"\(article.body)\",\(article.tags.joined(separator: " | ")),\(published(article.dateLine))"
        }.joined(separator: "\n") + "\n"
    }

    /// The date of a date line, as JSON Lines and CSV give it.
    static func published(_ dateLine: String) -> String {
        for label in ["发布时间：", "Release time: "] where dateLine.hasPrefix(label) { return String(dateLine.dropFirst(label.count)) }
        return dateLine
    }

    /// An archive of the articles from one format.
    static func archive(_ directory: TemporaryDirectory, format: String = "txt") throws -> String {
        let text: String
        switch format {
        case "jsonl": text = jsonLines()
        case "csv": text = csv()
        default: text = textDump()
        }
        let db = directory.path("\(format).db")
        let summary = try importDumps([directory.write("news.\(format)", text)], into: db)
        #expect(summary.inserted == articles.count)
        return db
    }

    static func titles(_ db: String, _ query: String, raw: Bool = false, since: String? = nil, tags: [String] = []) throws -> [String] {
        try hits(db, query, raw: raw, since: since, tags: tags).map(\.title)
    }

    static func hits(_ db: String, _ query: String, raw: Bool = false, since: String? = nil, tags: [String] = []) throws -> [SearchHit] {
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        let filter = try ArticleFilter(query: SearchQuery(query, raw: raw), since: since, tags: tags)
        let hits = try archive.search(filter, limit: 20).hits
        // Counting and exporting see the same articles as searching.
        #expect(try archive.count(filter) == hits.count)
        return hits
    }

    static func title(_ number: Int) -> String { articles[number - 1].title }

    @Test("words of one, two and more characters are found wherever they stand", arguments: ["txt", "jsonl", "csv"])
    func wordLengths(format: String) throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory, format: format)
        // One character: inside a run, and as the last character of a run.
        #expect(try Set(Self.titles(db, "国")) == [Self.title(1)])
        #expect(try Set(Self.titles(db, "忙")) == [Self.title(2)])
        #expect(try Set(Self.titles(db, "駅")) == [Self.title(3)])
        // Two characters and more.
        #expect(try Set(Self.titles(db, "北京")) == [Self.title(1)])
        #expect(try Set(Self.titles(db, "東京")) == [Self.title(3)])
        #expect(try Set(Self.titles(db, "机器人")) == [Self.title(1), Self.title(2)])
        #expect(try Set(Self.titles(db, "上海港")) == [Self.title(2)])
        #expect(try Set(Self.titles(db, "人工智能")) == [Self.title(1)])
        #expect(try Set(Self.titles(db, "集装箱吞吐量")) == [Self.title(2)])
        #expect(try Set(Self.titles(db, "改札")) == [Self.title(3)])
    }

    @Test("mixed with Latin words, and as raw FTS5 phrases and operators")
    func mixedAndRaw() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        #expect(try Self.titles(db, "深圳 机器人") == [Self.title(2)])
        #expect(try Self.titles(db, "华为 5G") == [Self.title(2)])
        #expect(try Self.titles(db, "华为5G") == [Self.title(2)])
        #expect(try Self.titles(db, "\"集装箱吞吐量\"", raw: true) == [Self.title(2)])
        #expect(try Set(Self.titles(db, "北京 OR 東京", raw: true)) == [Self.title(1), Self.title(3)])
        #expect(try Self.titles(db, "地铁 NOT 深圳", raw: true) == [Self.title(7)])
        #expect(try Self.titles(db, "title:地铁", raw: true) == [Self.title(6)])
        #expect(try Self.titles(db, "\"吞吐量集装箱\"", raw: true).isEmpty)
    }

    @Test("full-width and half-width forms find each other")
    func widths() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        // Article 1 writes ５Ｇ, article 2 writes 5G; article 3 writes ＡＩ, article 5 AI.
        for query in ["5G", "５Ｇ", "5g"] {
            #expect(try Set(Self.titles(db, query)) == [Self.title(1), Self.title(2)], "\(query)")
        }
        for query in ["AI", "ＡＩ"] {
            #expect(try Set(Self.titles(db, query)) == [Self.title(3), Self.title(5)], "\(query)")
        }
    }

    @Test("Korean words are found by their stem, without the particle")
    func koreanParticles() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        #expect(try Self.titles(db, "서울") == [Self.title(4)])
        #expect(try Self.titles(db, "서울에서") == [Self.title(4)])
        #expect(try Self.titles(db, "지하철 노선") == [Self.title(4)])
    }

    @Test("characters that are all in an article but not together find nothing", arguments: [
        "京北", "上海地铁", "東京タワー", "서울역", "人工智能机器人", "地铁 Europe",
    ])
    func findsNothing(query: String) throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        #expect(try Self.titles(db, query).isEmpty)
    }

    @Test("a title match ranks above a body match; filters apply")
    func rankingAndFilters() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let hits = try Self.hits(db, "地铁")
        #expect(hits.map(\.title) == [Self.title(6), Self.title(7)])
        #expect(hits[0].rank! < hits[1].rank!)
        #expect(try Self.titles(db, "地铁", since: "2024-04-15") == [Self.title(6)])
        #expect(try Self.titles(db, "地铁", tags: ["上海"]) == [Self.title(7)])
        #expect(try Self.titles(db, "交通", tags: ["교통"]).isEmpty)
    }

    @Test("archive_rank is bm25: the same scores for several phrases, bm25 over one constant for one phrase")
    func rankFunction() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        func scores(_ match: String) throws -> [(bm25: Double, ours: Double)] {
            var rows: [(Double, Double)] = []
            try archive.connection.prepare("""
                SELECT rank, archive_rank(articles_cjk, \(RankLengths.cjk.weights)) FROM articles_cjk WHERE articles_cjk MATCH ? ORDER BY rowid
                """).bind(.text(match)).forEachRow { rows.append(($0.double(0), $0.double(1))) }
            return rows
        }
        let several = try scores("\"上海\" OR \"地铁\" OR \"交通\"")
        #expect(several.count >= 3)
        for row in several { #expect(abs(row.bm25 - row.ours) < 1e-9 * max(1, abs(row.bm25)), "\(row)") }
        for phrase in ["\"地铁\"", "\"交通\"", "\"机器 器人\"", "\"国\" *"] {
            let one = try scores(phrase)
            #expect(!one.isEmpty, "\(phrase)")
            // One phrase: bm25 is its IDF times our score, the same factor on every row.
            let factors = one.map { $0.bm25 / $0.ours }
            #expect(factors.allSatisfy { $0 > 0 && abs($0 - factors[0]) < 1e-9 * factors[0] }, "\(phrase): \(one)")
        }
    }

    @Test("snippets show the body around the match, the match marked")
    func snippets() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        #expect(try Self.hits(db, "北京")[0].snippet.contains("专家在**北京**参加"))
        #expect(try Self.hits(db, "集装箱吞吐量")[0].snippet.contains("**集装箱吞吐量**"))
        // Shown in NFKC form, so the mark falls on the full-width original too.
        let ai = try Self.hits(db, "AI")
        #expect(ai.first { $0.title == Self.title(3) }?.snippet.contains("利用者は**AI**の案内") == true)
        #expect(ai.first { $0.title == Self.title(5) }?.snippet.contains("and **AI** helps") == true)
        let mixed = try Self.hits(db, "华为5G")[0].snippet
        #expect(mixed.contains("**华为**") && mixed.contains("**5G**"))
    }

    @Test("English search is unchanged in an archive that holds CJK articles")
    func englishBeside() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let solar = try Self.hits(db, "solar")
        #expect(solar.map(\.title) == [Self.title(5)])
        #expect(solar[0].snippet.contains("**Solar** panels"))
        #expect(try Self.titles(db, "panel*") == [Self.title(5)])
        #expect(try Self.titles(db, "installing") == [Self.title(5)])
    }

    // MARK: The index's upkeep

    @Test("an article another program deletes, changes or adds is left out until the next import or repair indexes it")
    func otherWriters() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let other = try Connection(path: db)
        try other.execute("""
            UPDATE articles SET title = replace(title, '北京', '天津'), body = replace(body, '北京', '天津') WHERE id = 1;
            DELETE FROM articles WHERE id = 3;
            INSERT INTO articles (title, body, fingerprint, imported_at) VALUES ('广州新闻', '广州今天下雨。', x'01', '2024-05-01T00:00:00Z');
            """)
        other.close()
        #expect(try Self.titles(db, "北京").isEmpty)
        #expect(try Self.titles(db, "駅").isEmpty)
        let archive = try Archive(path: db, mode: .read)
        let finding = try archive.check().checks.first { $0.name == "CJK index" }
        archive.close()
        #expect(finding?.problem?.contains("wait to be indexed") == true, "\(String(describing: finding))")

        // The next import catches up.
        try importDumps([directory.write("more.txt", "Harbour news. Local\nHarbour news. Local\n\nThe harbour opened.\n")], into: db)
        #expect(try Self.titles(db, "天津") == ["天津举行国际人工智能大会。"])
        #expect(try Self.titles(db, "北京").isEmpty)
        #expect(try Self.titles(db, "广州") == ["广州新闻"])
        #expect(try Set(Self.titles(db, "机器人")) == ["天津举行国际人工智能大会。", Self.title(2)])
        let after = try Archive(path: db, mode: .read)
        // The other findings (the added article has no sighting, no keys) are not this index's.
        let cjk = try after.check().checks.first { $0.name == "CJK index" }
        after.close()
        #expect(cjk != nil && cjk?.problem == nil, "\(String(describing: cjk))")
    }

    @Test("repair rebuilds the index; check names what is missing")
    func repairAndCheck() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let other = try Connection(path: db)
        try other.execute("INSERT INTO articles_cjk(articles_cjk) VALUES ('delete-all'); DELETE FROM cjk_articles;")
        other.close()
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let finding = try archive.check().checks.first { $0.name == "CJK index" }
        #expect(finding?.problem?.contains("6 articles with Chinese, Japanese or Korean text are not indexed") == true, "\(String(describing: finding))")
        try archive.repair()
        #expect(try archive.check().checks.allSatisfy { $0.problem == nil })
        #expect(try Self.titles(db, "北京") == [Self.title(1)])
    }

    @Test("an archive made before the CJK index gets its CJK articles indexed by the next import")
    func olderArchive() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("old.db")
        let connection = try Connection(path: db)
        try Migrator(migrations: Array(Migration.bundled.prefix(7))).migrate(connection)
        try connection.execute("""
            INSERT INTO articles (title, body, fingerprint, imported_at) VALUES ('北京新闻', '北京今天晴天。', x'01', '2024-05-01T00:00:00Z');
            INSERT INTO articles (title, body, fingerprint, imported_at) VALUES ('Old news', 'Nothing to see.', x'02', '2024-05-01T00:00:00Z');
            """)
        connection.close()
        try importDumps([directory.write("more.txt", "Harbour news. Local\nHarbour news. Local\n\nThe harbour opened.\n")], into: db)
        #expect(try Self.titles(db, "晴天") == ["北京新闻"])
        #expect(try count("SELECT count(*) FROM cjk_articles", in: db) == 1)
    }

    @Test("an archive whose CJK index is in an earlier form (schema 18: title first; 19: unicode61) gets the current one when opened, every article found at once",
          arguments: [18, 19])
    func cjkIndexUpgrade(schema: Int) throws {
        let directory = TemporaryDirectory()
        let db = directory.path("v\(schema).db")
        let connection = try Connection(path: db)
        try Migrator(migrations: Array(Migration.bundled.prefix(schema))).migrate(connection)
        try connection.execute("""
            INSERT INTO articles (title, body, fingerprint, imported_at) VALUES ('北京新闻', '北京今天晴天。', x'01', '2024-05-01T00:00:00Z');
            INSERT INTO articles (title, body, fingerprint, imported_at) VALUES ('天气', '上海的晴天。「Café」開店。', x'02', '2024-05-01T00:00:00Z');
            """)
        try connection.transaction { try CJKIndex(connection: connection).rebuild() }
        #expect(try connection.scalarInt("SELECT count(*) FROM cjk_articles") == 2)
        connection.close()
        // A search is the first command: it brings the archive up to date, then reads.
        #expect(try Set(Self.titles(db, "晴天")) == ["北京新闻", "天气"])
        #expect(try Self.titles(db, "北京") == ["北京新闻"])
        #expect(try Self.titles(db, "cafe") == ["天气"])
        #expect(try Self.titles(db, "CAFÉ 開店") == ["天气"])
        #expect(try count("SELECT count(*) FROM cjk_stale", in: db) == 0)
        #expect(try count("SELECT count(*) FROM cjk_articles", in: db) == 2)
        #expect(try count("SELECT count(*) FROM sqlite_schema WHERE name = 'articles_cjk' AND sql LIKE '%(\n    body, title, tags,%' AND sql LIKE '%''porter ascii''%'", in: db) == 1)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let problems = try archive.check().checks.filter { ["CJK index", "ranking lengths"].contains($0.name) && $0.problem != nil }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("catching up with other writers reads the stale list, not every article")
    func catchUpReadsOnlyStaleArticles() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let connection = try Connection(path: db)
        defer { connection.close() }
        var plan: [String] = []
        try connection.prepare("EXPLAIN QUERY PLAN " + CJKIndex.staleArticles).bind(.null).forEachRow { plan.append($0.string(3)) }
        #expect(plan.first == "SCAN s", "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN a") }, "\(plan)")
    }

    @Test("an import indexes each article as a rebuild from the stored rows does: with the entries made while reading used at the end, or every few records",
          arguments: ["txt", "jsonl", "csv"], [MadeCJKEntries.defaultBudget, 1])
    func importedEntriesEqualRebuilt(format: String, budget: Int) throws {
        let directory = TemporaryDirectory()
        let db = directory.path("\(format).db")
        let text = format == "jsonl" ? Self.jsonLines() : format == "csv" ? Self.csv() : Self.textDump()
        let summary = try importDumps([directory.write("news.\(format)", text)], into: db) { options in
            options.madeCJKBytes = budget
            options.feedRecords = 2
            options.commitRecords = 3
        }
        #expect(summary.inserted == Self.articles.count)
        let connection = try Connection(path: db)
        defer { connection.close() }
        let imported = try Self.cjkIndexContents(connection)
        #expect(imported.contains("北京 1 body 12"))
        #expect(imported.contains { $0.hasPrefix("5g ") })
        #expect(imported.filter { $0.hasPrefix("recorded") }.count == 6)
        try connection.transaction { try CJKIndex(connection: connection).rebuild() }
        let rebuilt = try Self.cjkIndexContents(connection)
        #expect(imported.count == rebuilt.count)
        let difference = zip(imported, rebuilt).first { $0 != $1 }
        #expect(difference == nil)
    }

    @Test("an entry made for another article than the one stored under its id is not used")
    func madeEntryOfAnotherArticle() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        let connection = try Connection(path: db)
        defer { connection.close() }
        let indexed = try Self.cjkIndexContents(connection)
        try connection.execute("INSERT INTO articles_cjk(articles_cjk) VALUES ('delete-all'); DELETE FROM cjk_articles;")
        // What a rolled-back article would have left: an entry under id 1 of other text.
        var made = MadeCJKEntries()
        let other = try #require(CJKEntry(title: "別の記事", body: "まったく別の本文。", tags: []))
        made.add(other, id: 1, fingerprint: Fingerprint(title: "別の記事", body: "まったく別の本文。"))
        // And one of the article really stored under id 2.
        let second = Self.articles[1]
        made.add(try #require(CJKEntry(title: second.title, body: second.body, tags: second.tags)), id: 2,
                 fingerprint: Fingerprint(title: second.title, body: second.body))
        try connection.transaction { try CJKIndex(connection: connection).index(ids: 1...7, made: &made) }
        #expect(made.isEmpty)
        #expect(try Self.cjkIndexContents(connection) == indexed)
    }

    /// Every token of articles_cjk where it stands, each article's token counts, and the
    /// articles recorded as indexed.
    static func cjkIndexContents(_ connection: Connection) throws -> [String] {
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.cjk_terms USING fts5vocab(main, articles_cjk, instance)")
        var rows: [String] = []
        try connection.prepare("SELECT term, doc, col, offset FROM temp.cjk_terms ORDER BY doc, col, offset, term").forEachRow {
            rows.append("\($0.string(0)) \($0.int(1)) \($0.string(2)) \($0.int(3))")
        }
        try connection.prepare("SELECT id, hex(sz) FROM articles_cjk_docsize ORDER BY id").forEachRow {
            rows.append("size \($0.int(0)) \($0.string(1))")
        }
        try connection.prepare("SELECT article_id FROM cjk_articles ORDER BY article_id").forEachRow { rows.append("recorded \($0.int(0))") }
        return rows
    }

    @Test("the index is kept for articles with such text only")
    func onlyCJKArticles() throws {
        let directory = TemporaryDirectory()
        let db = try Self.archive(directory)
        #expect(try count("SELECT count(*) FROM cjk_articles", in: db) == 6)
        #expect(try count("SELECT count(*) FROM cjk_articles WHERE article_id = 5", in: db) == 0)
    }
}

/// The bigram forms, on their own.
@Suite("CJK bigrams")
struct CJKTextTests {
    @Test("the index form: each run as its pairs and its last character")
    func indexForm() {
        #expect(CJKText.indexForm("人工智能大会").split(separator: " ") == ["人工", "工智", "智能", "能大", "大会", "会"])
        #expect(CJKText.indexForm("华为5g设备").split(separator: " ") == ["华为", "为", "5g", "设备", "备"])
        #expect(CJKText.indexForm("서울에서 새").split(separator: " ") == ["서울", "울에", "에서", "서", "새"])
        #expect(CJKText.indexForm("solar power") == "solar power")
        // Between runs, text beyond ASCII as unicode61's tokens: punctuation gone, accents dropped.
        #expect(CJKText.indexForm("北京。café「5g」").split(separator: " ") == ["北京", "京", "cafe", "5g"])
        #expect(CJKText.indexForm("“naïve” résumé—x").split(separator: " ") == ["naive", "resume", "x"])
    }

    @Test("the query form: a run at the end has no lone last character; one character is a prefix")
    func queryForm() {
        #expect(CJKText.queryForm("人工智能").tokens == "人工 工智 智能")
        #expect(CJKText.queryForm("人工智能").lastIsPrefix == false)
        #expect(CJKText.queryForm("华为5g").tokens == "华为 为 5g")
        #expect(CJKText.queryForm("5g的") == (tokens: "5g 的", lastIsPrefix: true))
        #expect(CJKText.queryForm("会") == (tokens: "会", lastIsPrefix: true))
        #expect(CJKText.queryForm("café") == (tokens: "cafe", lastIsPrefix: false))
        #expect(CJKText.queryForm("北京·上海").tokens.split(separator: " ") == ["北京", "京", "上海"])
    }

    @Test("the CJK expression writes words beyond ASCII as the index's tokens, in plain and raw mode")
    func cjkExpressions() throws {
        #expect(try SearchQuery("café 北京").cjkExpression() == "\"cafe\" \"北京\"")
        #expect(try SearchQuery("Résumé*").cjkExpression() == "\"resume\"*")
        #expect(try SearchQuery("l'été").cjkExpression() == "\"l ete\"")
        #expect(try SearchQuery("solar").cjkExpression() == "\"solar\"")
        #expect(try SearchQuery("\"naïve café\" OR 北京", raw: true).cjkExpression() == "\"naive cafe\" OR \"北京\"")
    }

    @Test("which text needs the index: CJK characters and width variants, not accents or curly quotes")
    func needsIndex() {
        #expect(CJKText.needsIndex("北京"))
        #expect(CJKText.needsIndex("テスト"))
        #expect(CJKText.needsIndex("서울"))
        #expect(CJKText.needsIndex("５Ｇ network"))
        #expect(CJKText.needsIndex("ｶﾞｿﾘﾝ"))
        // CJK punctuation alone: English text cut short at 【 stays out.
        #expect(!CJKText.needsIndex("The debt crisis goes on. 【"))
        #expect(!CJKText.needsIndex("say 「hello」（now）"))
        #expect(!CJKText.needsIndex("Café “quoted” — naïve"))
        #expect(!CJKText.needsIndex(""))
    }

    @Test("the snippet's shortcut forms equal NFKC with white space collapsed")
    func snippetDisplayForm() {
        let bodies = [
            "北京　举行　５Ｇ大会。", "Ｃａｆé  in\tMÜNCHEN", "ﾃｽﾄ ｶﾞｿﾘﾝ", "ﬁnance ①", "\u{3000}서울에서\n\n부산",
            "Cafe\u{301} au lait", "plain ASCII  text ", "",
        ]
        for body in bodies {
            let foundation = body.precomposedStringWithCompatibilityMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(String(String.UnicodeScalarView(CJKSnippet.displayForm(body))) == foundation, "\(body)")
        }
    }

    @Test("the snippet marks words without case and width, CJK as strings, others where a word starts")
    func snippetMarks() {
        let snippet = { (query: String, body: String) in CJKSnippet(query: SearchQuery(query)).snippet(of: body, marks: .markdown) }
        #expect(snippet("münchen 北京", "Von MÜNCHEN nach 北京市。") == "Von **MÜNCHEN** nach **北京**市。")
        #expect(snippet("5g", "华为发布５Ｇ手机") == "华为发布**5G**手机")
        #expect(snippet("ai", "He said ＡＩ is here") == "He said **AI** is here")
        #expect(snippet("café", "Le Cafe\u{301} de Paris") == "Le **Café** de Paris")
        // Far into the body: cut before and after, the match kept whole.
        let long = String(repeating: "前", count: 200) + "人工智能" + String(repeating: "后", count: 200)
        let cut = snippet("人工智能", long)
        #expect(cut.hasPrefix("…") && cut.hasSuffix("…") && cut.contains("**人工智能**"))
        #expect(cut.unicodeScalars.count == CJKSnippet.length + 2 + 4)
    }

    @Test("the migration's GLOB tests exactly the characters the importer indexes")
    func globAgrees() throws {
        let sql = try #require(Migration.bundled.first { $0.name.contains("cjk") }?.sql)
        let start = try #require(sql.range(of: "GLOB '")?.upperBound)
        let pattern = String(sql[start...].prefix { $0 != "'" })
        let connection = try Connection(path: ":memory:")
        var globbed: Set<UInt32> = []
        // Every code point from U+0080 to the end of the supplementary ideographs, but the surrogates.
        try connection.prepare("""
            WITH RECURSIVE c(v) AS (SELECT 128 UNION ALL SELECT v + 1 FROM c WHERE v < 204800)
            SELECT v FROM c WHERE (v < 55296 OR v > 57343) AND char(v) GLOB ?
            """).bind(.text(pattern)).forEachRow { globbed.insert(UInt32($0.int(0))) }
        let swift = Set((UInt32(128)...204_800).filter { !(0xD800...0xDFFF).contains($0) && CJKText.belongsInIndex($0) })
        #expect(globbed == swift, "only GLOB: \(globbed.subtracting(swift).sorted().prefix(5)); only Swift: \(swift.subtracting(globbed).sorted().prefix(5))")
    }
}
