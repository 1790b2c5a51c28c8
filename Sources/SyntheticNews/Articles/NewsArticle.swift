/// One record as a dump carries it: what the importer reads from a JSON Lines line.
public struct NewsArticle: Equatable, Sendable {
    public var title: String
    /// Paragraphs separated by a blank line.
    public var body: String
    /// `YYYY-MM-DD HH:MM`, a form `Release time:` and JSON Lines dumps use.
    public var published: String
    public var tags: [String]

    public init(title: String, body: String, published: String, tags: [String]) {
        self.title = title
        self.body = body
        self.published = published
        self.tags = tags
    }
}
