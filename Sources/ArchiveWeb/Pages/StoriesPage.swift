import ArchiveCore
import Foundation

/// `/stories`: stories with more than one version, the most versions first.
struct StoriesPage {
    let stories: [StoryCluster]
    let limit: Int

    var html: HTML {
        let rows = stories.map { story -> HTML in
            let members = story.members.map { id -> HTML in "<a href=\"/articles/\(id)\">\(id)</a>" }.joined(separator: ", ")
            return """
                <tr><td><a href="/articles/\(story.canonical)">\(story.title)</a></td><td>\(story.members.count)</td>\
                <td>\(String(format: "%.2f", story.similarity))</td><td>\(members)</td></tr>
                """
        }
        let note: HTML = stories.count == limit ? "<p class=\"meta\">The first \(limit) stories.</p>" : .empty
        let table: HTML = stories.isEmpty
            ? "<p>No story has more than one version.</p>"
            : """
              <table id="stories"><tr><th>story (canonical version)</th><th>versions</th><th>lowest similarity</th>\
              <th>articles</th></tr>\(rows.joined())</table>
              """
        return Layout.page(title: "Stories", current: "/stories", """
            <h1>Stories with more than one version</h1>
            \(table)
            \(note)
            """)
    }
}
