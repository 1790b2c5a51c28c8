import HTTPTypes
import Hummingbird

/// With a token set, every request must carry it: `Authorization: Bearer TOKEN`, or the
/// cookie the login form sets. The health check, the login form and the stylesheet
/// are open (they show nothing of the archive).
struct TokenGate<Context: RequestContext>: RouterMiddleware {
    let token: String
    static var cookieName: String { "archive_token" }
    static var openPaths: Set<String> { ["/healthz", "/login", "/style.css"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.openPaths.contains(request.uri.path) || carriesToken(request) else { throw WebError.unauthorized }
        return try await next(request, context)
    }

    private func carriesToken(_ request: Request) -> Bool {
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer "),
           Self.same(String(authorization.dropFirst("Bearer ".count)), token) {
            return true
        }
        if let cookie = request.cookies[Self.cookieName], Self.same(cookie.value, token) { return true }
        return false
    }

    /// Compares in time that depends on the lengths only, not on where they differ.
    static func same(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        var difference = a.count ^ b.count
        for index in 0..<b.count { difference |= Int(b[index] ^ (index < a.count ? a[index] : 0)) }
        return difference == 0
    }
}
