import CRank
import CSQLite

/// `archive_rank(10.0, 1.0, 4.0)`: how every search of this program ranks, in
/// articles_fts and articles_cjk alike. It is bm25 with the column weights of the
/// index's own `rank` (`RankLengths.Index.weights`), except that a query of one phrase
/// (one word, a quoted phrase, a prefix; `人工智能` is the phrase of its three pairs) is
/// ranked without bm25's inverse document frequency: that factor is the same for every
/// row, so the order is bm25's, and computing it cost a walk over every document holding
/// the phrase in the whole index, however few rows were then ranked (CRank/archive_rank.c).
enum ArchiveRank {
    /// A WHERE term that makes FTS5's `rank` of `table` this function for one query: FTS5
    /// then sorts by it inside the index, so a page of 20 joins 20 articles, where an
    /// ORDER BY on the function itself sorted every row of the window with its columns.
    /// `asOnePhrase`: the expression is one prefix the archive rewrote as the OR of the
    /// index terms under it (`PrefixExpansion`), to be ranked as FTS5 ranks a prefix:
    /// one phrase, its instances counted together. The index's document lengths are
    /// read from its table packed by `RankLengths` before FTS5's own (one page per few
    /// hundred rows, where a new process read one per match).
    static func rankOverride(of index: RankLengths.Index, asOnePhrase: Bool = false) -> String {
        "\(index.fullText).rank MATCH 'archive_rank(\(index.weights), \(asOnePhrase ? 1 : 0), ''\(index.table)'')'"
    }

    /// Every connection the archive opens gets the function (it lives in the process,
    /// not in the file: other programs rank with the indexes' own `rank`, bm25).
    static func register(on connection: Connection) throws {
        let code = archive_rank_register(connection.handle)
        guard code == SQLITE_OK else {
            throw SQLiteError(connection: connection.handle, code: code, sql: "SELECT fts5(?1)")
        }
    }
}
