import CRank
import CSQLite

/// `archive_rank(articles_cjk, 10.0, 1.0, 4.0)`: how searches that read the CJK index
/// alone rank. It is bm25 with the same column weights as the index's `rank`, except
/// that a query of one phrase (one word: `人工智能` is the phrase of its three pairs) is
/// ranked without bm25's inverse document frequency, which is the same for every row
/// and cost a walk over every document holding the phrase (CRank/archive_rank.c).
enum CJKRank {
    /// The column weights of the index's own `rank` (migrations/0008_cjk_index.sql).
    static let weights = "10.0, 1.0, 4.0"

    /// The function called on a row of articles_cjk.
    static let expression = "archive_rank(articles_cjk, \(weights))"

    /// A WHERE term that makes FTS5's `rank` this function for one query: FTS5 then
    /// sorts by it inside the index, so a page of 20 joins 20 articles, where an
    /// ORDER BY on the function itself sorted every row of the window with its columns.
    static let rankOverride = "rank MATCH 'archive_rank(\(weights))'"

    /// Every connection the archive opens gets the function (it lives in the process,
    /// not in the file: other programs use `rank`).
    static func register(on connection: Connection) throws {
        let code = archive_rank_register(connection.handle)
        guard code == SQLITE_OK else {
            throw SQLiteError(connection: connection.handle, code: code, sql: "SELECT fts5(?1)")
        }
    }
}
