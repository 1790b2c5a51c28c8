import HTTPTypes
import Hummingbird
import Logging

/// One log line per request: method, path (without its query, which may hold a user's
/// search or SQL), status and time taken.
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: start)
            return response
        } catch {
            log(request, status: WebError.from(error).status.code, since: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = start.duration(to: .now)
        let milliseconds = elapsed.inSeconds * 1000
        logger.info("\(request.method.rawValue) \(request.uri.path) \(status) \(Int(milliseconds.rounded())) ms")
    }
}
