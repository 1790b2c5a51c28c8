/// One record of the benchmark corpus: the article as the dumps carry it, and the terms
/// its words make, for choosing the query words.
public struct GeneratedArticle: Sendable {
    public var title: String
    /// Paragraphs separated by a blank line.
    public var body: String
    public var tags: [String]
    public var released: ReleaseTime
    /// The term of each word (title, then body); -1 for made-up names, varied numbers and
    /// words the source does not have.
    public var terms: [Int32]

    /// As the copy makers and the JSON Lines dumps see it.
    public var news: NewsArticle {
        NewsArticle(title: title, body: body, published: released.text, tags: tags)
    }
}
