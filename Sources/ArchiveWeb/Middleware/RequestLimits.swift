import HTTPTypes
import Hummingbird

/// Bounds what a request may send before any handler reads it: the URL's length, and a
/// body (only the login form has one) by its declared length. The HTTP decoder bounds
/// the headers (`WebServer`), and each handler its parameters (`SearchRequest`).
struct RequestLimits<Context: RequestContext>: RouterMiddleware {
    static var maximumURLLength: Int { 8 * 1024 }
    static var maximumBodyLength: Int { 4 * 1024 }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.string.utf8.count <= Self.maximumURLLength else {
            throw WebError.tooLarge("the URL is too long (at most \(Self.maximumURLLength) bytes)")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > Self.maximumBodyLength {
            throw WebError.tooLarge("the request body is too large (at most \(Self.maximumBodyLength) bytes)")
        }
        return try await next(request, context)
    }

    /// The body, read up to the limit (a body without a declared length is counted as it comes).
    static func body(of request: Request) async throws -> String {
        var bytes: [UInt8] = []
        for try await chunk in request.body {
            bytes += chunk.readableBytesView
            guard bytes.count <= maximumBodyLength else {
                throw WebError.tooLarge("the request body is too large (at most \(maximumBodyLength) bytes)")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
