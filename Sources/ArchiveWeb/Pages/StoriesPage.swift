import ArchiveCore
import Foundation

/// `/stories`: stories with more than one version, the most versions first.
struct StoriesPage {
    let stories: [StoryCluster]
    /// How many stories come before this page.
    let offset: Int
    let hasMore: Bool

    var html: HTML {
        let rows = stories.map { story -> HTML in
            let members = story.members.map { id -> HTML in "<a href=\"/articles/\(id)\">\(id)</a>" }.joined(separator: ", ")
            return """
                <tr><td><a href="/articles/\(story.canonical)">\(story.title)</a></td><td>\(story.members.count)</td>\
                <td>\(String(format: "%.2f", story.similarity))</td><td>\(members)</td></tr>
                """
        }
        var links: [HTML] = []
        if offset > 0 {
            links.append("<a rel=\"prev\" href=\"/stories?offset=\(max(0, offset - Site.storiesShown))\">previous</a>")
        }
        if hasMore, offset + stories.count <= Site.maximumStoryOffset {
            links.append("<a rel=\"next\" href=\"/stories?offset=\(offset + stories.count)\">next</a>")
        }
        let note: HTML = stories.isEmpty ? .empty : """
            <p class="meta" id="story-range">stories \(offset + 1) to \(offset + stories.count)</p>
            <p class="pager">\(links.joined(separator: " "))</p>
            """
        let table: HTML = stories.isEmpty
            ? (offset > 0 ? "<p>No stories this far: <a href=\"/stories\">the first page</a>.</p>" : "<p>No story has more than one version.</p>")
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
