/// What an import did, as `import` prints it (and `--json` writes it).
public struct ImportSummary: Equatable, Sendable, Encodable {
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

    enum CodingKeys: String, CodingKey {
        case files, filesSkipped = "files_skipped", filesFailed = "files_failed", records, inserted, duplicates
        case nearDuplicates = "near_duplicates", errors, warnings, bytes, seconds
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(files, forKey: .files)
        try c.encode(filesSkipped, forKey: .filesSkipped)
        try c.encode(filesFailed, forKey: .filesFailed)
        try c.encode(records, forKey: .records)
        try c.encode(inserted, forKey: .inserted)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(nearDuplicates, forKey: .nearDuplicates)
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(bytes, forKey: .bytes)
        // Milliseconds are all a person or a script can use.
        try c.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
    }
}

/// Where an import reports what it is doing while it runs.
public protocol ImportObserver: AnyObject {
    /// A problem with one record or file, as `FILE:LINE: message`.
    func warning(_ message: String)
    /// Something the user should know about a file or the run (skipped, resumed).
    func note(_ note: ImportNote)
    /// Called every few hundred records with the running totals.
    func progress(_ summary: ImportSummary, file: String, fileBytesDone: Int64, fileBytesTotal: Int64?)
}
