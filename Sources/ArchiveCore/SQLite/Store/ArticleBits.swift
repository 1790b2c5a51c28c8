/// A set of article ids, one bit per id from 0 to the largest id the archive had when
/// it was made (ids are dense from 1); any other id (SQLite allows negative ones, and
/// ids past `largestCovered`) goes into an ordinary set beside the bits. Testing a match against a filter's conditions
/// is then a load and a mask instead of a look-up in SQLite's b-trees.
struct ArticleBits {
    private var words: [UInt64]
    private var outliers: Set<Int64> = []

    /// The largest id given a bit (8 MB of words): an id written far beyond the others
    /// by another program must not make every set that large.
    static let largestCovered: Int64 = 1 << 26

    init(upTo largestID: Int64) {
        words = Array(repeating: 0, count: Int(min(max(0, largestID), Self.largestCovered) / 64) + 1)
    }

    /// The ids `members` (a statement of one column, with `values`) lists.
    init(members: String, values: [SQLValue], upTo largestID: Int64, on connection: Connection) throws {
        self.init(upTo: largestID)
        try connection.prepare(members).bind(values).forEachRow { insert(Int64($0.int(0))) }
    }

    mutating func insert(_ id: Int64) {
        guard id >= 0, Int(id / 64) < words.count else {
            outliers.insert(id)
            return
        }
        words[Int(id / 64)] |= 1 << UInt64(id % 64)
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, Int(id / 64) < words.count else { return outliers.contains(id) }
        return words[Int(id / 64)] & (1 << UInt64(id % 64)) != 0
    }

    /// Keeps only the ids both sets hold.
    mutating func formIntersection(_ other: ArticleBits) {
        for index in words.indices {
            if index < other.words.count {
                words[index] &= other.words[index]
            } else if words[index] != 0 {
                // Beyond the other's bits: those ids are among its outliers, if anywhere.
                for bit in 0..<64 where words[index] & (1 << UInt64(bit)) != 0 && !other.outliers.contains(Int64(index * 64 + bit)) {
                    words[index] &= ~(1 << UInt64(bit))
                }
            }
        }
        outliers = outliers.filter(other.contains)
    }
}
