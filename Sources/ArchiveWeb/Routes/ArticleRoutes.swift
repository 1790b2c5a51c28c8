import ArchiveCore
import HTTPTypes
import Hummingbird

/// `/articles/{id}` and `/api/articles/{id}`.
extension Site {
    /// How many other versions the article page compares in full.
    static let versionsCompared = 20

    func addArticleRoutes(to router: Router<Context>) {
        router.get("/articles/:id") { _, context -> Response in
            let id = try Self.articleID(context)
            let (article, versions) = try await workers.run { archive -> (ArticleView, [ArticleView]) in
                guard var article = try archive.article(id: id) else { throw WebError.notFound("no article with id \(id)") }
                article.versions = Array(article.versions.prefix(Self.versionsCompared))
                // A version deleted meanwhile (by another program) is left out of the comparison.
                let versions = try article.versions.map { try archive.article(id: $0.id) }
                article.versions = zip(article.versions, versions).filter { $1 != nil }.map(\.0)
                return (article, versions.compactMap { $0 })
            }
            return Reply.html(ArticlePage(article: article, versions: versions).html)
        }
        router.get("/api/articles/:id") { _, context -> Response in
            let id = try Self.articleID(context)
            let article = try await workers.run { archive -> ArticleView in
                guard let article = try archive.article(id: id) else { throw WebError.notFound("no article with id \(id)") }
                return article
            }
            return Reply.json(try WireJSON.string(article))
        }
    }

    static func articleID(_ context: Context) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw WebError.notFound("no article with id \(context.parameters.get("id") ?? "")")
        }
        return id
    }
}
