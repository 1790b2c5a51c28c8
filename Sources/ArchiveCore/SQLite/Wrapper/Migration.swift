/// One schema step from `migrations/NNNN_name.sql`, compiled into the binary by the
/// EmbedMigrations plugin. A shipped migration is never edited; a change is a new file.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The migrations this binary carries, in version order.
    public static var bundled: [Migration] { bundledMigrations.sorted { $0.version < $1.version } }
}
