import ArchiveCore
import Foundation

/// `/`: the query box and filters, the hits with marked snippets, paging, the facets
/// of the current search, and links to the same results as CSV and JSON Lines.
struct SearchPage {
    let search: SearchRequest
    let results: SearchResults
    /// Where counting stopped when `results.total` is nil.
    let countLimit: Int?

    var html: HTML {
        let heading: HTML = search.query == nil
            ? "<h1>Newest articles</h1>"
            : "<h1>Search: \(search.query ?? "")</h1>"
        let count: HTML = "<p class=\"meta\" id=\"total\">\(totalText)\(showing)</p>"
        let hits = results.hits.map(hit)
        return Layout.page(title: search.query ?? "Search", current: "/", """
            \(form)
            \(heading)
            <div class="layout">
            <div class="results">
            \(count)
            \(hits.isEmpty ? "<p id=\"no-matches\">No articles match.</p>" : hits.joined())
            \(pager)
            \(exports)
            </div>
            \(facets)
            </div>
            """)
    }

    private var totalText: String {
        guard let total = results.total else { return "More than \(countLimit ?? 0) articles" }
        return "\(total) \(total == 1 ? "article" : "articles")"
    }

    private var showing: String {
        guard !results.hits.isEmpty else { return "" }
        return "; showing \(search.offset + 1)–\(search.offset + results.hits.count)"
    }

    private var form: HTML {
        let hiddenTags = search.tags.map { tag -> HTML in "<input type=\"hidden\" name=\"tag\" value=\"\(tag)\">" }.joined()
        let checked: HTML = search.allVersions ? " checked" : ""
        let raw: HTML = search.isRaw ? " checked" : ""
        return """
            <form class="search" method="get" action="/" role="search">
            <input type="search" name="q" value="\(search.query ?? "")" placeholder="Search every article" maxlength="\(SearchRequest.maximumQueryLength)" autofocus>
            <label>from <input type="text" name="since" value="\(search.since ?? "")" size="10" placeholder="YYYY-MM-DD"></label>
            <label>to <input type="text" name="until" value="\(search.until ?? "")" size="10" placeholder="YYYY-MM-DD"></label>
            <label><input type="checkbox" name="all_versions" value="1"\(checked)> all versions</label>
            <label title="phrases in quotes, OR, NOT, NEAR, prefix*"><input type="checkbox" name="raw" value="1"\(raw)> FTS5 syntax</label>
            \(hiddenTags)
            <button type="submit">Search</button>
            </form>
            """
    }

    private func hit(_ hit: SearchHit) -> HTML {
        let source: HTML = hit.source.map { " · \($0)" } ?? .empty
        let link: HTML = hit.url.map { " · " + SafeLink.html($0, label: "source link") } ?? .empty
        return """
            <article class="hit">
            <h2><a href="/articles/\(hit.id)">\(hit.title)</a></h2>
            <div class="meta">\(Layout.day(hit.published))\(source)\(link) \(Layout.tagList(hit.tags))</div>
            <p class="snippet">\(Self.marked(hit.snippet))</p>
            </article>
            """
    }

    /// The snippet escaped, then its match marks turned into `<mark>` elements.
    static func marked(_ snippet: String) -> HTML {
        let escaped = HTML.escape(snippet)
            .replacingOccurrences(of: SearchResults.htmlMarks.open, with: "<mark>")
            .replacingOccurrences(of: SearchResults.htmlMarks.close, with: "</mark>")
        return HTML(trustedMarkup: escaped)
    }

    private var pager: HTML {
        var links: [HTML] = []
        if search.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(search.page("/", offset: max(0, search.offset - search.limit)))\">← Newer results</a>")
        }
        if let next = results.nextOffset(after: search) {
            links.append("<a rel=\"next\" href=\"\(search.page("/", offset: next))\">More results →</a>")
        }
        return links.isEmpty ? .empty : "<p class=\"pager\">\(links.joined(separator: " "))</p>"
    }

    private var exports: HTML {
        """
        <p class="exports">These articles as <a href="\(search.link("/export.csv"))">CSV</a>
        <a href="\(search.link("/export.jsonl"))">JSON Lines</a>
        <a href="\(search.page("/api/search", offset: search.offset))">JSON (this page)</a></p>
        """
    }

    private var facets: HTML {
        guard let facets = results.facets else { return .empty }
        var filters: [HTML] = []
        for tag in search.tags {
            var without = search
            without.tags.removeAll { $0 == tag }
            filters.append("<li>tag <strong>\(tag)</strong> <a href=\"\(without.link("/"))\" title=\"remove this filter\">×</a></li>")
        }
        if search.since != nil || search.until != nil {
            var without = search
            without.since = nil
            without.until = nil
            filters.append("<li>dates \(search.since ?? "…") to \(search.until ?? "…") <a href=\"\(without.link("/"))\" title=\"remove this filter\">×</a></li>")
        }
        let tagItems = facets.tags.filter { tag in !search.tags.contains { $0.sameIgnoringCase(tag.tag) } }.map { tag -> HTML in
            var narrowed = search
            narrowed.tags.append(tag.tag)
            return "<li><a href=\"\(narrowed.link("/"))\">\(tag.tag)</a> \(tag.count)</li>"
        }
        let yearItems = facets.years.map { year -> HTML in
            var narrowed = search
            narrowed.since = year.period
            narrowed.until = year.period
            return "<li><a href=\"\(narrowed.link("/"))\">\(year.period)</a> \(year.count)</li>"
        }
        return """
            <aside class="facets">
            \(filters.isEmpty ? .empty : "<h3>Filters</h3><ul id=\"filters\">\(filters.joined())</ul>")
            <h3>Tags</h3>\(sampleNote(facets))<ul id="tag-facets">\(tagItems.joined())</ul>
            <h3>Years</h3>\(yearNote(facets))<ul id="year-facets">\(yearItems.joined())</ul>
            </aside>
            """
    }

    /// Says when the tag counts cover only the newest articles of a broad filter.
    private func sampleNote(_ facets: SearchFacets) -> HTML {
        guard let sample = facets.tagsAmongNewest else { return .empty }
        return "<p class=\"meta\" id=\"tag-sample\">among the newest \(sample) articles</p>"
    }

    /// Says when the year counts cover only the newest articles of a broad filter.
    private func yearNote(_ facets: SearchFacets) -> HTML {
        guard let sample = facets.yearsAmongNewest else { return .empty }
        return "<p class=\"meta\" id=\"year-sample\">among the newest \(sample) articles</p>"
    }
}

extension String {
    func sameIgnoringCase(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
