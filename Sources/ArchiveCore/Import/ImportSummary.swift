/// What an import did, as `import` prints it (and `--json` writes it).
public struct ImportSummary: Equatable, Sendable {
    /// Files read, in full or in part.
    public var files = 0
    /// Files left alone because their bytes were imported before.
    public var filesSkipped = 0
    /// Paths that could not be opened or read.
    public var filesFailed = 0
    public var records = 0
    public var inserted = 0
    public var duplicates = 0
    /// New articles that are versions of a story already in the archive.
    public var nearDuplicates = 0
    /// Records that could not be imported (see `import_errors`).
    public var errors = 0
    public var warnings = 0
    public var bytes: Int64 = 0
    public var seconds = 0.0

    public init() {}

    public var hasProblems: Bool { errors > 0 || filesFailed > 0 }
}

/// Where an import reports what it is doing while it runs.
public protocol ImportObserver: AnyObject {
    /// A problem with one record or file, as `FILE:LINE: message`.
    func warning(_ message: String)
    /// A note about a file (skipped, resumed), for the user.
    func note(_ message: String)
    /// Called every few hundred records with the running totals.
    func progress(_ summary: ImportSummary, file: String, fileBytesDone: Int64, fileBytesTotal: Int64?)
}
