import ArchiveCore
import HTTPTypes
import Hummingbird

/// `/stories` and `/stats`.
extension Site {
    static let storiesShown = 500

    func addStoryAndStatsRoutes(to router: Router<Context>) {
        router.get("/stories") { _, _ -> Response in
            let stories = try await workers.run { try $0.stories(limit: Self.storiesShown) }
            return Reply.html(StoriesPage(stories: stories, limit: Self.storiesShown).html)
        }
        router.get("/stats") { _, _ -> Response in
            let (stats, months) = try await workers.run { archive in (try archive.stats(topTags: 15), try archive.articlesPerMonth()) }
            return Reply.html(StatsPage(stats: stats, months: months).html)
        }
    }
}
