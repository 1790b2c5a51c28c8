import Testing
@testable import ArchiveCore

/// Chinese reprints are kept once like English ones: a copy that differs only in
/// full-width digits is the same article, a retitled and lightly edited reprint and a
/// copy cut short at `【` are versions of one story, another story stays apart.
@Suite("Chinese duplicates and near duplicates")
struct CJKDuplicateTests {
    static let body = """
        来自四十多个国家的专家在北京参加了为期三天的人工智能大会。会议讨论了机器人、自动驾驶和医疗影像等领域的最新进展。\
        主办方表示，2024年的参会人数比去年增加了一倍，展区面积也扩大到两万平方米。多家企业在会上发布了新产品，\
        其中一款家用机器人引起了观众的关注。专家认为，人工智能技术将在未来十年深刻改变制造业和服务业。\
        会议期间还举行了青年学者论坛，来自各地高校的学生展示了他们的研究成果。
        """

    static func record(_ title: String, _ body: String) -> String {
        "\(title)科技 | 人工智能\n\(title)科技 | 人工智能\n发布时间：2024-04-14 07:30\n\n\(body)\n"
    }

    @Test("full-width digits make no new article; a reprint and a cut-short copy link to the story; another story does not")
    func duplicates() throws {
        let directory = TemporaryDirectory()
        let reprint = Self.body.replacingOccurrences(of: "两万", with: "三万")
            .replacingOccurrences(of: "十年", with: "五年").replacingOccurrences(of: "青年", with: "中年")
        let cut = String(Self.body.prefix(Self.body.count * 7 / 10)) + " 【"
        let other = """
            上海港今年的集装箱吞吐量再创新高，港口调度全面使用新的管理系统。码头工人表示，新的设备让装卸速度提高了三成。\
            港务局计划明年再开通两条国际航线，连接东南亚和中东的主要港口。经济学家认为，港口的增长反映了外贸的回暖。\
            与此同时，附近的物流园区也在扩建，预计将新增五千个工作岗位。
            """
        let dump = [
            Self.record("北京举行国际人工智能大会。", Self.body),
            Self.record("北京举行国际人工智能大会。", Self.body.replacingOccurrences(of: "2024", with: "２０２４")),
            Self.record("人工智能大会在京开幕。", reprint),
            Self.record("北京举行国际人工智能大会。", cut),
            Self.record("上海港集装箱吞吐量创新高！", other),
        ].joined(separator: "\n")
        let db = directory.path("a.db")
        let summary = try importDumps([directory.write("news.txt", dump)], into: db)
        #expect(summary.records == 5)
        #expect(summary.duplicates == 1)
        #expect(summary.inserted == 4)

        let archive = try Archive(path: db, mode: .read)
        defer { archive.close() }
        var links: [String: (Int64?, String?)] = [:]
        try archive.readOnlySQL("SELECT id, title, body, duplicate_of, match_rule FROM articles ORDER BY id", columns: { _ in }) { row in
            guard case .text(let body) = row[2], case .integer(let id) = row[0] else { return }
            let key = id == 1 ? "original" : body.hasSuffix("【") ? "cut" : body.contains("三万") ? "reprint" : "other"
            var target: Int64?
            if case .integer(let value) = row[3] { target = value }
            var rule: String?
            if case .text(let value) = row[4] { rule = value }
            links[key] = (target, rule)
        }
        #expect(links["original"]?.0 == nil)
        #expect(links["reprint"]?.0 == 1 && links["reprint"]?.1 == "jaccard")
        #expect(links["cut"]?.0 == 1 && links["cut"]?.1 == "containment")
        #expect(links["other"] != nil && links["other"]?.0 == nil)
    }

    @Test("CJK articles that open alike are no candidates of each other; a copy cut short keeps the lead of its original")
    func leadKey() {
        let dateline = "新华社北京4月15日电（记者王明）"
        let story = CandidateKeys(Shingles(text: dateline + Self.body))
        let other = CandidateKeys(Shingles(text: dateline + "上海港今年的集装箱吞吐量再创新高，港口调度全面使用新的管理系统。码头工人表示，新的设备让装卸速度提高了三成。"))
        #expect(story.lead != nil && other.lead != nil)
        #expect(Set(story.all).isDisjoint(with: other.all))
        let cut = String((dateline + Self.body).prefix(60)) + " 【"
        #expect(CandidateKeys(Shingles(text: cut)).lead == story.lead)
        // English keeps its lead of 8 word shingles.
        #expect(CandidateKeys.leadShingles(for: .words) == 8)
    }
}
