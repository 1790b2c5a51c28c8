/// The runs of `near_keys_recent` (migration 16), oldest first, and the one the open
/// transaction writes. Each transaction appends its keys as a run of its own, under a
/// number above every other, so its pages are new ones at the end of the table. A
/// lookup seeks each run, so past `maximumRuns` (or past `NearDuplicateIndex.recentLimit`
/// rows) they all move into near_keys. Merging the newest two whenever they were alike
/// in size (at most log2 of the rows then) rewrote each key two or three times in a
/// first import of 30,000 articles, and cost more than it saved.
struct KeyRuns: Equatable {
    struct Run: Equatable {
        let id: Int64
        /// An upper bound: keys an article already had are not written twice.
        var rows: Int
    }

    private(set) var runs: [Run]
    /// Set once the open transaction has written keys: the last of `runs`.
    private(set) var open: Int64?

    init(_ runs: [Run] = []) {
        self.runs = runs
    }

    var rows: Int { runs.reduce(0) { $0 + $1.rows } }

    /// The run that `count` keys written now belong to: the open one, or a new one.
    mutating func write(_ count: Int) -> Int64 {
        if open == nil {
            let id = (runs.last?.id ?? 0) + 1
            runs.append(Run(id: id, rows: 0))
            open = id
        }
        runs[runs.count - 1].rows += count
        return runs[runs.count - 1].id
    }

    /// The transaction's keys are written; the next ones start a run of their own.
    mutating func close() {
        open = nil
    }

    static let maximumRuns = 16

    /// Whether the runs are due to move into near_keys (when no run is open): there are
    /// more than `maximumRuns` of them, or more than `rowLimit` rows.
    func moveIsDue(rowLimit: Int) -> Bool {
        open == nil && (runs.count > Self.maximumRuns || rows > rowLimit)
    }

    /// Every run moved into near_keys.
    mutating func removeAll() {
        runs = []
        open = nil
    }
}
