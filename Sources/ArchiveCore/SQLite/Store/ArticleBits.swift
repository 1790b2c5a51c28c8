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
        guard id >= 0, Int(id / 64) < words.count else { return insertOutlier(id) }
        words[Int(id / 64)] |= 1 << UInt64(id % 64)
    }

    /// Inserts or removes each id in order (`present` says which): a leaf's document
    /// list at once, the words borrowed once instead of once an id.
    mutating func update(_ entries: [(id: Int64, present: Bool)]) {
        var outside: [(id: Int64, present: Bool)] = []
        words.withUnsafeMutableBufferPointer { words in
            for (id, present) in entries {
                guard id >= 0, Int(id / 64) < words.count else {
                    outside.append((id, present))
                    continue
                }
                let bit: UInt64 = 1 << UInt64(id % 64)
                if present { words[Int(id / 64)] |= bit } else { words[Int(id / 64)] &= ~bit }
            }
        }
        for (id, present) in outside { if present { insertOutlier(id) } else { removeOutlier(id) } }
    }

    @inline(never)
    private mutating func insertOutlier(_ id: Int64) { outliers.insert(id) }

    @inline(never)
    private mutating func removeOutlier(_ id: Int64) { outliers.remove(id) }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, Int(id / 64) < words.count else { return outliers.contains(id) }
        return words[Int(id / 64)] & (1 << UInt64(id % 64)) != 0
    }

    /// Adds the ids of a set made for the same archive (as many words).
    mutating func formUnion(_ other: ArticleBits) {
        precondition(words.count == other.words.count, "sets of one archive")
        for index in words.indices { words[index] |= other.words[index] }
        outliers.formUnion(other.outliers)
    }

    /// Calls `body` with each id below `limit` (every id when nil), largest first, until
    /// it returns false.
    func forEachDescending(below limit: Int64?, _ body: (Int64) throws -> Bool) rethrows {
        let sortedOutliers = outliers.filter { id in limit.map { id < $0 } ?? true }.sorted(by: >)
        // Outliers past the words come first, negative ones last.
        for id in sortedOutliers where id >= 0 { guard try body(id) else { return } }
        let lastBit = Int64(words.count * 64 - 1)
        // No id with a bit (none is negative) is below a limit of 0 or less.
        let top = limit.map { $0 <= 0 ? -1 : min($0 - 1, lastBit) } ?? lastBit
        if top >= 0 {
            var index = Int(top / 64)
            // The top word's bits above `top` are not below the limit.
            var word = words[index] & (UInt64.max >> UInt64(63 - top % 64))
            while true {
                while word != 0 {
                    let bit = 63 - word.leadingZeroBitCount
                    guard try body(Int64(index * 64 + bit)) else { return }
                    word &= ~(1 << UInt64(bit))
                }
                guard index > 0 else { break }
                index -= 1
                word = words[index]
            }
        }
        for id in sortedOutliers where id < 0 { guard try body(id) else { return } }
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

extension ArticleBits {
    /// The ids `condition` lists: from the packed blocks (`FilterBlocks`) where they are
    /// listed, from the tables elsewhere. A tag held by a fifth of a million articles is
    /// then a few hundred rows read, not 200,000 index entries.
    init(_ condition: ArticleCondition, upTo largestID: Int64, on connection: Connection) throws {
        guard let packed = condition.packed, try FilterBlocks.exist(connection) else {
            try self.init(members: condition.members, values: condition.values, upTo: largestID, on: connection)
            return
        }
        self.init(upTo: largestID)
        let blocks = FilterBlocks(connection: connection)
        let listed = try blocks.listed()
        let listedSet = Set(listed)
        switch packed {
        case .tag(let tag):
            try blocks.addTag(tag, listed: listedSet, to: &self)
        case .published(let since, let until):
            // A month whose dates lie only partly in the range: its dates that do, by
            // `articles_published` (every article of it passes the condition's test).
            let partly = try connection.prepare("SELECT id FROM articles WHERE published >= ? AND published < ?")
            for key in try blocks.addMonths(since: since, until: until, listed: listedSet, to: &self) {
                let range = FilterBlocks.keyRange(key)
                let low = since.map { FilterBlocks.precedes(range.low, $0) ? $0 : range.low } ?? range.low
                let high = until.map { FilterBlocks.precedes($0, range.high) ? $0 : range.high } ?? range.high
                guard FilterBlocks.precedes(low, high) else { continue }
                try partly.bind(.text(low), .text(high)).forEachRow { insert(Int64($0.int(0))) }
            }
        }
        let ranged = try connection.prepare(condition.members(within: try FilterIndex.articlesForFilterColumns(connection)))
        for range in FilterBlocks.uncovered(by: listed) {
            try ranged.bind(condition.values + [.integer(range.lowerBound), .integer(range.upperBound)])
                .forEachRow { insert(Int64($0.int(0))) }
        }
    }

    /// Adds the ids of one block's packed bits (`FilterBlocks.pack`): a bitmap is
    /// or-ed in a word at a time where the words reach.
    mutating func insert(packed bytes: UnsafeRawBufferPointer?, block: Int64) {
        guard let bytes else { return }
        let first = block << FilterBlocks.blockBits
        if bytes.count != FilterBlocks.bitmapBytes {
            FilterBlocks.forEachOffset(bytes) { insert(first + Int64($0)) }
            return
        }
        for word in 0..<FilterBlocks.bitmapBytes / 8 {
            let value = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            guard value != 0 else { continue }
            let id = first + Int64(word * 64)
            if id >= 0, Int(id / 64) < words.count {
                words[Int(id / 64)] |= value
            } else {
                for bit in 0..<64 where value & (1 << UInt64(bit)) != 0 { insert(id + Int64(bit)) }
            }
        }
    }
}
