import ArchiveCore
import Testing
@testable import SyntheticNews

/// The benchmark's article generator: a word chain over the corpus for originals, and
/// the evaluation's copy makers for its copies.
@Suite("Article generator")
struct ArticleGeneratorTests {
    static let model = TextModel(stories: BuiltinNewsWriter(seed: 1).stories(80))
    static let generator = ArticleGenerator(model: model, seed: 9)

    static func make(_ original: Int, _ kind: RecordKind = .original, copyNumber: UInt64 = 0) throws -> GeneratedArticle {
        try #require(generator.make(original: original, kind: kind, copyNumber: copyNumber))
    }

    @Test("article N of a seed is always the same, whatever was made before; another seed makes another")
    func deterministic() throws {
        let first = try (0..<5).map { try Self.make($0) }
        let again = try (0..<5).reversed().map { try Self.make($0) }.reversed()
        #expect(first.map(\.news) == again.map(\.news))
        let other = try #require(ArticleGenerator(model: Self.model, seed: 10).make(original: 0, kind: .original, copyNumber: 0))
        #expect(other.news != first[0].news)
    }

    @Test("originals: a title ending in a full stop, tags led by the category, paragraphs, a date in 2021-2024")
    func originals() throws {
        for index in 0..<40 {
            let article = try Self.make(index)
            #expect(article.title.hasSuffix("."))
            #expect(!article.title.contains("|") && !article.body.contains("|"), "the text format's tag separator")
            #expect(Self.model.categories.map { $0.prefix(1).uppercased() + $0.dropFirst() }.contains(article.tags[0]))
            #expect((2...4).contains(article.tags.count))
            #expect((200...1_200).contains(WordSpans(article.body).count))
            #expect((2021...2024).contains(article.released.civil.year))
        }
        #expect(try (0..<40).contains { try Self.make($0).body.contains("\n\n") })
    }

    @Test("the terms recorded are the model's terms of the words written")
    func terms() throws {
        for index in 0..<20 {
            let article = try Self.make(index)
            let words = Self.model.terms(of: article.title + " " + article.body)
            #expect(words.count == article.terms.count)
            for (recorded, looked) in zip(article.terms, words) where recorded >= 0 {
                #expect(recorded == looked)
            }
        }
    }

    @Test("copies are the copy makers' copies of the original, numbered apart", arguments: [
        CopyKind.exact, .headlinePrefix, .wordEdits(percent: 1), .truncation(percent: 80),
    ])
    func copies(kind: CopyKind) throws {
        let original = try Self.make(3)
        let copy = try Self.make(3, .copy(kind), copyNumber: 77)
        let expected = try #require(kind.make(from: original.news, seed: 9, number: 77))
        #expect(copy.news == expected)
        #expect(copy.news != original.news)
        #expect(copy.terms == Self.model.terms(of: copy.title + " " + copy.body))
        // Another copy number, another copy (an exact copy differs in its date).
        let other = try Self.make(3, .copy(kind), copyNumber: 78)
        #expect(other.news != copy.news)
    }

    @Test("a copy the makers cannot make (a date change without dates) is nil, not a disguised original")
    func impossibleCopy() throws {
        for index in 0..<20 {
            let original = try Self.make(index)
            let copy = Self.generator.make(original: index, kind: .copy(.dateChange), copyNumber: 5)
            #expect(copy?.news == CopyKind.dateChange.make(from: original.news, seed: 9, number: 5))
        }
    }
}
