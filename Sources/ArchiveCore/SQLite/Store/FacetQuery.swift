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
    ///
    /// `walked`: the matches this read's ranking window walked, not walked again.
    func facets(_ filter: ArticleFilter, tagLimit: Int, tagSample: Int, countLimit: Int? = nil,
                walked: WalkedMatches? = nil) throws -> SearchFacets {
        let parts = try FilterSQL.walkingNewestFirst(filter, on: connection, filterColumnsOnly: try FilterIndex.exists(connection))
        let newest = try newestCovered(parts, filter: filter, limit: max(countLimit ?? 0, tagSample) + 1, yearsAmong: countLimit ?? 0,
                                       walked: walked)
        let tags = try tagCounts(of: newest.ids.prefix(tagSample), limit: tagLimit)
        let sampled = newest.ids.count > tagSample ? tagSample : nil
        if let countLimit {
            let more = newest.ids.count > countLimit
            return SearchFacets(tags: tags, years: Self.newestFirst(newest.perYear), total: more ? nil : newest.ids.count,
                                tagsAmongNewest: sampled, yearsAmongNewest: more ? countLimit : nil)
        }
        // Undated articles are walked too: with them the years add up to the count of
        // the whole filter, which then needs no pass of its own.
        var perYear: [String: Int] = [:]
        var walked = 0
        try connection.queryRows("SELECT substr(a.published, 1, 4) FROM \(parts.from) \(parts.whereClause)", parts.values,
                                 filter: filter) { row in
            walked += 1
            if !row.isNull(0) { perYear[row.string(0), default: 0] += 1 }
        }
        return SearchFacets(tags: tags, years: Self.newestFirst(perYear), total: walked, tagsAmongNewest: sampled, yearsAmongNewest: nil)
    }

    /// A tag facet's columns and groups: each group of tags equal but for case is shown
    /// by its first spelling in binary order, so the facet does not depend on the order
    /// its rows were read in; the most frequent first, up to a bound limit.
    private static let tagCounts = "min(t.tag) AS name, count(*) AS n"
    private static let tagGroups = "GROUP BY t.tag COLLATE NOCASE ORDER BY n DESC, name LIMIT ?"

    /// The ids of the newest `limit` articles the filter covers, newest first (fewer
    /// when it covers fewer), and the years of the newest `yearsAmong` of them, from
    /// one walk of the matches: against the filter's bits (`CoveredMatches`) when they
    /// pay, else by one statement that reads each match's year as it tests its article.
    /// (Three statements walked the matches before: to the tags' cutoff, to it again
    /// for the tags, and to the count limit for the years; a page of a common phrase
    /// paid each walk.) Grouping the tags in the walk's statement instead would keep
    /// SQLite from stopping it at `limit`.
    private func newestCovered(_ parts: FilterSQL, filter: ArticleFilter, limit: Int, yearsAmong: Int,
                               walked: WalkedMatches?) throws -> (ids: [Int64], perYear: [String: Int]) {
        var perYear: [String: Int] = [:]
        let walk = CoveredMatches(connection: connection)
        if filter.query != nil, let set = try walk.filterSet(parts, filter: filter, limit: limit, walked: walked) {
            let ids = try walk.newest(parts, set: set, filter: filter, limit: limit, after: walked)
            if let year = try onlyYear(of: filter) {
                let dated = min(ids.count, yearsAmong)
                return (ids, dated > 0 ? [year: dated] : [:])
            }
            // The months of the blocks most of them fall in, else each one's date.
            var unpacked: [Int64] = []
            perYear = try FilterBlocks(connection: connection).yearsOfPackedIDs(ids.prefix(yearsAmong), leftOver: &unpacked)
            let articles = try FilterIndex.articlesForFilterColumns(connection)
            try connection.prepare("""
                SELECT substr(a.published, 1, 4) FROM json_each(?) j CROSS JOIN \(articles) ON a.id = j.value
                WHERE a.published IS NOT NULL
                """).bind(.jsonIDs(unpacked)).forEachRow { row in
                perYear[row.string(0), default: 0] += 1
            }
            return (ids, perYear)
        }
        var ids: [Int64] = []
        try connection.queryRows("""
            SELECT \(parts.idColumn), substr(a.published, 1, 4) FROM \(parts.from) \(parts.whereClause)
            ORDER BY \(parts.idColumn) DESC LIMIT ?
            """, parts.values + [.integer(Int64(limit))], filter: filter) { row in
            ids.append(Int64(row.int(0)))
            if ids.count <= yearsAmong, !row.isNull(1) { perYear[row.string(1), default: 0] += 1 }
        }
        return (ids, perYear)
    }

    /// The year every article `filter` covers was published in, when its dates lie
    /// within one calendar year (a page filtered to a year, as a click on a year facet
    /// makes it): its years need no look-up of each article's date, which was a sixth
    /// of such a page at 1,000,000 articles. nil otherwise. Dates are compared as text:
    /// between two bounds that start with `YYYY-`, every date starts so too; up to the
    /// next year's first second, only a date written shorter than ours (`2023`,
    /// `2023-01-01`, as another program might) sorts in without starting with the year,
    /// and an archive holding one is counted one by one.
    func onlyYear(of filter: ArticleFilter) throws -> String? {
        guard let since = filter.since, let until = filter.until, since.count >= 5,
              let year = Int(since.prefix(4)), since.dropFirst(4).first == "-" else { return nil }
        let prefix = String(since.prefix(5))
        if until.hasPrefix(prefix) { return String(since.prefix(4)) }
        let next = String(format: "%04d", year + 1)
        guard until == "\(next)-01-01T00:00:00" else { return nil }
        let shorter = try connection.scalarInt("SELECT count(*) FROM articles WHERE published >= ? AND published < ?",
                                               .text(next), .text(until))
        return shorter == 0 ? String(since.prefix(4)) : nil
    }

    /// The `limit` most frequent tags of the articles `ids`, grouped as the statement's
    /// `GROUP BY t.tag COLLATE NOCASE` groups them (ASCII letters folded), each group
    /// named by its first spelling in binary order. Counted here: SQLite sorted the rows
    /// to group them, more than half the time of the tags of a page's 2,000 articles at
    /// 1,000,000 (5 of 9 ms). A tag that is not text (only another program can write
    /// one) sends the count back to the statement, which groups it as SQLite does.
    private func tagCounts(of ids: ArraySlice<Int64>, limit: Int) throws -> [ArchiveStats.TagCount] {
        var groups: [[UInt8]: (name: [UInt8], count: Int)] = [:]
        var allText = true
        try connection.prepare("SELECT t.tag FROM json_each(?) j CROSS JOIN article_tags t ON t.article_id = j.value")
            .bind(.jsonIDs(ids)).forEachRow { row in
                guard allText, row.isText(0) else {
                    allText = false
                    return
                }
                row.withUTF8(0) { bytes in
                    let spelling = bytes.map { Array($0) } ?? []
                    let key = NoCase.key(spelling)
                    if let group = groups[key] {
                        groups[key] = (spelling.lexicographicallyPrecedes(group.name) ? spelling : group.name, group.count + 1)
                    } else {
                        groups[key] = (spelling, 1)
                    }
                }
            }
        guard allText else { return try tagCountsBySQL(of: ids, limit: limit) }
        return groups.values
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name.lexicographicallyPrecedes($1.name) }
            .prefix(limit).map { ArchiveStats.TagCount(tag: String(decoding: $0.name, as: UTF8.self), count: $0.count) }
    }

    private func tagCountsBySQL(of ids: ArraySlice<Int64>, limit: Int) throws -> [ArchiveStats.TagCount] {
        var tags: [ArchiveStats.TagCount] = []
        try connection.prepare("""
            SELECT \(Self.tagCounts) FROM json_each(?) j CROSS JOIN article_tags t ON t.article_id = j.value
            \(Self.tagGroups)
            """).bind(.jsonIDs(ids), .integer(Int64(limit))).forEachRow { row in
            tags.append(ArchiveStats.TagCount(tag: row.string(0), count: row.int(1)))
        }
        return tags
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
