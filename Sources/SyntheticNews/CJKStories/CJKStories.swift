import ArchiveCore

/// One generated record of the CJK corpus: the article as a dump carries it, and its language.
public struct CJKStory: Sendable {
    public var language: CJKLanguage
    public var article: NewsArticle
}

/// News-like articles in Chinese (80%), Japanese (10%) and Korean (10%), made from the
/// built-in phrasebooks: a title of 8-25 characters ending in a sentence end, a body of
/// about 600-1500 characters in three or more paragraphs, two or three tags. The text is
/// not meant to read well; it is meant to have the characters, words, particles, figures
/// and mixed Latin and full-width forms that real dumps give the archive's CJK index.
/// Story `n` of a seed is always the same text, whatever else is generated.
public struct CJKStories: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Dated over four years from 2021, as the English benchmark corpus is.
    static let firstDay = ReleaseTime(year: 2021, month: 1, day: 1)
    static let minutesInRange = (4 * 365 + 1) * 24 * 60
    static let titleLength = 8...25

    public func story(_ number: Int) -> CJKStory {
        var random = SplitMix64(seed: seed, "cjk-story".seedValue, UInt64(number))
        let language = CJKLanguage.draw(&random)
        let book = language.phrasebook
        let released = Self.firstDay.adding(minutes: random.below(Self.minutesInRange))
        let title = Self.title(book, random: &random)
        let body = Self.body(language, book, random: &random)
        var tags: [String] = []
        // Two or three: the text format reads tags only from a header with a ` | ` in it.
        let tagCount = 2 + random.below(2)
        while tags.count < tagCount {
            let tag = random.pick(book.tags)
            if !tags.contains(tag) { tags.append(tag) }
        }
        return CJKStory(language: language, article: NewsArticle(title: title, body: body, published: released.text, tags: tags))
    }

    /// A title pattern filled until its length is in range (a few draws at most).
    static func title(_ book: CJKPhrasebook, random: inout SplitMix64) -> String {
        var title = ""
        for _ in 0..<20 {
            title = random.pick(book.titles).fill(book, random: &random)
            if titleLength.contains(title.unicodeScalars.count) { break }
        }
        return title
    }

    /// Sentences until the drawn length is reached, two to five to a paragraph, at least
    /// three paragraphs (so a copy cut at 80% of its paragraphs loses some text).
    static func body(_ language: CJKLanguage, _ book: CJKPhrasebook, random: inout SplitMix64) -> String {
        let target = 600 + random.below(901)
        var paragraphs: [String] = []
        var paragraph = ""
        var sentences = 0
        var length = 0
        while true {
            let sentence = random.pick(book.sentences).fill(book, random: &random)
            if sentences > 0 { paragraph += language.sentenceGap }
            paragraph += sentence
            sentences += 1
            length += sentence.unicodeScalars.count
            let reached = length >= target && paragraphs.count >= 2
            if reached || sentences >= 5 || (sentences >= 2 && random.chance(0.4)) {
                paragraphs.append(paragraph)
                paragraph = ""
                sentences = 0
                if reached { break }
            }
        }
        return paragraphs.joined(separator: "\n\n")
    }
}
