/// `archive optimize`: merges each full-text index into one segment. Imports merge
/// segments only a few pages at a time (migrations/0014_bounded_merges.sql); this is
/// where all of it is done at once, when the user chooses, in one transaction per index.
struct IndexMerge {
    let connection: Connection

    /// The full-text indexes an archive keeps, with what each is called for people.
    static let indexes = [("articles_fts", "full-text index"), ("articles_cjk", "CJK index")]

    /// How many segments the index is made of, as FTS5's structure record lists them,
    /// less the inputs a merge under way has emptied: those keep their rows in `_idx`
    /// until the merge ends. For a record `SegmentTerms` cannot read, the segments with
    /// rows in `_idx` (one per leaf page that starts a new term).
    func segments(of index: String) throws -> Int {
        if let listed = try SegmentTerms(connection: connection, index: index).segments() {
            return listed.count { !$0.isEmpty }
        }
        return try connection.scalarInt("SELECT count(DISTINCT segid) FROM \(index)_idx")
    }

    /// Merges one index into a single segment. A no-op for an index of one segment.
    func merge(_ index: String) throws {
        try connection.transaction {
            try connection.execute("INSERT INTO \(index)(\(index)) VALUES ('optimize')")
        }
    }
}
