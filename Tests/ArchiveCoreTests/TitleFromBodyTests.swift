import Foundation
import Testing
@testable import ArchiveCore

@Suite("Titles taken from the body (--title-from-body)")
struct TitleFromBodyTests {
    @Test("the first sentence of the first line, in English and in CJK scripts", arguments: [
        ("The council approved the budget. Work starts in May.", "The council approved the budget."),
        ("Is the bridge safe? Engineers say yes.", "Is the bridge safe?"),
        ("\"We will rebuild.\" The mayor spoke on Monday.", "\"We will rebuild.\""),
        ("Mr. Okafor and Dr. Lima met U.S. officials on Friday. Talks went on.", "Mr. Okafor and Dr. Lima met U.S. officials on Friday."),
        ("Prices rose 3.5 percent in March", "Prices rose 3.5 percent in March"),
        ("A heading without a full stop\n\nThe story starts here. It goes on.", "A heading without a full stop"),
        ("北京举行国际人工智能大会。来自二十个国家的专家参加。", "北京举行国际人工智能大会。"),
        ("新しい駅が開業した！利用者は多い。", "新しい駅が開業した！"),
        ("「台風が来る？」気象庁が発表した。", "「台風が来る？」"),
        ("  Spaced   out   words. Next.", "Spaced out words."),
    ])
    func firstSentence(body: String, title: String) {
        #expect(FirstSentence.title(of: body) == title)
    }

    @Test("a title is at most 200 characters, cut after a word where one ends, with an ellipsis")
    func capped() throws {
        let words = Array(repeating: "harbour", count: 40).joined(separator: " ")  // 319 characters, no sentence end
        let title = try #require(FirstSentence.title(of: words + ". Second sentence."))
        #expect(title.count <= 200)
        #expect(title.hasSuffix("harbour…"))
        #expect(words.hasPrefix(String(title.dropLast())))

        let chinese = String(repeating: "长江流域", count: 60)  // 240 characters without a space
        let cut = try #require(FirstSentence.title(of: chinese))
        #expect(cut.count == 200)
        #expect(cut == String(chinese.prefix(199)) + "…")
        #expect(FirstSentence.title(of: " \n\n ") == nil)
    }

    @Test("without the option a record without a title is refused with today's message; with it, a warning")
    func articleRule() throws {
        let record = DumpRecord(body: "The ferry sailed at dawn. Passengers cheered.", span: RecordSpan(start: .start, end: .start, isComplete: true))
        var warnings: [String] = []
        #expect(throws: ArticleRejection(message: "record has no title")) { try Article(record: record, warnings: &warnings) }
        let article = try Article(record: record, warnings: &warnings, titleFromBody: true)
        #expect(article.title == "The ferry sailed at dawn.")
        #expect(article.body == "The ferry sailed at dawn. Passengers cheered.")
        #expect(warnings == ["title taken from the body"])
        // A record with a title keeps it, without a warning.
        var titled = record
        titled.title = "Dawn sailing"
        var none: [String] = []
        #expect(try Article(record: titled, warnings: &none, titleFromBody: true).title == "Dawn sailing")
        #expect(none.isEmpty)
    }

    @Test("an import with the option warns once per titled record and stores the warnings nowhere else")
    func importWarnings() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let dump = directory.write("feed.jsonl", """
            {"text": "Storm closes the coast road. Crews are clearing it.", "category": "Weather"}
            {"title": "Has a title", "text": "A body."}
            {"text": "暴雨导致道路关闭。工人正在清理。"}

            """)
        let refused = RecordingObserver()
        let before = try importDumps([dump], into: db, observer: refused)
        #expect(before.inserted == 1 && before.errors == 2)
        #expect(refused.warnings.filter { $0.hasSuffix(": record has no title") }.count == 2)

        let observer = RecordingObserver()
        let summary = try importDumps([directory.write("feed2.jsonl", String(decoding: try Data(contentsOf: URL(fileURLWithPath: dump)), as: UTF8.self) + "\n")],
                                      into: db, observer: observer) { $0.fields.titleFromBody = true }
        #expect(summary.inserted == 2 && summary.duplicates == 1 && summary.errors == 0)
        #expect(summary.warnings == 2)
        #expect(observer.warnings.filter { $0.hasSuffix(": title taken from the body") }.count == 2)
        #expect(try count("SELECT count(*) FROM articles WHERE title IN ('Storm closes the coast road.', '暴雨导致道路关闭。')", in: db) == 2)
        // Not a repair: the record's bytes are not kept in import_errors.
        #expect(try count("SELECT count(*) FROM import_errors WHERE article_id IS NOT NULL", in: db) == 0)
    }

    @Test("a CSV without a title column is read with the option; without it the file is left unrecorded for a second try")
    func csvWithoutTitleColumn() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        let dump = directory.write("feed.csv", "text,category\n\"Storm closes the coast road. Crews are clearing it.\",Weather\nSchools reopen on Monday.,Education\n")
        let refused = try importDumps([dump], into: db)
        #expect(refused.filesFailed == 1 && refused.records == 0)
        let observer = RecordingObserver()
        let summary = try importDumps([dump], into: db, observer: observer) { $0.fields.titleFromBody = true }
        #expect(summary.files == 1 && summary.inserted == 2 && summary.warnings == 2)
        #expect(!observer.notes.contains { $0.contains("skipped") })
        #expect(try count("SELECT count(*) FROM articles WHERE title = 'Schools reopen on Monday.' AND tags = '[\"Education\"]'", in: db) == 1)
    }
}
