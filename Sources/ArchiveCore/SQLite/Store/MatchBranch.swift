/// One full-text index a query's matches come from: the table, the number a match from
/// it reports as its source (0 for articles_fts, 1 for articles_cjk), the condition that
/// says which articles it answers for (with its rank function), and the MATCH
/// expression it is asked. Statements that walk its matches newest first are made here,
/// so the ranking window and the filtered walks read an index the same way.
struct MatchBranch {
    let table: String
    let source: Int
    let condition: String
    let expression: SQLValue
    /// True when `condition` leaves out no article (it only names the rank function):
    /// then the index's own lists say which articles match (`TermDocuments`).
    var conditionOnlyRanks = false

    /// Its matches with their scores and its source number, as `id, score, source`;
    /// binds the expression.
    var scored: String {
        "SELECT rowid AS id, rank AS score, \(source) AS source FROM \(table) WHERE \(table) MATCH ? AND \(condition)"
    }

    /// The same, newest first, up to a window; binds the expression, then the window.
    var scoredWalk: String {
        scored + " ORDER BY rowid DESC LIMIT ?"
    }

    /// Its matches' ids alone, newest first; binds the expression. The rank condition
    /// costs nothing here: FTS5 calls the rank function only for a row whose rank is read.
    var idWalk: String {
        "SELECT rowid FROM \(table) WHERE \(table) MATCH ? AND \(condition) ORDER BY rowid DESC"
    }

    /// The same, older than an id only; binds the expression, then the id.
    var idWalkBelow: String {
        "SELECT rowid FROM \(table) WHERE \(table) MATCH ? AND \(condition) AND rowid < ? ORDER BY rowid DESC"
    }

    /// How many matches it has, counted no further than a limit; binds the expression,
    /// then the limit.
    var countUpTo: String {
        "SELECT count(*) FROM (SELECT 1 FROM \(table) WHERE \(table) MATCH ? AND \(condition) LIMIT ?)"
    }
}
