/// What `articles_cjk` holds for one article: its title, body and tags in the bigram
/// form (`CJKText.indexForm`) of their normalized text. Made where the text is at hand:
/// on the import's reading thread for new articles, so that the one writing thread only
/// inserts it, and from the stored row when the index catches up or is rebuilt. Both
/// ways give the same entry for the same article (a test holds them to it).
struct CJKEntry: Sendable, Equatable {
    let title: String
    let body: String
    let tags: String
    /// What articles_fts is given for the article (`FullTextForm`), made of its columns
    /// as stored.
    let fullText: FullTextForm.Columns

    /// The entry of an article, or nil when none of its text needs the index.
    /// `normalizedBody`: the body's `TextNormalizer` form when the caller has it;
    /// `storedTags`: the tags column as stored, when it was read (else written as the
    /// importer stores it).
    init?(title: String, body: String, tags: [String], normalizedBody: String? = nil, storedTags: String? = nil) {
        guard CJKText.needsIndex(title) || CJKText.needsIndex(body) || tags.contains(where: CJKText.needsIndex) else { return nil }
        self.title = CJKText.indexForm(TextNormalizer.normalize(title))
        self.body = CJKText.indexForm(normalizedBody ?? TextNormalizer.normalize(body))
        self.tags = CJKText.indexForm(TextNormalizer.normalize(tags.joined(separator: " | ")))
        fullText = FullTextForm.Columns(title: title, body: body, storedTags: storedTags ?? JSONText.array(tags))
    }

    /// The UTF-8 bytes of its texts.
    var byteCount: Int { title.utf8.count + body.utf8.count + tags.utf8.count + fullText.byteCount }

    init?(_ article: Article) {
        self.init(title: article.title, body: article.body, tags: article.tags, normalizedBody: article.comparisonBody)
    }
}
