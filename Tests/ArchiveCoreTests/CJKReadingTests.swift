import Testing
@testable import ArchiveCore

/// Chinese, Japanese and Korean dumps in the text format: headers whose first tag is
/// glued after `。！？` without a space, full-width bars between tags, and the date
/// labels and forms those dumps use.
@Suite("Reading Chinese, Japanese and Korean dumps")
struct CJKReadingTests {
    @Test("the first tag glued after a CJK sentence end is split off, with or without a space", arguments: [
        ("北京举行国际人工智能大会。科技 | 人工智能", "北京举行国际人工智能大会。", ["科技", "人工智能"]),
        ("北京举行国际人工智能大会。 科技 | 人工智能", "北京举行国际人工智能大会。", ["科技", "人工智能"]),
        ("上海港集装箱吞吐量创新高！经济｜港口", "上海港集装箱吞吐量创新高！", ["经济", "港口"]),
        ("深圳的机器人能做什么？科技 ｜ 机器人", "深圳的机器人能做什么？", ["科技", "机器人"]),
        ("東京駅の新しい改札が公開された。テクノロジー | 交通", "東京駅の新しい改札が公開された。", ["テクノロジー", "交通"]),
        ("서울 지하철 새 노선이 개통했다。사회 | 교통", "서울 지하철 새 노선이 개통했다。", ["사회", "교통"]),
        ("「新政策」发布。」政治 | 新闻", "「新政策」发布。」", ["政治", "新闻"]),
    ])
    func gluedTag(line: String, title: String, tags: [String]) {
        let parsed = HeaderLine.parse(line)
        #expect(parsed.title == title)
        #expect(parsed.tags == tags)
    }

    @Test("what follows the last sentence end stays in the title when it is no short tag", arguments: [
        // Nine characters: too long for a glued tag.
        ("北京举行会议。国际人工智能大会开幕了 | 科技", "北京举行会议。国际人工智能大会开幕了", ["科技"]),
        // Latin letters after the end: not a tag of a caseless script.
        ("北京举行会议。AI | 科技", "北京举行会议。AI", ["科技"]),
        // No separator: all title.
        ("北京举行会议。科技", "北京举行会议。科技", []),
    ])
    func notATag(line: String, title: String, tags: [String]) {
        let parsed = HeaderLine.parse(line)
        #expect(parsed.title == title)
        #expect(parsed.tags == tags)
    }

    @Test("the dates Chinese and Japanese dumps write", arguments: [
        ("2024年4月15日 09:00", "2024-04-15T09:00:00"),
        ("2024年4月15日09:00", "2024-04-15T09:00:00"),
        ("2024年12月1日", "2024-12-01T00:00:00"),
        ("2024-04-15 09:00:00", "2024-04-15T09:00:00"),
        ("2024/4/15", "2024-04-15T00:00:00"),
        ("2024/4/15 9:05", "2024-04-15T09:05:00"),
    ])
    func dates(raw: String, iso: String) {
        #expect(ReleaseDate.iso8601(raw) == iso)
    }

    @Test("impossible CJK dates are not read", arguments: ["2024年13月1日", "2024年2月30日", "2024年4月", "2024年4月15", "24年4月15日"])
    func badDates(raw: String) {
        #expect(ReleaseDate.iso8601(raw) == nil)
    }

    @Test("发布时间 labels the date line like Release time, with either colon")
    func dateLabels() throws {
        for label in ["发布时间：", "发布时间:", "发布时间 ：", "Release time:"] {
            let text = """
                北京举行国际人工智能大会。科技 | 人工智能
                北京举行国际人工智能大会。科技 | 人工智能
                \(label)2024年4月15日 09:00

                来自四十多个国家的专家在北京参加了为期三天的人工智能大会。

                """
            let records = try readAll(.text, text).compactMap(\.record)
            #expect(records.count == 1, "\(label)")
            #expect(records.first?.published == "2024年4月15日 09:00", "\(label)")
            #expect(records.first?.title == "北京举行国际人工智能大会。", "\(label)")
            #expect(records.first?.tags == ["科技", "人工智能"], "\(label)")
            #expect(records.first?.body == "来自四十多个国家的专家在北京参加了为期三天的人工智能大会。", "\(label)")
        }
    }

    @Test("a Chinese record in JSON Lines and CSV reads the same as in the text format")
    func otherFormats() throws {
        let jsonl = try readAll(.jsonl, #"{"title": "北京举行国际人工智能大会。", "body": "来自四十多个国家的专家参加了大会。", "tags": ["科技"], "published": "2024年4月15日 09:00"}"# + "\n")
            .compactMap(\.record)
        let csv = try readAll(.csv, "title,body,tags,published\n北京举行国际人工智能大会。,来自四十多个国家的专家参加了大会。,科技｜人工智能,2024年4月15日 09:00\n")
            .compactMap(\.record)
        for records in [jsonl, csv] {
            #expect(records.first?.title == "北京举行国际人工智能大会。")
            #expect(records.first?.published.flatMap(ReleaseDate.iso8601) == "2024-04-15T09:00:00")
            #expect(records.first?.tags.first == "科技")
        }
    }
}
