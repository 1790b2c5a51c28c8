import ArchiveCore

/// How `archive serve` runs: which archive, where it listens, the token, the limits.
public struct ServeConfiguration: Sendable {
    public var databasePath: String
    public var host: String
    /// 0 asks the system for a free port (the tests do).
    public var port: Int
    public var token: String?
    public var sqlTimeLimit: Duration
    public var sqlPageRows: Int
    /// A connection that sends nothing for this long is closed (slow or idle clients),
    /// and a streamed body (an export) that the client takes nothing of for this long
    /// is given up, so that slow readers cannot hold every worker thread.
    public var idleTimeout: Duration
    /// Threads that run the archive's calls: as many as the archive lends readers.
    public var workerThreads: Int
    /// Searches, facets and counts each reading connection remembers while the archive
    /// is unchanged (`Archive(answersKept:)`); 0 computes every answer.
    public var answersKept: Int
    /// How long a request waits for a lock another process holds on the archive (a
    /// writer in exclusive locking mode, a WAL recovery) before it is answered 503.
    public var busyTimeout: Duration
    /// How far a search page counts its matches (and its year facet) before it says
    /// "more than N" (`SearchResults`); nil counts every match.
    public var countLimit: Int?
    /// Test-only: called on the worker thread once a user's statement has been accepted
    /// (its columns are known) and before its first row is read, so a test can hold it
    /// there and make another request overlap it for certain.
    var statementAccepted: (@Sendable () -> Void)?

    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                sqlTimeLimit: Duration = .seconds(5), sqlPageRows: Int = 1_000, idleTimeout: Duration = .seconds(30),
                workerThreads: Int = 4, answersKept: Int = 64, busyTimeout: Duration = Archive.defaultBusyTimeout,
                countLimit: Int? = ServeConfiguration.defaultCountLimit) {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.sqlTimeLimit = sqlTimeLimit
        self.sqlPageRows = sqlPageRows
        self.idleTimeout = idleTimeout
        self.workerThreads = workerThreads
        self.answersKept = answersKept
        self.busyTimeout = busyTimeout
        self.countLimit = countLimit
    }

    /// The newest matches a search ranks (`SearchReach.standard`): a page for a word in
    /// half of a million articles would otherwise visit every match to say how many
    /// there are, which was most of its time.
    public static let defaultCountLimit = SearchReach.standardWindow

    /// Refuses what would be unsafe or cannot work, before anything is opened.
    public func validate() throws(ServeRefusal) {
        if !Self.isLoopback(host) && token == nil { throw .tokenNeeded(host: host) }
        if let token {
            guard token.count >= 8 else { throw .weakToken }
            guard token.unicodeScalars.allSatisfy({ Self.tokenCharacters.contains($0) }) else { throw .tokenCharacters }
        }
        guard (0...65_535).contains(port) else { throw .badPort(port) }
        guard sqlTimeLimit > .zero else { throw .badTimeLimit }
    }

    /// Letters, digits and `-._~+/=`: what fits a header and a cookie unquoted.
    static let tokenCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/=".unicodeScalars)

    /// Only this machine can reach the server: 127.0.0.0/8, ::1, localhost.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}

/// Why `archive serve` will not start.
public enum ServeRefusal: Error, Equatable, CustomStringConvertible {
    case tokenNeeded(host: String)
    case weakToken
    case tokenCharacters
    case badPort(Int)
    case badTimeLimit

    public var description: String {
        switch self {
        case .tokenNeeded(let host):
            return "refusing to listen on \(host) without a token: other machines could read the archive. "
                + "Give --token T (or set ARCHIVE_TOKEN), or listen on 127.0.0.1"
        case .weakToken: return "the token is too short (at least 8 characters)"
        case .tokenCharacters: return "the token may hold only letters, digits and - . _ ~ + / ="
        case .badPort(let port): return "no such port: \(port)"
        case .badTimeLimit: return "the SQL time limit must be more than 0 seconds"
        }
    }
}
