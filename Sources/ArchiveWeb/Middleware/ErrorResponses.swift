import HTTPTypes
import Hummingbird
import Logging

/// Turns every error a handler throws into a response: an HTML page for the pages, a
/// JSON `{"error": "..."}` for the API and the exports. Hummingbird's own errors (no
/// such route, a body too large) get the same treatment.
struct ErrorResponses<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = Self.webError(error)
            if failure.status == .internalServerError { logger.error("\(request.method.rawValue) \(request.uri.path): \(error)") }
            var response = Self.isPage(request.uri.path) ? Reply.html(MessagePage.error(failure), status: failure.status) : Reply.jsonError(failure)
            if failure.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            return response
        }
    }

    static func webError(_ error: any Error) -> WebError {
        if let error = error as? HTTPError {
            return WebError(status: error.status, message: error.status == .notFound ? "no such page" : error.status.reasonPhrase)
        }
        return WebError.from(error)
    }

    /// Pages speak HTML; everything else (`/api/...`, exports, `/healthz`) JSON.
    static func isPage(_ path: String) -> Bool {
        path == "/" || path == "/stories" || path == "/stats" || path == "/sql" || path == "/login" || path.hasPrefix("/articles/")
    }
}
