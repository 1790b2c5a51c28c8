import Testing
@testable import ArchiveCore

@Suite("Header lines")
struct HeaderLineTests {
    @Test("a tag glued after the title's last sentence end is split off", arguments: [
        ("NATO conspires to \"move eastward\" in the region. China | NATO | Security",
         "NATO conspires to \"move eastward\" in the region.", ["China", "NATO", "Security"]),
        ("Two women were stabbed. Suspect appeared in court today. Male | Last Friday | Murder case",
         "Two women were stabbed. Suspect appeared in court today.", ["Male", "Last Friday", "Murder case"]),
        ("The Chinese naval fleet has arrived! Assembly | Navy | Chinese Fleet",
         "The Chinese naval fleet has arrived!", ["Assembly", "Navy", "Chinese Fleet"]),
        ("What protects the return of Shenzhou 15? Spaceship | Shenzhou",
         "What protects the return of Shenzhou 15?", ["Spaceship", "Shenzhou"]),
        ("He said \"enough.\" Politics | Senate", "He said \"enough.\"", ["Politics", "Senate"]),
    ])
    func gluedTag(line: String, title: String, tags: [String]) {
        let parsed = HeaderLine.parse(line)
        #expect(parsed.title == title)
        #expect(parsed.tags == tags)
    }

    @Test("a sentence end right before the first separator means no glued tag")
    func noGluedTag() {
        let parsed = HeaderLine.parse("The focus has shifted to Henan Province. | Support | Science")
        #expect(parsed.title == "The focus has shifted to Henan Province.")
        #expect(parsed.tags == ["Support", "Science"])
    }

    @Test("only space-pipe-space separates: `+|` stays in the title")
    func plusPipeStays() {
        let parsed = HeaderLine.parse("Xinhua All Media+| Welcome home! What protects Shenzhou 15? Spaceship | Technology")
        #expect(parsed.title == "Xinhua All Media+| Welcome home! What protects Shenzhou 15?")
        #expect(parsed.tags == ["Spaceship", "Technology"])
    }

    @Test("without a sentence end before the first separator, all of it is the title")
    func noSentenceEnd() {
        let parsed = HeaderLine.parse("New comment: Donkey like \"morale\" pulls US debt fuse US | debt | morale")
        #expect(parsed.title == "New comment: Donkey like \"morale\" pulls US debt fuse US")
        #expect(parsed.tags == ["debt", "morale"])
    }

    @Test("text after a sentence end that does not look like a tag stays in the title", arguments: [
        "U.S. economy grows | Economy",
        "Prices rose 3.5 percent in the quarter, officials said on Monday | Economy",
    ])
    func notATag(line: String) {
        let parsed = HeaderLine.parse(line)
        #expect(parsed.title == String(line.split(separator: " | ")[0]))
        #expect(parsed.tags == ["Economy"])
    }

    @Test("a header with no separator is all title")
    func noTags() {
        #expect(HeaderLine.parse("Just a headline.").title == "Just a headline.")
        #expect(HeaderLine.parse("Just a headline.").tags == [])
    }

    @Test("tags are cleaned so that joining and splitting is exact")
    func tagRoundTrip() {
        let tags = Tags.clean(["  a  b ", "a b", "", "x |", "| y", "p | q", "|"])
        #expect(tags == ["a b", "x", "y", "p", "q"])
        #expect(Tags.split(Tags.join(tags)) == tags)
    }
}

@Suite("Release dates")
struct ReleaseDateTests {
    @Test("accepted forms become ISO 8601", arguments: [
        ("Apr 14, 2024 07:30 AM", "2024-04-14T07:30:00"),
        ("Apr 14, 2024 07:30 PM", "2024-04-14T19:30:00"),
        ("Apr 14, 2024 12:05 AM", "2024-04-14T00:05:00"),
        ("April 4, 2024", "2024-04-04T00:00:00"),
        ("Sept. 9, 2023 23:59", "2023-09-09T23:59:00"),
        ("2024-04-14 07:30", "2024-04-14T07:30:00"),
        ("2024-04-14 07:30:45", "2024-04-14T07:30:45"),
        ("2024/04/14", "2024-04-14T00:00:00"),
        ("2024/04/14 7:05", "2024-04-14T07:05:00"),
        ("2024-04-14", "2024-04-14T00:00:00"),
        ("2024-04-14T07:30:00Z", "2024-04-14T07:30:00"),
        ("2024-04-14T07:30:00+08:00", "2024-04-13T23:30:00"),
        ("2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00"),
        ("14 April 2024", "2024-04-14T00:00:00"),
        ("2024-02-29", "2024-02-29T00:00:00"),
    ])
    func accepted(raw: String, iso: String) {
        #expect(ReleaseDate.iso8601(raw) == iso)
    }

    @Test("anything else is nil, never a guess", arguments: [
        "", "yesterday", "2024-13-01", "2024-02-30", "2023-02-29", "Apr 31, 2024", "2024-04-14 25:00",
        "0000-01-01", "Foo 14, 2024", "2024-04-14 07:30 banana", "14/04/2024", "2024",
    ])
    func rejected(raw: String) {
        #expect(ReleaseDate.iso8601(raw) == nil)
    }

    @Test("filter dates name whole periods")
    func filterPeriods() throws {
        #expect(try ArticleFilter.period("2024") == ("2024-01-01T00:00:00", "2025-01-01T00:00:00"))
        #expect(try ArticleFilter.period("2024-12") == ("2024-12-01T00:00:00", "2025-01-01T00:00:00"))
        #expect(try ArticleFilter.period("2024-02-28") == ("2024-02-28T00:00:00", "2024-02-29T00:00:00"))
        #expect(try ArticleFilter.period("2024-04-14 07:30") == ("2024-04-14T07:30:00", "2024-04-14T07:31:00"))
        #expect(try ArticleFilter.period("2024-04-14T23:59:59") == ("2024-04-14T23:59:59", "2024-04-15T00:00:00"))
        #expect(throws: SearchError.self) { try ArticleFilter.period("soon") }
        #expect(throws: SearchError.self) { try ArticleFilter.period("2024-13") }
    }
}
