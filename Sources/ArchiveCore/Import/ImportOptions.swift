/// How an import reads and commits.
public struct ImportOptions: Sendable {
    public var format: DumpFormat?
    public var force = false
    /// Check new articles for near duplicates (versions of a story already in).
    /// Off, they are left for `archive dedup`.
    public var nearDuplicates = true
    /// A transaction is committed after this many records or bytes of input,
    /// whichever comes first: large transactions make fewer, larger index segments.
    public var commitRecords = 20_000
    public var commitBytes: Int64 = 64 << 20
    /// A compressed file's records commit only once the checksum of the member they
    /// came from has been checked; a member that grows this large (decoded) without one
    /// is checked by a decode of the whole file of its own, so transactions stay bounded.
    public var uncheckedBytes: Int64 = 256 << 20
    /// Records the reader hands over at a time (memory stays small).
    public var feedRecords = 500
    /// Articles indexed for full-text search at a time while the reader is busy.
    public var indexChunk = 500
    /// Bytes of CJK index entries made while reading that wait for their articles to be
    /// indexed; past this, the pending articles are indexed at once (`MadeCJKEntries`).
    public var madeCJKBytes = MadeCJKEntries.defaultBudget
    /// Near-duplicate candidate keys held in memory before they are written, in key
    /// order, into near_keys_recent (`NearDuplicateIndex`); they are written at every
    /// commit too.
    public var heldNearKeys = NearDuplicateIndex.defaultHeldKeys
    /// Which JSON members or CSV columns hold which field where a dump names them
    /// unusually (`--map`), and whether a missing title is taken from the body.
    public var fields = FieldRules()
    /// Test-only stops (README, "Development"); nil in normal use.
    public var holds: HoldPoints?

    public init(format: DumpFormat? = nil, force: Bool = false, nearDuplicates: Bool = true) {
        self.format = format
        self.force = force
        self.nearDuplicates = nearDuplicates
    }
}
