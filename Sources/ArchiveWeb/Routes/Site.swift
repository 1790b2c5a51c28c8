import ArchiveCore
import HTTPTypes
import Hummingbird

/// What every route needs: the archive's workers and the limits set at start.
struct Site: Sendable {
    let workers: ArchiveWorkers
    /// How long one statement of a user's may run.
    let sqlTimeLimit: Duration
    /// How many rows the SQL page shows (CSV and JSON give them all).
    let sqlPageRows: Int
    /// The token every request must carry, when one is set.
    let token: String?
    /// How long a streamed body waits for a client that takes nothing (`ChunkPipe`).
    let stallLimit: Duration
    /// See `ServeConfiguration.countLimit`.
    let countLimit: Int?
    /// See `ServeConfiguration.statementAccepted`.
    var statementAccepted: (@Sendable () -> Void)? = nil

    typealias Context = BasicRequestContext

    func addRoutes(to router: Router<Context>) {
        addSearchRoutes(to: router)
        addArticleRoutes(to: router)
        addStoryAndStatsRoutes(to: router)
        addSQLRoutes(to: router)
        addExportRoutes(to: router)
        addOpenRoutes(to: router)
    }
}
