/// Each tag's and each month's articles packed 4,096 ids to a row (migrations/
/// 0015_filter_blocks.sql), written by the importer and `archive repair`, read by a
/// filter's bits (`ArticleBits`). A block is written whole or not at all, and whatever
/// changes one of its articles drops it, so a reader takes a listed block's rows as the
/// truth and reads the other ids as before.
struct FilterBlocks {
    let connection: Connection

    /// What a row's key names.
    enum Kind: Int64 {
        /// A tag, its ASCII letters in lower case.
        case tag = 0
        /// The first seven characters of `published` (`YYYY-MM`).
        case month = 1
    }

    static let blockBits: Int64 = 12
    static let idsPerBlock: Int64 = 1 << blockBits
    /// The size of a block's bits kept one bit per id; fewer ids are kept as a list of
    /// 16-bit offsets, always shorter.
    static let bitmapBytes = Int(idsPerBlock / 8)
    /// How many characters of `published` make a month key.
    static let monthKeyLength = 7

    /// Whether the tables are there: an archive made by an older binary on a read-only
    /// disk cannot be brought up to date, and is read without them.
    static func exist(_ connection: Connection) throws -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('filter_bits', 'filter_blocks')") == 2
    }

    /// The blocks whose rows are complete, in order.
    func listed() throws -> [Int64] {
        var blocks: [Int64] = []
        try connection.prepare("SELECT block FROM filter_blocks ORDER BY block").forEachRow { blocks.append(Int64($0.int(0))) }
        return blocks
    }

    // MARK: Writing

    /// Writes every block that holds an article and is not listed, inside the caller's
    /// transaction. Call it when an import's articles are all written
    /// (`SearchIndex.finish`). Returns how many blocks were written.
    @discardableResult
    func update() throws -> Int {
        let done = Set(try listed())
        // Steps from one block that has articles to the next, so that an archive with a
        // few very large ids does not walk the empty blocks between.
        let nextArticle = try connection.prepare("SELECT id FROM articles WHERE id >= ? ORDER BY id LIMIT 1")
        var written = 0
        var from: Int64 = 0  // negative ids (only another program can write them) are read as before
        while let id = try nextArticle.bind(.integer(from)).firstRow({ Int64($0.int(0)) }) {
            let block = id >> Self.blockBits
            if !done.contains(block), try write(block: block) { written += 1 }
            let end = block << Self.blockBits | (Self.idsPerBlock - 1)
            if end == Int64.max { break }
            from = end + 1
        }
        return written
    }

    /// Writes one block's rows from the articles as they are now and lists it; false
    /// when some value of the block cannot be packed (`packedRows`), which leaves it
    /// unlisted, to be read as before.
    @discardableResult
    func write(block: Int64) throws -> Bool {
        try connection.prepare("DELETE FROM filter_bits WHERE block = ?").bind(.integer(block)).run()
        guard let rows = try packedRows(block: block) else { return false }
        let insert = try connection.prepare("INSERT INTO filter_bits (kind, key, block, bits) VALUES (?, ?, ?, ?)")
        for row in rows {
            try insert.bind(.integer(row.kind.rawValue), .text(row.key), .integer(block), .blob(row.bits)).run()
        }
        try connection.prepare("INSERT OR REPLACE INTO filter_blocks (block) VALUES (?)").bind(.integer(block)).run()
        return true
    }

    /// Drops every block and writes them again (`archive repair`).
    func rebuild() throws {
        try connection.execute("DELETE FROM filter_blocks; DELETE FROM filter_bits;")
        try update()
    }

    /// How many listed blocks hold rows other than the articles give now: `archive check`.
    func wrongBlocks() throws -> Int {
        guard try Self.exist(connection) else { return 0 }
        var wrong = 0
        let stored = try connection.prepare("SELECT kind, key, bits FROM filter_bits WHERE block = ? ORDER BY kind, key")
        for block in try listed() {
            var rows: [Row] = []
            try stored.bind(.integer(block)).forEachRow { row in
                rows.append(Row(kind: Kind(rawValue: Int64(row.int(0))) ?? .tag, key: row.string(1), bits: row.blob(2)))
            }
            if try packedRows(block: block) != rows { wrong += 1 }
        }
        return wrong
    }

    struct Row: Equatable {
        let kind: Kind
        let key: String
        let bits: [UInt8]
    }

    /// The rows of one block, ordered by kind and key; nil when a value cannot be
    /// packed exactly: a `published` that is a blob (it compares above every date, so a
    /// month key would not say what a date range admits) or that has a character other
    /// than printable ASCII among its first seven (a key's next key is found by adding
    /// one to its last character).
    func packedRows(block: Int64) throws -> [Row]? {
        let first = block << Self.blockBits, last = first | (Self.idsPerBlock - 1)
        var offsets: [Kind: [String: [UInt16]]] = [.tag: [:], .month: [:]]
        // By the primary key (article_id, tag): ids in order, each once per key after folding.
        try connection.prepare("SELECT article_id, tag FROM article_tags WHERE article_id BETWEEN ? AND ?")
            .bind(.integer(first), .integer(last)).forEachRow { row in
                // A tag that is not text never equals the text a filter names.
                guard case .text(let tag) = row.value(1) else { return }
                Self.append(UInt16(Int64(row.int(0)) - first), to: &offsets[.tag, default: [:]][Self.tagKey(tag), default: []])
            }
        var packable = true
        let articles = try FilterIndex.articlesForFilterColumns(connection)
        try connection.prepare("SELECT a.id, a.published FROM \(articles) WHERE a.id BETWEEN ? AND ?")
            .bind(.integer(first), .integer(last)).forEachRow { row in
                switch row.value(1) {
                case .null:
                    return
                case .text(let published):
                    guard let key = Self.monthKey(published) else {
                        packable = false
                        return
                    }
                    Self.append(UInt16(Int64(row.int(0)) - first), to: &offsets[.month, default: [:]][key, default: []])
                default:
                    // TEXT affinity stores numbers as text; what is left is a blob.
                    packable = false
                }
            }
        guard packable else { return nil }
        return [Kind.tag, .month].flatMap { kind in
            (offsets[kind] ?? [:]).sorted { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }
                .map { Row(kind: kind, key: $0.key, bits: Self.pack($0.value)) }
        }
    }

    private static func append(_ offset: UInt16, to list: inout [UInt16]) {
        // Ids arrive in order; two tags equal but for case give the same key twice.
        if list.last != offset { list.append(offset) }
    }

    /// A list of offsets in order, as the shorter of a bitmap and the list itself.
    static func pack(_ offsets: [UInt16]) -> [UInt8] {
        if offsets.count * 2 < bitmapBytes {
            return offsets.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        var bitmap = [UInt8](repeating: 0, count: bitmapBytes)
        for offset in offsets { bitmap[Int(offset) / 8] |= 1 << UInt8(offset % 8) }
        return bitmap
    }

    /// The key of a tag: as `COLLATE NOCASE` compares, ASCII letters folded, nothing else.
    static func tagKey(_ tag: String) -> String {
        String(decoding: NoCase.key(tag.utf8), as: UTF8.self)
    }

    /// The month key of a `published` text: its first seven characters (all of a shorter
    /// one), nil unless they are printable ASCII.
    static func monthKey(_ published: String) -> String? {
        let head = published.utf8.prefix(monthKeyLength)
        guard head.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return String(decoding: head, as: UTF8.self)
    }

    // MARK: Reading

    /// How many rows reading a condition's ids takes, each about the cost of a match
    /// tested in SQL (a microsecond at a million articles).
    func rows(for packed: ArticleCondition.Packed) throws -> Int {
        switch packed {
        case .tag(let tag):
            return try connection.scalarInt("SELECT count(*) FROM filter_bits WHERE kind = ? AND key = ?",
                                            .integer(Kind.tag.rawValue), .text(Self.tagKey(tag)))
        case .published(let since, let until):
            let (bounds, values) = Self.monthBounds(since: since, until: until)
            return try connection.prepare("SELECT count(*) FROM filter_bits WHERE kind = ? \(bounds)")
                .bind(values).firstRow { $0.int(0) } ?? 0
        }
    }

    /// The conditions on `key` that leave out only months with no date in [since,
    /// until), and the values they bind after the kind: a month key below since's own
    /// first seven characters holds only dates before since; one at until or above
    /// only dates from until on.
    private static func monthBounds(since: String?, until: String?) -> (String, [SQLValue]) {
        var bounds = ""
        var values: [SQLValue] = [.integer(Kind.month.rawValue)]
        if let since, let key = monthKey(since) {
            bounds += "AND key >= ? "
            values.append(.text(key))
        }
        if let until {
            bounds += "AND key < ? "
            values.append(.text(until))
        }
        return (bounds, values)
    }

    /// Adds to `bits` the ids of the listed blocks that hold `tag` (`COLLATE NOCASE`).
    func addTag(_ tag: String, listed: Set<Int64>, to bits: inout ArticleBits) throws {
        try connection.prepare("SELECT block, bits FROM filter_bits WHERE kind = ? AND key = ?")
            .bind(.integer(Kind.tag.rawValue), .text(Self.tagKey(tag))).forEachRow { row in
                let block = Int64(row.int(0))
                guard listed.contains(block) else { return }
                row.withBlob(1) { bits.insert(packed: $0, block: block) }
            }
    }

    /// Adds to `bits` the ids of the listed blocks published in a month every one of
    /// whose dates lies in [since, until); returns the months whose dates only partly
    /// do, which the caller reads from `articles`.
    func addMonths(since: String?, until: String?, listed: Set<Int64>, to bits: inout ArticleBits) throws -> [String] {
        let (bounds, values) = Self.monthBounds(since: since, until: until)
        let statement = try connection.prepare("SELECT key, block, bits FROM filter_bits WHERE kind = ? \(bounds)ORDER BY key")
            .bind(values)
        var partial: [String] = []
        var currentKey: String?
        var whole = false
        try statement.forEachRow { row in
            let key = row.string(0)
            if key != currentKey {
                currentKey = key
                whole = try isWholeMonth(key, since: since, until: until)
                if !whole { partial.append(key) }
            }
            let block = Int64(row.int(1))
            guard whole, listed.contains(block) else { return }
            row.withBlob(2) { bits.insert(packed: $0, block: block) }
        }
        return partial
    }

    /// Whether every date with this month key lies in [since, until): by the key alone
    /// when it can tell, else by the smallest and largest date of the key's range in
    /// `articles_published` (one step down the index each).
    private func isWholeMonth(_ key: String, since: String?, until: String?) throws -> Bool {
        if let since, Self.precedes(key, since) {
            guard let smallest = try extremeDate("min", of: key), !Self.precedes(smallest, since) else { return false }
        }
        if let until, !Self.precedes(key, until) || until.utf8.starts(with: key.utf8) {
            guard let largest = try extremeDate("max", of: key), Self.precedes(largest, until) else { return false }
        }
        return true
    }

    /// The smallest (`min`) or largest (`max`) date in the key's range (`keyRange`); nil
    /// when it holds none. Asked one at a time: together SQLite would scan the range.
    private func extremeDate(_ aggregate: String, of key: String) throws -> String? {
        let range = Self.keyRange(key)
        return try connection.prepare("SELECT \(aggregate)(published) FROM articles WHERE published >= ? AND published < ?")
            .bind(.text(range.low), .text(range.high)).firstRow { $0.optionalString(0) } ?? nil
    }

    /// Every text that starts with the key, and some others, lie in [low, high): the
    /// key, and the key with its last character one higher (keys are printable ASCII).
    static func keyRange(_ key: String) -> (low: String, high: String) {
        var bytes = Array(key.utf8)
        if let last = bytes.last { bytes[bytes.count - 1] = last + 1 }
        return (key, String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `a` sorts before `b` as SQLite's BINARY collation compares them (bytes).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// How many of `ids` were published in each year (the first four characters of
    /// `published`; undated ones in none), for the ids in listed blocks that hold at
    /// least `idsPerBlockRead` of them: a block's month rows (a few dozen) then cost less
    /// than a look-up of each id's date. The other ids go to `leftOver`.
    func yearsOfPackedIDs(_ ids: ArraySlice<Int64>, leftOver: inout [Int64]) throws -> [String: Int] {
        var perYear: [String: Int] = [:]
        guard try Self.exist(connection) else {
            leftOver += ids
            return perYear
        }
        let listed = Set(try listed())
        var byBlock: [Int64: [Int64]] = [:]
        for id in ids { byBlock[id >> Self.blockBits, default: []].append(id) }
        let months = try connection.prepare("SELECT key, bits FROM filter_bits WHERE block = ? AND kind = ?")
        for (block, members) in byBlock {
            guard listed.contains(block), members.count >= Self.idsPerBlockRead else {
                leftOver += members
                continue
            }
            // Each offset's year, as an index into `years`.
            var years: [String] = []
            var yearAt = [Int16](repeating: -1, count: Int(Self.idsPerBlock))
            try months.bind(.integer(block), .integer(Kind.month.rawValue)).forEachRow { row in
                let year = String(row.string(0).prefix(4))
                years.append(year)
                let index = Int16(years.count - 1)
                row.withBlob(1) { bytes in
                    Self.forEachOffset(bytes) { yearAt[Int($0)] = index }
                }
            }
            for id in members {
                let index = yearAt[Int(id - (block << Self.blockBits))]
                if index >= 0 { perYear[years[Int(index)], default: 0] += 1 }
            }
        }
        return perYear
    }

    /// Below this many ids of a block, their dates are looked up one by one.
    static let idsPerBlockRead = 64

    /// Calls `body` with each offset a block's packed bits hold (`pack`).
    static func forEachOffset(_ bytes: UnsafeRawBufferPointer?, _ body: (UInt16) -> Void) {
        guard let bytes else { return }
        if bytes.count != bitmapBytes {
            for index in 0..<bytes.count / 2 { body(UInt16(bytes[2 * index]) | UInt16(bytes[2 * index + 1]) << 8) }
            return
        }
        for (index, byte) in bytes.enumerated() where byte != 0 {
            for bit in 0..<8 where byte & (1 << UInt8(bit)) != 0 { body(UInt16(index * 8 + bit)) }
        }
    }

    /// The id ranges no listed block covers, in order, for reading from the tables.
    static func uncovered(by listed: [Int64]) -> [ClosedRange<Int64>] {
        var ranges: [ClosedRange<Int64>] = []
        var next: Int64? = Int64.min
        for block in listed {
            guard let from = next else { break }
            let first = block << blockBits
            if first > from { ranges.append(from...(first - 1)) }
            let last = first | (idsPerBlock - 1)
            next = last == Int64.max ? nil : last + 1
        }
        if let from = next { ranges.append(from...Int64.max) }
        return ranges
    }
}
