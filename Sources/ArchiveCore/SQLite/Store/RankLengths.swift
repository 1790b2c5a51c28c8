import CRank

/// Every article's length in tokens in one full-text index, packed 4,096 ids to a row,
/// for the ranking function to read instead of FTS5's one row per article in the
/// index's docsize table (see migrations/0013_rank_lengths.sql). The lengths are copied
/// from that table, so ranking gives the same scores either way; what changes is how
/// many pages a new process reads to rank thousands of matches.
struct RankLengths {
    /// A full-text index and the table its lengths are packed in.
    struct Index: Sendable {
        /// The FTS5 table.
        let fullText: String
        /// The packed table, as the ranking function is told it (`ArchiveRank`).
        let table: String
        /// The column weights of the index's own `rank`, in its columns' order: the
        /// title counts 10, the body 1, the tags 4 (articles_cjk has the body first,
        /// migrations/0019_cjk_body_first.sql).
        let weights: String
        /// FTS5's own table of lengths, one row per article.
        var docsize: String { "\(fullText)_docsize" }
    }

    static let fullText = Index(fullText: "articles_fts", table: "article_lengths", weights: "10.0, 1.0, 4.0")
    static let cjk = Index(fullText: "articles_cjk", table: "cjk_article_lengths", weights: "1.0, 10.0, 4.0")
    static let indexes = [fullText, cjk]

    let connection: Connection
    let index: Index

    static let blockBits = Int64(ARCHIVE_LENGTHS_BLOCK_BITS)
    static let idsPerBlock = Int64(ARCHIVE_LENGTHS_PER_BLOCK)
    /// What a length of 65,535 tokens or more is stored as: "ask FTS5".
    static let tooLong = Int(ARCHIVE_LENGTH_UNKNOWN_LARGE)

    /// Writes every block that is missing or stops short of the last article in the
    /// index, inside the caller's transaction; blocks already complete are only looked
    /// at. Call it when no article is pending (`SearchIndex.finish`). Returns how many
    /// blocks were written.
    @discardableResult
    func update() throws -> Int {
        var reaches: [Int64: Int64] = [:]
        try connection.prepare("SELECT block, length(lengths) / 2 FROM \(index.table)").forEachRow {
            reaches[Int64($0.int(0))] = Int64($0.int(1))
        }
        // Steps from one block that has articles to the next, so that an archive with
        // a few very large ids does not walk the empty blocks between.
        let nextIndexed = try connection.prepare("SELECT id FROM \(index.docsize) WHERE id >= ? ORDER BY id LIMIT 1")
        let lastIndexed = try connection.prepare("SELECT max(id) FROM \(index.docsize) WHERE id >= ? AND id <= ?")
        var written = 0
        var from: Int64 = 0  // negative ids (only another program can write them) are left to FTS5
        while let id = try nextIndexed.bind(.integer(from)).firstRow({ Int64($0.int(0)) }) {
            let block = id >> Self.blockBits
            let start = block << Self.blockBits, end = start + (Self.idsPerBlock - 1)
            let last = try lastIndexed.bind(.integer(start), .integer(end)).firstRow { Int64($0.int(0)) } ?? id
            if reaches[block, default: 0] < last - start + 1 {
                try write(block: block)
                written += 1
            }
            if end == Int64.max { break }
            from = end + 1
        }
        return written
    }

    /// Writes one block from the index's docsize table as it is now.
    func write(block: Int64) throws {
        let lengths = try indexedLengths(block: block)
        var bytes = [UInt8](repeating: 0, count: 2 * (lengths.keys.max().map { Int($0) + 1 } ?? 0))
        for (offset, length) in lengths {
            let stored = min(length, Self.tooLong)
            bytes[2 * Int(offset)] = UInt8(stored & 0xFF)
            bytes[2 * Int(offset) + 1] = UInt8(stored >> 8)
        }
        try connection.prepare("INSERT OR REPLACE INTO \(index.table) (block, lengths) VALUES (?, ?)")
            .bind(.integer(block), .blob(bytes)).run()
    }

    /// Drops every block and writes them again (`archive repair`).
    func rebuild() throws {
        try connection.execute("DELETE FROM \(index.table)")
        try update()
    }

    /// How many stored lengths differ from what FTS5 has for the same article (0 and
    /// 65,535 stand for "ask FTS5" and are never wrong): `archive check`.
    func wrongLengths() throws -> Int {
        var blocks: [(Int64, [UInt8])] = []
        try connection.prepare("SELECT block, lengths FROM \(index.table)").forEachRow { blocks.append((Int64($0.int(0)), $0.blob(1))) }
        var wrong = 0
        for (block, bytes) in blocks {
            let indexed = try indexedLengths(block: block)
            for offset in 0..<bytes.count / 2 {
                let stored = Int(bytes[2 * offset]) | Int(bytes[2 * offset + 1]) << 8
                if stored == 0 || stored == Self.tooLong { continue }
                if indexed[Int64(offset)] != stored { wrong += 1 }
            }
        }
        return wrong
    }

    /// The length of every article of `block` in the index, by its offset in the
    /// block: the sum of its columns' token counts.
    private func indexedLengths(block: Int64) throws -> [Int64: Int] {
        let start = block << Self.blockBits
        var lengths: [Int64: Int] = [:]
        try connection.prepare("SELECT id, sz FROM \(index.docsize) WHERE id >= ? AND id <= ?")
            .bind(.integer(start), .integer(start + (Self.idsPerBlock - 1)))
            .forEachRow { row in
                lengths[Int64(row.int(0)) - start] = row.withBlob(1) { Self.tokenCount(docsize: $0) }
            }
        return lengths
    }

    /// The sum of the varints FTS5 writes in a docsize row, one per column.
    static func tokenCount(docsize: UnsafeRawBufferPointer?) -> Int {
        guard let docsize else { return 0 }
        var total = 0, offset = 0
        while let value = FTS5Varint.read(docsize, at: &offset) { total += value }
        return total
    }
}
