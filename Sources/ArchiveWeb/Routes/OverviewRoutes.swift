import ArchiveCore
import HTTPTypes
import Hummingbird

/// `/stories` and `/stats`.
extension Site {
    /// Stories a page of `/stories` shows, and how deep `offset` may page.
    static let storiesShown = 500
    static let maximumStoryOffset = 1_000_000

    func addStoryAndStatsRoutes(to router: Router<Context>) {
        router.get("/stories") { request, _ -> Response in
            let offset = try QueryString(request.uri.query).number("offset", in: 0...Self.maximumStoryOffset) ?? 0
            // One more than shown: whether a next page exists.
            let stories = try await workers.run { try $0.stories(limit: Self.storiesShown + 1, offset: offset) }
            return Reply.html(StoriesPage(stories: Array(stories.prefix(Self.storiesShown)), offset: offset,
                                          hasMore: stories.count > Self.storiesShown).html)
        }
        router.get("/stats") { _, _ -> Response in
            let (stats, months) = try await workers.run { archive in (try archive.stats(topTags: 15), try archive.articlesPerMonth()) }
            return Reply.html(StatsPage(stats: stats, months: months).html)
        }
    }
}
