import ArchiveCore

/// `/sql`: a box for one read-only statement, its result as a table (the first rows
/// only; the CSV and JSON links give every row), or why it was refused.
struct SQLPage {
    struct Result: Sendable {
        var columns: [String] = []
        var rows: [[SQLValue]] = []
        /// More rows followed than a page shows.
        var isCut = false
    }

    let sql: String
    let result: Result?
    let error: WebError?

    var html: HTML {
        let example = "SELECT tag, count(*) AS n FROM article_tags GROUP BY tag ORDER BY n DESC LIMIT 10"
        let encoded = QueryString(pairs: [("sql", sql)]).encoded
        var output: HTML = .empty
        if let error {
            output = "<p class=\"error\" id=\"sql-error\">\(error.message)</p>"
        } else if let result {
            let header = result.columns.map { name -> HTML in "<th>\(name)</th>" }.joined()
            let rows = result.rows.map { row -> HTML in
                "<tr>\(row.map { value -> HTML in value.text.map { "<td>\($0)</td>" } ?? "<td class=\"meta\">null</td>" }.joined())</tr>"
            }.joined()
            let cut: HTML = result.isCut ? "<p class=\"meta\" id=\"cut\">Only the first \(result.rows.count) rows are shown; the CSV has them all.</p>" : .empty
            output = """
                <p class="meta">\(result.rows.count) \(result.rows.count == 1 ? "row" : "rows")</p>
                <table id="sql-result"><tr>\(header)</tr>\(rows)</table>
                \(cut)
                <p class="exports">This result as <a href="/sql.csv?\(encoded)">CSV</a> <a href="/api/sql?\(encoded)">JSON</a></p>
                """
        }
        return Layout.page(title: "SQL", current: "/sql", """
            <h1>SQL</h1>
            <form method="get" action="/sql">
            <textarea name="sql" rows="5" cols="80" placeholder="\(example)">\(sql)</textarea>
            <p><button type="submit">Run</button> <span class="meta">One statement that only reads; see the README's Schema.</span></p>
            </form>
            \(output)
            """)
    }
}
