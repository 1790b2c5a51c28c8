/// The articles a filter without a query covers, newest first by publication (undated
/// ones last, by id): what a search page shows before anything is searched.
struct NewestArticles {
    let connection: Connection

    func list(_ filter: ArticleFilter, limit: Int, offset: Int) throws -> [SearchHit] {
        var unqueried = filter
        unqueried.query = nil
        let parts = try FilterSQL(unqueried, cjkInUse: false)
        // Enough of the body for the snippet; the rest of a long body is not read.
        let sql = """
            SELECT a.id, a.title, a.published, a.tags, substr(a.body, 1, ?), a.url, a.source
            FROM \(parts.from) \(parts.whereClause) ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?
            """
        var hits: [SearchHit] = []
        let values: [SQLValue] = [.integer(Int64(ArticleView.snippetLength * 2))] + parts.values
            + [.integer(Int64(limit)), .integer(Int64(offset))]
        try connection.queryRows(sql, values, filter: unqueried) { row in
            hits.append(SearchHit(
                id: Int64(row.int(0)), title: row.string(1), published: row.optionalString(2),
                tags: StoredTags.decode(row.string(3)), snippet: String(row.string(4).prefix(ArticleView.snippetLength)),
                rank: nil, url: row.optionalString(5), source: row.optionalString(6)))
        }
        return hits
    }
}
