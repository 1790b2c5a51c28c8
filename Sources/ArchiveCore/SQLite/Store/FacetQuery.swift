/// Counts over the articles a filter covers, grouped by tag or by period of
/// publication: a search page's facets and the stats page's chart.
struct FacetQuery {
    let connection: Connection

    /// The `tagLimit` most frequent tags and every year, among the articles `filter`
    /// covers, and how many those are. The tags of a filter covering more than
    /// `tagSample` articles are counted among its `tagSample` newest only: every tag of
    /// every match was the dearest part of a search page for a common word (a lookup of
    /// each match's tags), and of the front page, which covers every article.
    ///
    /// With a `countLimit`, the years are counted among the `countLimit` newest articles
    /// the filter covers, walked newest first, and a filter covering more has no total:
    /// counting every match was most of a search page for a common word.
    func facets(_ filter: ArticleFilter, tagLimit: Int, tagSample: Int, countLimit: Int? = nil) throws -> SearchFacets {
        let parts = try FilterSQL.walkingNewestFirst(filter, on: connection, filterColumnsOnly: try FilterIndex.exists(connection))
        if let countLimit, filter.query != nil,
           let set = try CoveredMatches(connection: connection).filterSet(parts, filter: filter, limit: max(countLimit, tagSample) + 1) {
            return try facetsOfNewest(parts, set: set, filter: filter, tagLimit: tagLimit, tagSample: tagSample, countLimit: countLimit)
        }
        var tagged = parts
        var sampled: Int?
        if let cutoff = try parts.newestCovered(number: tagSample + 1, filter: filter, in: connection) {
            tagged.conditions.append("\(parts.idColumn) > ?")
            tagged.values.append(.integer(cutoff))
            sampled = tagSample
        }
        var tags: [ArchiveStats.TagCount] = []
        // Grouped without case, as the tag filter compares: `Energy` and `energy` are one facet.
        // CROSS JOIN keeps the articles as the outer loop: SQLite would otherwise walk
        // every tag in the tag index's order (it matches the GROUP BY), past the cutoff.
        try connection.queryRows("""
            SELECT \(Self.tagCounts) FROM \(tagged.from) CROSS JOIN article_tags t ON t.article_id = a.id \(tagged.whereClause)
            \(Self.tagGroups)
            """, tagged.values + [.integer(Int64(tagLimit))], filter: filter) { row in
            tags.append(ArchiveStats.TagCount(tag: row.string(0), count: row.int(1)))
        }
        // Undated articles are walked too: with them the years add up to the count of
        // the whole filter, which then needs no pass of its own. One row past the limit
        // says that there are more.
        var perYear: [String: Int] = [:]
        var walked = 0
        let newestFirst = countLimit == nil ? "" : "ORDER BY \(parts.idColumn) DESC LIMIT ?"
        try connection.queryRows(
            "SELECT substr(a.published, 1, 4) FROM \(parts.from) \(parts.whereClause) \(newestFirst)",
            parts.values + (countLimit.map { [.integer(Int64($0 + 1))] } ?? []), filter: filter) { row in
            walked += 1
            if walked <= countLimit ?? .max, !row.isNull(0) { perYear[row.string(0), default: 0] += 1 }
        }
        let years = Self.newestFirst(perYear)
        let more = countLimit.map { walked > $0 } ?? false
        return SearchFacets(tags: tags, years: years, total: more ? nil : walked, tagsAmongNewest: sampled,
                            yearsAmongNewest: more ? countLimit : nil)
    }

    /// A tag facet's columns and groups: each group of tags equal but for case is shown
    /// by its first spelling in binary order, so the facet does not depend on the order
    /// its rows were read in; the most frequent first, up to a bound limit.
    private static let tagCounts = "min(t.tag) AS name, count(*) AS n"
    private static let tagGroups = "GROUP BY t.tag COLLATE NOCASE ORDER BY n DESC, name LIMIT ?"

    /// The facets from the newest matches the filter covers, found by a walk against
    /// its bits (`CoveredMatches`): one walk finds the newest `tagSample` for the tags
    /// and the newest `countLimit` for the years, where statements walked them twice
    /// (and first once more for the tags' cutoff), each looking up every match's article.
    private func facetsOfNewest(_ parts: FilterSQL, set: FilterSet, filter: ArticleFilter, tagLimit: Int, tagSample: Int,
                                countLimit: Int) throws -> SearchFacets {
        let ids = try CoveredMatches(connection: connection).newest(parts, set: set, filter: filter,
                                                                    limit: max(countLimit, tagSample) + 1)
        var tags: [ArchiveStats.TagCount] = []
        try connection.prepare("""
            SELECT \(Self.tagCounts) FROM json_each(?) j CROSS JOIN article_tags t ON t.article_id = j.value
            \(Self.tagGroups)
            """).bind(.jsonIDs(ids.prefix(tagSample)), .integer(Int64(tagLimit))).forEachRow { row in
            tags.append(ArchiveStats.TagCount(tag: row.string(0), count: row.int(1)))
        }
        let articles = try FilterIndex.articlesForFilterColumns(connection)
        var perYear: [String: Int] = [:]
        try connection.prepare("""
            SELECT substr(a.published, 1, 4) FROM json_each(?) j CROSS JOIN \(articles) ON a.id = j.value
            WHERE a.published IS NOT NULL
            """).bind(.jsonIDs(ids.prefix(countLimit))).forEachRow { row in
            perYear[row.string(0), default: 0] += 1
        }
        let more = ids.count > countLimit
        return SearchFacets(tags: tags, years: Self.newestFirst(perYear), total: more ? nil : ids.count,
                            tagsAmongNewest: ids.count > tagSample ? tagSample : nil, yearsAmongNewest: more ? countLimit : nil)
    }

    private static func newestFirst(_ perYear: [String: Int]) -> [PeriodCount] {
        perYear.map { PeriodCount(period: $0.key, count: $0.value) }.sorted { $0.period > $1.period }
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
