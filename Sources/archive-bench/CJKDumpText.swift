import SyntheticNews

/// A CJK record in the text dump format (README, "Text dumps"): the header with the first
/// tag glued after the title's sentence end (no space in Chinese and Japanese, one space
/// after Korean's `.`) and the others after ` | `, its repeat, a blank line, the date
/// line, a blank line, the paragraphs, a blank line. Chinese records label the date
/// `发布时间：`, as Chinese dumps do; Japanese and Korean ones `Release time:`, the other
/// label the reader knows, Japanese ones with the date as `2024年4月14日 07:30`, so the
/// corpus has each date form the reader takes from such dumps.
enum CJKDumpText {
    static func append(_ story: CJKStory, to out: inout [UInt8]) {
        let article = story.article
        var header = article.title + (story.language == .korean ? " " : "")
        for (index, tag) in article.tags.enumerated() {
            header += (index == 0 ? "" : " | ") + tag
        }
        out.append(contentsOf: "\(header)\n\(header)\n\n\(dateLine(story))\n\n".utf8)
        out.append(contentsOf: article.body.utf8)
        out.append(contentsOf: "\n\n".utf8)
    }

    /// `published` is `2024-04-14 07:30` (the copy makers keep that form).
    static func dateLine(_ story: CJKStory) -> String {
        let published = story.article.published
        switch story.language {
        case .chinese:
            return "发布时间：" + published
        case .japanese:
            guard let time = ReleaseTime(published) else { return "Release time:" + published }
            let (year, month, day) = time.civil
            return "Release time:\(year)年\(month)月\(day)日 " + published.suffix(5)
        case .korean:
            return "Release time:" + published
        }
    }
}
