import ArchiveCore

/// `/stats`: what `archive stats` says, articles per month and the top tags as charts.
struct StatsPage {
    let stats: ArchiveStats
    let months: [PeriodCount]

    var html: HTML {
        let s = stats
        let published: HTML = s.earliest.map { earliest in "\(earliest) to \(s.latest ?? earliest)" } ?? "no dates"
        let rows: [(String, HTML)] = [
            ("articles", "\(s.articles)"),
            ("duplicates seen", "\(s.duplicatesSeen) exact \(s.duplicatesSeen == 1 ? "copy" : "copies")"),
            ("stories", "\(s.stories), \(s.clusters) of them with more than one version (\(s.versions) versions)"
                + (s.dedupPending ? "; near-duplicate check pending" : "")),
            ("files imported", "\(s.files)" + (s.filesIncomplete > 0 ? " (\(s.filesIncomplete) interrupted)" : "")),
            ("import errors", "\(s.importErrors)"),
            ("published", published + (s.undated > 0 ? ", \(s.undated) undated" : "")),
            ("size on disk", "\(s.fileBytes) bytes"),
        ]
        let table = rows.map { name, value -> HTML in "<tr><th>\(name)</th><td>\(value)</td></tr>" }.joined()
        return Layout.page(title: "Stats", current: "/stats", """
            <h1>What the archive holds</h1>
            <table id="stats">\(table)</table>
            <h2>Articles per month</h2>
            \(BarChart.columns(months.map { ($0.period, $0.count) }, id: "per-month"))
            <h2>Top tags</h2>
            \(BarChart.rows(s.topTags.map { ($0.tag, $0.count) }, id: "top-tags"))
            """)
    }
}
