import Foundation
import Testing
@testable import ArchiveCore

/// The names JSON Lines members and CSV columns may carry for each field, and `--map`.
@Suite("Field names, aliases and --map")
struct FieldNameTests {
    static func jsonRecords(_ lines: String, fields: FieldRules = FieldRules()) throws -> [DumpEvent] {
        let directory = TemporaryDirectory()
        let path = directory.write("dump.jsonl", lines)
        var reader = try DumpFormat.jsonl.reader(source: try ByteSource(path: path), line: 1, fields: fields)
        var events: [DumpEvent] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    static func csvRecords(_ text: String, fields: FieldRules = FieldRules()) throws -> [DumpRecord] {
        let directory = TemporaryDirectory()
        let path = directory.write("dump.csv", text)
        var reader = try DumpFormat.csv.reader(source: try ByteSource(path: path), line: 1, fields: fields)
        var records: [DumpRecord] = []
        while let event = try reader.next() {
            if let record = event.record { records.append(record) }
        }
        return records
    }

    static func rules(_ assignments: String..., titleFromBody: Bool = false) throws -> FieldRules {
        var rules = FieldRules(titleFromBody: titleFromBody)
        for assignment in assignments { try rules.map(assignment) }
        return rules
    }

    @Test("JSON Lines: headline, text, category and link, as scrapers write them")
    func jsonScraperNames() throws {
        let records = try Self.jsonRecords("""
            {"headline": "Ferry fares rise", "text": "The ferry company raised fares.", "category": "Transport", "link": "https://example.org/ferry"}
            """).compactMap(\.record)
        #expect(records.count == 1)
        #expect(records.first?.title == "Ferry fares rise")
        #expect(records.first?.body == "The ferry company raised fares.")
        #expect(records.first?.tags == ["Transport"])
        #expect(records.first?.url == "https://example.org/ferry")
    }

    @Test("JSON Lines: news-please's maintext, date_publish, source_domain and authors")
    func jsonNewsPlease() throws {
        let records = try Self.jsonRecords("""
            {"authors": ["Ana Lima", "Ben Okafor"], "date_download": "2024-04-16 10:00:00", "date_publish": "2024-04-15 09:00:00", "description": "A lead.", "language": "en", "maintext": "The harbour reopened after repairs.", "source_domain": "harbour-news.example", "title": "Harbour reopens", "url": "https://harbour-news.example/1"}
            """).compactMap(\.record)
        let record = try #require(records.first)
        #expect(record.title == "Harbour reopens")
        #expect(record.body == "The harbour reopened after repairs.")
        #expect(record.published == "2024-04-15 09:00:00")
        #expect(record.source == "harbour-news.example")
        #expect(record.authors == ["Ana Lima", "Ben Okafor"])
        #expect(record.url == "https://harbour-news.example/1")
    }

    @Test("JSON Lines: article, keywords (split at commas) and pubdate; name, story, section, site, author")
    func jsonOtherNames() throws {
        let records = try Self.jsonRecords("""
            {"title": "Mill closes", "article": "The mill shut its doors.", "keywords": "industry, jobs,  mills ", "pubdate": "2024-04-15"}
            {"name": "Budget passes", "story": "Councillors voted 9 to 4.", "section": "Politics, Local", "site": "Courier", "author": "Smith, Jane"}
            {"title": "Mixed", "content": "c", "topics": ["Science", "Space"], "publication": "Weekly", "canonical_url": "https://c/1", "published_at": "2024-04-16"}
            {"title": "Stamped", "maintext": "m", "categories": "Arts | Books", "domain": "d.example", "timestamp": "2024-04-17"}
            """).compactMap(\.record)
        #expect(records.count == 4)
        #expect(records[0].body == "The mill shut its doors.")
        #expect(records[0].tags == ["industry", "jobs", "mills"])
        #expect(records[0].published == "2024-04-15")
        #expect(records[1].title == "Budget passes")
        #expect(records[1].body == "Councillors voted 9 to 4.")
        // Only `keywords` is split at commas: a section name may hold one.
        #expect(records[1].tags == ["Politics, Local"])
        #expect(records[1].source == "Courier")
        #expect(records[1].authors == ["Smith, Jane"])
        #expect(records[2].tags == ["Science", "Space"])
        #expect(records[2].source == "Weekly")
        #expect(records[2].url == "https://c/1")
        #expect(records[2].published == "2024-04-16")
        #expect(records[3].tags == ["Arts", "Books"])
        #expect(records[3].source == "d.example")
        #expect(records[3].published == "2024-04-17")
    }

    @Test("the preferred name wins over an alias whatever the order of the members; null gives way")
    func preferredOverAlias() throws {
        let events = try Self.jsonRecords("""
            {"headline": "alias", "text": "alias body", "link": "alias-url", "title": "preferred", "body": "preferred body", "url": "preferred-url"}
            {"category": "alias", "tags": ["preferred"], "site": "alias", "source": "preferred", "title": "T", "body": "b", "date": "2024-01-02", "published": "2024-01-01"}
            {"title": null, "headline": "stands in", "body": null, "story": "stands in too", "authors": ["second"], "author": "first"}
            {"title": "T", "body": "b", "content": 5}
            """)
        let records = events.compactMap(\.record)
        #expect(records.map(\.title) == ["preferred", "T", "stands in", "T"])
        #expect(records[0].body == "preferred body")
        #expect(records[0].url == "preferred-url")
        #expect(records[1].tags == ["preferred"])
        #expect(records[1].source == "preferred")
        #expect(records[1].published == "2024-01-01")
        #expect(records[2].body == "stands in too")
        #expect(records[2].authors == ["first"])
        // A member that loses to a better name is not read, so its type does not matter.
        #expect(events.compactMap(\.problem).isEmpty)
    }

    @Test("tags and authors: a string or an array of strings; anything else is a record error")
    func tagsAndAuthorsShapes() throws {
        let events = try Self.jsonRecords("""
            {"title": "A", "body": "a", "tags": "x | y", "author": "Ana Lima | Ben Okafor"}
            {"title": "B", "body": "b", "tags": ["x", " y ", "x"], "authors": ["  Ana   Lima ", "", "Ana Lima"]}
            {"title": "C", "body": "c", "authors": [{"name": "Ana"}]}
            {"title": "D", "body": "d", "author": 7}
            {"title": "E", "body": "e", "published": true}
            """)
        let records = events.compactMap(\.record)
        #expect(records.map(\.title) == ["A", "B"])
        #expect(records[0].tags == ["x", "y"])
        #expect(records[0].authors == ["Ana Lima", "Ben Okafor"])
        #expect(records[1].tags == ["x", "y"])
        #expect(records[1].authors == ["Ana Lima"])
        #expect(events.compactMap(\.problem).map(\.message) == [
            "\"authors\" must hold strings, found an object",
            "\"author\" must be an array of strings or a string, found a number",
            "\"published\" must be a string or a number, found a boolean",
        ])
    }

    @Test("published as a JSON number is Unix seconds, kept as its digits")
    func publishedNumber() throws {
        let records = try Self.jsonRecords("""
            {"title": "A", "body": "a", "timestamp": 1713171600}
            {"title": "B", "body": "b", "published": 1713171600.75}
            """).compactMap(\.record)
        #expect(records.map(\.published) == ["1713171600", "1713171600.75"])
        var warnings: [String] = []
        let article = try Article(record: records[1], warnings: &warnings)
        #expect(article.published == "2024-04-15T09:00:00")
        #expect(article.publishedRaw == "1713171600.75")
        #expect(warnings.isEmpty)
    }

    @Test("CSV: the alias columns of every field, the preferred one winning")
    func csvAliases() throws {
        let records = try Self.csvRecords("""
            Headline,Text,Category,Link,date_publish,source_domain,Authors,keywords
            Ferry fares rise,The ferry company raised fares.,Transport,https://example.org/ferry,2024-04-15 09:00:00,news.example,Ana Lima | Ben Okafor,"sea, boats"

            """)
        let record = try #require(records.first)
        #expect(record.title == "Ferry fares rise")
        #expect(record.body == "The ferry company raised fares.")
        // `keywords` comes before `category` among the names of tags, and is split at commas.
        #expect(record.tags == ["sea", "boats"])
        #expect(record.url == "https://example.org/ferry")
        #expect(record.published == "2024-04-15 09:00:00")
        #expect(record.source == "news.example")
        #expect(record.authors == ["Ana Lima", "Ben Okafor"])

        let preferred = try Self.csvRecords("story,title,maintext,body,keywords,pubdate,date\nS,T,M,B,\"a, b\",2024-01-02,2024-01-01\n")
        #expect(preferred.first?.title == "T")
        #expect(preferred.first?.body == "B")
        #expect(preferred.first?.tags == ["a", "b"])
        #expect(preferred.first?.published == "2024-01-01")
    }

    @Test("a CSV header naming a body column and no title column is sniffed as CSV, not text")
    func sniffBodyOnlyCSV() {
        #expect(DumpFormat(sniffing: Array("text,category\nThe council met. It voted.,Politics\n".utf8)) == .csv)
        #expect(DumpFormat(sniffing: Array("\"maintext\",\"date_publish\"\n".utf8)) == .csv)
        #expect(DumpFormat(sniffing: Array("headline,summary\n".utf8)) == .csv)
        // A text dump's header line with a comma in it stays text.
        #expect(DumpFormat(sniffing: Array("Text, lies and videotape: a review. Culture | Film\n".utf8)) == .text)
        #expect(DumpFormat(sniffing: Array("Story, 2024 | News\n".utf8)) == .text)
    }

    @Test("--map: a CSV column, a JSON member and a dotted path; a mapped name overrides the aliases")
    func mapGood() throws {
        let csv = try Self.csvRecords("hed,story_text,title,body\nMapped title,Mapped body,Alias title,Alias body\n",
                                      fields: try Self.rules("title=hed", "body=STORY_TEXT"))
        #expect(csv.first?.title == "Mapped title")
        #expect(csv.first?.body == "Mapped body")

        let json = try Self.jsonRecords("""
            {"hed": "Mapped", "title": "Alias", "body": "b", "meta": {"Site": "Nested Wire", "tags": ["n"]}, "source": "Top"}
            {"title": "No hed here", "body": "b"}
            """, fields: try Self.rules("title=hed", "source=meta.site", "tags=meta.tags"))
        let records = json.compactMap(\.record)
        #expect(records.count == 2)
        #expect(records[0].title == "Mapped")
        #expect(records[0].source == "Nested Wire")
        #expect(records[0].tags == ["n"])
        // A mapped member absent from a record is absent: the alias does not stand in.
        #expect(records[1].title == nil)
    }

    @Test("--map refuses unknown fields, empty names, a field twice and a name twice")
    func mapBad() throws {
        var rules = FieldRules()
        #expect(throws: FieldRules.Invalid.self) { try rules.map("headline") }
        do {
            try rules.map("writer=byline")
            Issue.record("an unknown field was accepted")
        } catch {
            #expect(error.message.contains("unknown field \"writer\""))
            #expect(error.message.contains("title, body, tags, published, url, source, authors"))
        }
        #expect(throws: FieldRules.Invalid.self) { try rules.map("title=") }
        try rules.map("title=hed")
        #expect(throws: FieldRules.Invalid.self) { try rules.map("title=other") }
        #expect(throws: FieldRules.Invalid.self) { try rules.map("body=HED") }
        #expect(throws: FieldRules.Invalid.self) { try rules.map("header=h") }
    }

    @Test("a CSV header missing a mapped column, or a title column, refuses the file before any record")
    func csvHeaderRefusals() throws {
        do {
            _ = try Self.csvRecords("title,body\nA,b\n", fields: try Self.rules("body=story_text"))
            Issue.record("a missing mapped column was accepted")
        } catch let error as ReadError {
            #expect(error.description.hasSuffix("dump.csv: the header row has no column \"story_text\" (--map body=story_text)"))
        }
        do {
            _ = try Self.csvRecords("text,category\nThe council met.,Politics\n")
            Issue.record("a CSV without a title column was accepted")
        } catch let error as ReadError {
            #expect(error.description.contains("the header row has no title column (title, headline or name)"))
            #expect(error.description.contains("--title-from-body"))
        }
        let records = try Self.csvRecords("text,category\nThe council met. It voted.,Politics\n", fields: FieldRules(titleFromBody: true))
        #expect(records.first?.title == nil)
        #expect(records.first?.body == "The council met. It voted.")
        #expect(records.first?.tags == ["Politics"])
    }
}
