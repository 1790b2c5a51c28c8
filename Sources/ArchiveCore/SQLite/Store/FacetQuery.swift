/// Counts over the articles a filter covers, grouped by tag or by period of
/// publication: a search page's facets and the stats page's chart.
struct FacetQuery {
    let connection: Connection

    /// The `tagLimit` most frequent tags and every year, among the articles `filter` covers.
    func facets(_ filter: ArticleFilter, tagLimit: Int) throws -> SearchFacets {
        let parts = try FilterSQL(filter, cjkInUse: try CJKIndex(connection: connection).hasArticles())
        var tags: [ArchiveStats.TagCount] = []
        // Grouped without case, as the tag filter compares: `Energy` and `energy` are one facet.
        try connection.queryRows("""
            SELECT t.tag, count(*) AS n FROM \(parts.from) JOIN article_tags t ON t.article_id = a.id \(parts.whereClause)
            GROUP BY t.tag COLLATE NOCASE ORDER BY n DESC, t.tag LIMIT ?
            """, parts.values + [.integer(Int64(tagLimit))], filter: filter) { row in
            tags.append(ArchiveStats.TagCount(tag: row.string(0), count: row.int(1)))
        }
        var dated = parts
        dated.conditions.append("a.published IS NOT NULL")
        var years: [PeriodCount] = []
        try connection.queryRows("""
            SELECT substr(a.published, 1, 4) AS year, count(*) FROM \(dated.from) \(dated.whereClause)
            GROUP BY year ORDER BY year DESC
            """, dated.values, filter: filter) { row in
            years.append(PeriodCount(period: row.string(0), count: row.int(1)))
        }
        return SearchFacets(tags: tags, years: years)
    }

    /// Every article (each version counts) by month of publication, oldest first.
    func articlesPerMonth() throws -> [PeriodCount] {
        var months: [PeriodCount] = []
        try connection.prepare("""
            SELECT substr(published, 1, 7) AS month, count(*) FROM articles WHERE published IS NOT NULL
            GROUP BY month ORDER BY month
            """).forEachRow { row in
            months.append(PeriodCount(period: row.string(0), count: row.int(1)))
        }
        return months
    }
}
