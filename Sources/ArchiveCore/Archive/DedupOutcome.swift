/// What `archive dedup` did.
public struct DedupOutcome: Equatable, Sendable {
    public var checked = 0
    public var versions = 0
    /// It continued a check that was pending rather than starting over.
    public var resumed = false
    /// The thresholds it checked with (now the archive's).
    public var policy = NearDuplicatePolicy.standard
}
