/// One condition a filter puts on the article itself (its dates, a tag, canonical
/// versions only), as SQL two ways: a test of one article `a`, for statements that
/// join each match to its article, and the statement that lists the ids it admits
/// from the column's index, for walks that test matches against bits (`FilterSet`).
/// Both say the same thing, so both ways of counting agree.
struct ArticleCondition {
    /// A boolean expression over `articles a`.
    let test: String
    let values: [SQLValue]
    /// `SELECT` of one id column: the articles the test admits, or with `listsExcluded`
    /// those it leaves out (fewer: the versions that are not their story's canonical).
    let members: String
    let listsExcluded: Bool
    /// What packed blocks can answer for it (`FilterBlocks`); nil for canonical versions.
    var packed: Packed? = nil

    /// A condition packed blocks hold the ids of.
    enum Packed {
        case tag(String)
        /// Dates in [since, until).
        case published(since: String?, until: String?)
    }

    /// `members` for the ids in a range only, `articles` naming the table as the caller
    /// reads it; binds `values`, then the range's ends.
    func members(within articles: String) -> String {
        switch packed {
        case .tag: members + " AND article_id BETWEEN ? AND ?"
        // Through the narrow index, whose first column is the id: the range is walked,
        // not the dates.
        case .published: "SELECT a.id FROM \(articles) WHERE \(test) AND a.id BETWEEN ? AND ?"
        case nil: members + " AND a.id BETWEEN ? AND ?"
        }
    }

    /// The filter's conditions, in the order FilterSQL writes them.
    static func of(_ filter: ArticleFilter) -> [ArticleCondition] {
        var conditions: [ArticleCondition] = []
        if !filter.allVersions {
            conditions.append(ArticleCondition(test: "a.duplicate_of IS NULL", values: [],
                                               members: "SELECT a.id FROM articles a WHERE a.duplicate_of IS NOT NULL",
                                               listsExcluded: true))
        }
        var bounds: [String] = []
        var dates: [SQLValue] = []
        if let since = filter.since {
            bounds.append("a.published >= ?")
            dates.append(.text(since))
        }
        if let until = filter.until {
            bounds.append("a.published < ?")
            dates.append(.text(until))
        }
        if !bounds.isEmpty {
            let test = bounds.joined(separator: " AND ")
            conditions.append(ArticleCondition(test: test, values: dates, members: "SELECT a.id FROM articles a WHERE \(test)",
                                               listsExcluded: false, packed: .published(since: filter.since, until: filter.until)))
        }
        for tag in filter.tags {
            conditions.append(ArticleCondition(
                test: "EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ? COLLATE NOCASE)",
                values: [.text(tag)], members: "SELECT article_id FROM article_tags WHERE tag = ? COLLATE NOCASE",
                listsExcluded: false, packed: .tag(tag)))
        }
        return conditions
    }
}
