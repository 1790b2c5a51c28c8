/// The frame of every page: title, the site's navigation, the stylesheet (a file: the
/// Content-Security-Policy allows no inline styles or scripts), and the content.
enum Layout {
    static func page(title: String, current: String? = nil, _ content: HTML) -> HTML {
        let sections: [(path: String, label: String)] = [("/", "Search"), ("/stories", "Stories"), ("/stats", "Stats"), ("/sql", "SQL")]
        let navigation = sections.map { section -> HTML in
            section.path == current
                ? "<a href=\"\(section.path)\" aria-current=\"page\">\(section.label)</a>"
                : "<a href=\"\(section.path)\">\(section.label)</a>"
        }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · archive</title>
            <link rel="stylesheet" href="/style.css">
            </head>
            <body>
            <header><a class="home" href="/">archive</a> <nav>\(navigation)</nav></header>
            <main>
            \(content)
            </main>
            </body>
            </html>

            """
    }

    /// A date as the archive stores it (ISO 8601), shortened to the day.
    static func day(_ published: String?) -> String {
        published.map { String($0.prefix(10)) } ?? "undated"
    }

    static func tagList(_ tags: [String], linked: Bool = true) -> HTML {
        guard !tags.isEmpty else { return .empty }
        let items = tags.map { tag -> HTML in
            linked ? "<a class=\"tag\" href=\"/?\(QueryString(pairs: [("tag", tag)]).encoded)\">\(tag)</a>" : "<span class=\"tag\">\(tag)</span>"
        }
        return "<span class=\"tags\">\(items.joined(separator: " "))</span>"
    }
}
