/// What `articles_cjk` holds for one article: its title, body and tags in the bigram
/// form (`CJKText.indexForm`) of their normalized text. Made where the text is at hand:
/// on the import's reading thread for new articles, so that the one writing thread only
/// inserts it, and from the stored row when the index catches up or is rebuilt. Both
/// ways give the same entry for the same article (a test holds them to it).
struct CJKEntry: Sendable, Equatable {
    let title: String
    let body: String
    let tags: String

    /// The entry of an article, or nil when none of its text needs the index.
    /// `normalizedBody`: the body's `TextNormalizer` form when the caller has it.
    init?(title: String, body: String, tags: [String], normalizedBody: String? = nil) {
        guard CJKText.needsIndex(title) || CJKText.needsIndex(body) || tags.contains(where: CJKText.needsIndex) else { return nil }
        self.title = CJKText.indexForm(TextNormalizer.normalize(title))
        self.body = CJKText.indexForm(normalizedBody ?? TextNormalizer.normalize(body))
        self.tags = CJKText.indexForm(TextNormalizer.normalize(tags.joined(separator: " | ")))
    }

    /// The UTF-8 bytes of its three texts.
    var byteCount: Int { title.utf8.count + body.utf8.count + tags.utf8.count }

    init?(_ article: Article) {
        self.init(title: article.title, body: article.body, tags: article.tags, normalizedBody: article.comparisonBody)
    }
}
