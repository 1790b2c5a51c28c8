/// Counts over the articles a filter covers, grouped by tag or by period of
/// publication: a search page's facets and the stats page's chart.
struct FacetQuery {
    let connection: Connection

    /// The `tagLimit` most frequent tags and every year, among the articles `filter`
    /// covers, and how many those are. The tags of a query with more than `tagSample`
    /// matches are counted among its `tagSample` newest matches only: every tag of every
    /// match was the dearest part of a search page for a common word (a lookup of each
    /// match's tags), and would grow with the archive.
    func facets(_ filter: ArticleFilter, tagLimit: Int, tagSample: Int) throws -> SearchFacets {
        let parts = try FilterSQL(filter, cjkInUse: try CJKIndex(connection: connection).hasArticles(),
                                  filterColumnsOnly: try FilterIndex.exists(connection))
        var tagged = parts
        var sampled: Int?
        if let cutoff = try parts.newestMatch(number: tagSample + 1, filter: filter, in: connection) {
            tagged.conditions.append("\(parts.idColumn) > ?")
            tagged.values.append(.integer(cutoff))
            sampled = tagSample
        }
        var tags: [ArchiveStats.TagCount] = []
        // Grouped without case, as the tag filter compares: `Energy` and `energy` are one facet.
        try connection.queryRows("""
            SELECT t.tag, count(*) AS n FROM \(tagged.from) JOIN article_tags t ON t.article_id = a.id \(tagged.whereClause)
            GROUP BY t.tag COLLATE NOCASE ORDER BY n DESC, t.tag LIMIT ?
            """, tagged.values + [.integer(Int64(tagLimit))], filter: filter) { row in
            tags.append(ArchiveStats.TagCount(tag: row.string(0), count: row.int(1)))
        }
        // Undated articles make a group of their own: with it the years add up to the
        // count of the whole filter, which then needs no pass of its own.
        var years: [PeriodCount] = []
        var total = 0
        try connection.queryRows("""
            SELECT substr(a.published, 1, 4) AS year, count(*) FROM \(parts.from) \(parts.whereClause)
            GROUP BY year ORDER BY year DESC
            """, parts.values, filter: filter) { row in
            total += row.int(1)
            if !row.isNull(0) { years.append(PeriodCount(period: row.string(0), count: row.int(1))) }
        }
        return SearchFacets(tags: tags, years: years, total: total, tagsAmongNewest: sampled)
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
