import ArchiveCore
import Foundation

/// `/articles/{id}`: the article, its metadata, every place it was seen, and the other
/// versions of its story with what differs between each and this one, word by word.
struct ArticlePage {
    let article: ArticleView
    /// The other versions, whole, in the order `article.versions` lists them.
    let versions: [ArticleView]

    var html: HTML {
        Layout.page(title: article.title, """
            <article>
            <h1 id="title">\(article.title)</h1>
            \(metadata)
            <div class="body" id="body">\(paragraphs)</div>
            </article>
            \(seen)
            \(otherVersions)
            <p class="exports"><a href="/api/articles/\(article.id)">JSON</a></p>
            """)
    }

    private var paragraphs: HTML {
        article.body.components(separatedBy: "\n").map(\.trimmingWhitespace).filter { !$0.isEmpty }
            .map { paragraph -> HTML in "<p>\(paragraph)</p>" }.joined(separator: "\n")
    }

    private var metadata: HTML {
        var rows: [HTML] = ["<tr><th>id</th><td>\(article.id)</td></tr>"]
        let asWritten: HTML = article.publishedRaw.map { " (as written: \($0))" } ?? .empty
        rows.append("<tr><th>published</th><td>\(article.published ?? "unknown")\(asWritten)</td></tr>")
        if !article.tags.isEmpty { rows.append("<tr><th>tags</th><td>\(Layout.tagList(article.tags))</td></tr>") }
        if let url = article.url { rows.append("<tr><th>url</th><td id=\"url\">\(SafeLink.html(url))</td></tr>") }
        if let source = article.source { rows.append("<tr><th>source</th><td>\(source)</td></tr>") }
        rows.append("<tr><th>imported</th><td>\(article.importedAt)</td></tr>")
        if let canonical = article.duplicateOf {
            let how = "\(article.matchRule ?? "?") \(String(format: "%.2f", article.similarity ?? 0))"
            rows.append("<tr><th>version of</th><td><a href=\"/articles/\(canonical)\">article \(canonical)</a> (matched by \(how))</td></tr>")
        }
        return "<table class=\"metadata\">\(rows.joined())</table>"
    }

    private var seen: HTML {
        let rows = article.sightings.map { s -> HTML in
            "<tr><td>\(s.path)</td><td>\(s.line)</td><td>\(s.byteOffset)</td><td>\(s.seenAt)</td></tr>"
        }
        return """
            <h2>Seen in</h2>
            <table id="sightings"><tr><th>file</th><th>line</th><th>byte</th><th>when</th></tr>\(rows.joined())</table>
            """
    }

    private var otherVersions: HTML {
        guard !article.versions.isEmpty else { return .empty }
        let sections = zip(article.versions, versions).map { summary, other -> HTML in
            var notes = [String(format: "jaccard %.2f", summary.jaccard), "\(summary.shingles) shingles"]
            if summary.isCanonical { notes.insert("canonical", at: 0) }
            if summary.isTruncatedCopy { notes.append("a cut-short copy of this one") }
            if summary.truncatesThis { notes.append("this one is a cut-short copy of it") }
            let titleDiff = WordDiff(from: article.title, to: other.title)
            let bodyDiff = WordDiff(from: article.body, to: other.body)
            return """
                <section class="version">
                <h3><a href="/articles/\(other.id)">\(other.title)</a></h3>
                <p class="meta">article \(other.id) · \(Layout.day(other.published)) · \(notes.joined(separator: ", "))</p>
                \(titleDiff.isEmpty ? .empty : "<p class=\"diff\">Title: \(Self.render(titleDiff))</p>")
                <p class="diff">\(bodyDiff.isEmpty ? "The same words." : Self.render(bodyDiff))</p>
                </section>
                """
        }
        return """
            <h2>Other versions of this story</h2>
            <p class="meta">Struck through: words only this article has; underlaid: words only the other version has.</p>
            <div id="versions">\(sections.joined())</div>
            """
    }

    static func render(_ diff: WordDiff) -> HTML {
        diff.runs.map { run -> HTML in
            switch run.change {
            case .same: return "\(run.text) "
            case .removed: return "<del>\(run.text)</del> "
            case .added: return "<ins>\(run.text)</ins> "
            }
        }.joined()
    }
}
