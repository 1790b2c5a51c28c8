import ArchiveCore
import HTTPTypes

/// What a request gets instead of what it asked for: a status and one sentence. Pages
/// show it as HTML, the API and exports as `{"error": "..."}`.
struct WebError: Error, Equatable {
    let status: HTTPResponse.Status
    let message: String

    static func badRequest(_ message: String) -> WebError { WebError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> WebError { WebError(status: .notFound, message: message) }
    static func tooLarge(_ message: String) -> WebError { WebError(status: .contentTooLarge, message: message) }
    /// As `from`, for a statement of the user's: what SQLite says about it is the answer.
    static func fromUserSQL(_ error: any Error) -> WebError {
        if let error = error as? SQLiteError, error.code != 5, error.code != 6 { return .badRequest("SQLite: \(error.message)") }
        return from(error)
    }

    static let unauthorized = WebError(status: .unauthorized, message: "a token is needed: send Authorization: Bearer TOKEN, or log in at /login")

    /// The status and words for any error a handler lets through: the archive's own
    /// errors say what was wrong with the request; anything unexpected is a 500 whose
    /// details go to the log, not to the client.
    static func from(_ error: any Error) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as SearchError:
            return .badRequest(error.description)
        case let error as SQLRefusal:
            return .badRequest("refused: \(error.description)")
        case let error as SQLTimeLimitExceeded:
            return .badRequest(error.description)
        case ArchiveError.busy, ArchiveError.closed:
            return WebError(status: .serviceUnavailable, message: "the archive is busy; try again shortly")
        case let error as SQLiteError where error.code == 5 || error.code == 6:  // SQLITE_BUSY, SQLITE_LOCKED
            return WebError(status: .serviceUnavailable, message: "the archive is busy; try again shortly")
        default:
            return WebError(status: .internalServerError, message: "internal error")
        }
    }
}
