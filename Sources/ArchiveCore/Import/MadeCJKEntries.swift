/// CJK index entries the reading thread made for articles the writer has stored but not
/// yet indexed. The writer inserts them in the chunk that indexes those articles for
/// articles_fts instead of reading the text back and normalizing it again.
///
/// They wait here rather than going into articles_cjk as each article is stored: every
/// article INSERT (it has triggers) opens a statement savepoint, and FTS5 writes out its
/// in-memory terms at every savepoint, so entries added one by one between articles made
/// one segment per article (tried: a CJK import 22% slower, its index in 23 segments of
/// up to 5 levels instead of 10 in 2).
struct MadeCJKEntries {
    private var entries: [Int64: (fingerprint: Fingerprint, entry: CJKEntry)] = [:]
    /// The entries' text bytes: past `budget`, the importer indexes what is pending.
    private(set) var bytes = 0
    private(set) var highestID: Int64 = 0

    /// About twice what fills FTS5's 16 MB buffer of terms (its segments of the CJK
    /// benchmark hold about 540 articles, some 4 MB of entries), so a chunk indexed
    /// because of it writes segments no smaller than the buffer does anyway.
    static let defaultBudget = 8 << 20
    let budget: Int

    init(budget: Int = Self.defaultBudget) {
        self.budget = budget
    }

    var isEmpty: Bool { entries.isEmpty }
    var isFull: Bool { bytes >= budget }

    mutating func add(_ entry: CJKEntry, id: Int64, fingerprint: Fingerprint) {
        entries[id] = (fingerprint, entry)
        bytes += entry.byteCount
        highestID = max(highestID, id)
    }

    /// Removes and returns the entries of articles in `range`, in id order.
    mutating func take(in range: ClosedRange<Int64>) -> [(id: Int64, fingerprint: Fingerprint, entry: CJKEntry)] {
        guard !entries.isEmpty else { return [] }
        let ids = entries.keys.filter(range.contains).sorted()
        let taken = ids.compactMap { id in
            entries.removeValue(forKey: id).map { made in
                bytes -= made.entry.byteCount
                return (id: id, fingerprint: made.fingerprint, entry: made.entry)
            }
        }
        if entries.isEmpty { highestID = 0 }
        return taken
    }

    /// Forgets every entry (a rollback: the ids may be given to other articles).
    mutating func removeAll() {
        entries = [:]
        bytes = 0
        highestID = 0
    }
}
