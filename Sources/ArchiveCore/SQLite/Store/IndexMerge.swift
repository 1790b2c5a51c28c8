/// `archive optimize`: merges each full-text index into one segment. Imports merge
/// segments only a few pages at a time (migrations/0014_bounded_merges.sql); this is
/// where all of it is done at once, when the user chooses, in one transaction per index.
struct IndexMerge {
    let connection: Connection

    /// The full-text indexes an archive keeps, with what each is called for people.
    static let indexes = [("articles_fts", "full-text index"), ("articles_cjk", "CJK index")]

    /// How many segments the index is made of: every segment has rows in its `_idx`
    /// table, one per leaf page that starts a new term (a few per megabyte of index).
    func segments(of index: String) throws -> Int {
        try connection.scalarInt("SELECT count(DISTINCT segid) FROM \(index)_idx")
    }

    /// Merges one index into a single segment. A no-op for an index of one segment.
    func merge(_ index: String) throws {
        try connection.transaction {
            try connection.execute("INSERT INTO \(index)(\(index)) VALUES ('optimize')")
        }
    }
}
