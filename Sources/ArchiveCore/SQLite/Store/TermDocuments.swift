/// The articles an FTS5 index holds a few terms in, read from the index's own leaf
/// pages into bits: what a MATCH of one word, or of words joined by OR (a prefix as
/// `PrefixExpansion` writes it), finds.
///
/// Why: a filtered count or a page's facets walk the matches newest first until enough
/// pass the filter, and for `econom*` in the tag `Business` in 2022 at 1,000,000
/// articles that is 175,000 matches stepped through FTS5 and SQLite, about 120 ns each
/// (half the page's time). Reading the three terms' whole document lists here decodes
/// 474,000 entries from 843 leaf pages for less than that, and the walk is then a scan
/// of bits.
///
/// The layout (`FTS5Leaf`, and fts5_index.c): a term's document list in a segment
/// starts after the term, on the leaf the segment's b-tree (`<index>_idx`) names, and
/// runs on over the following leaves until the next term or the segment's end. An
/// entry is a document id (the first on each leaf written whole, the others as a delta
/// from the one before), then a varint holding twice the size of its position list,
/// plus 1 for a delete mark, then that list, which may run over onto the next leaves.
/// A document is in a segment's list with an empty position list when it was deleted
/// (or rewritten without the term) after an older segment listed it; the newest segment
/// that lists a document decides, which is how FTS5 reads them. Anything that does not
/// read as that (another format version, a first id not where the leaf's header says)
/// gives nil, and the caller walks FTS5 as before; a test holds the bits to FTS5's own
/// answers on an index of many segments, a half-done merge and rewritten articles.
struct TermDocuments {
    let connection: Connection
    /// The FTS5 table.
    let index: String

    /// The articles a MATCH of `expression` finds, for one word or words joined by OR
    /// (in parentheses or not, each quoted or not, ASCII letters and digits); nil for any
    /// other expression, a word that is not one index term, or an index not read here.
    func articles(matching expression: String, upTo largestID: Int64) throws -> ArticleBits? {
        guard let words = Self.words(orInside: expression) else { return nil }
        let terms = try TokenizedWords(connection: connection).terms(of: words)
        guard terms.allSatisfy({ $0.count == 1 }) else { return nil }
        return try articles(containingAny: terms.map { $0[0] }, upTo: largestID)
    }

    /// The words of `w`, `"w"`, `w OR "v" ...` or the same in one pair of parentheses.
    static func words(orInside expression: String) -> [String]? {
        var inner = Substring(expression.trimmingCharacters(in: .whitespaces))
        if inner.hasPrefix("(") && inner.hasSuffix(")") { inner = inner.dropFirst().dropLast() }
        let tokens = inner.split(separator: " ")
        guard tokens.count % 2 == 1 else { return nil }
        var words: [String] = []
        for (position, token) in tokens.enumerated() {
            if position % 2 == 1 {
                guard token == "OR" else { return nil }
                continue
            }
            var word = token
            let quoted = word.count >= 2 && word.hasPrefix("\"") && word.hasSuffix("\"")
            if quoted { word = word.dropFirst().dropLast() }
            // A bare AND, OR, NOT or NEAR is an operator.
            guard !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                  quoted || !["AND", "OR", "NOT", "NEAR"].contains(word) else { return nil }
            words.append(String(word))
        }
        return words
    }

    /// The articles that contain any of `terms` (index terms, as the tokenizer writes
    /// them), as bits for ids up to `largestID`; nil when the index cannot be read here.
    func articles(containingAny terms: [String], upTo largestID: Int64) throws -> ArticleBits? {
        let reader = SegmentTerms(connection: connection, index: index)
        guard try connection.scalar("SELECT v FROM \(index)_config WHERE k = 'version'") == .integer(4),
              let listed = try reader.segments() else { return nil }
        // Oldest first: the highest level first, each level's segments as listed.
        let segments = listed.enumerated().filter { !$0.element.isEmpty }
            .sorted { ($0.element.level, -$0.offset) > ($1.element.level, -$1.offset) }.map(\.element)
        let pageOfTerm = try connection.prepare(
            "SELECT pgno >> 1 FROM \(index)_idx WHERE segid = ? AND term <= ? ORDER BY term DESC LIMIT 1")
        // A list's leaves are consecutive rows: one scan reads them in order.
        let leaves = try connection.prepare("SELECT id, block FROM \(index)_data WHERE id >= ? AND id <= ? ORDER BY id")
        defer { _ = try? leaves.bind() }  // Ends a scan stopped before its last row.
        var found = ArticleBits(upTo: largestID)
        for term in terms {
            var documents = ArticleBits(upTo: largestID)
            let key = [UInt8(ascii: "0")] + Array(term.utf8)
            for segment in segments {
                let first = try pageOfTerm.bind(.integer(Int64(segment.id)), .blob(key)).firstRow { $0.int(0) } ?? segment.firstPage
                var list = DocumentList(term: key, segment: segment, page: max(first, segment.firstPage))
                guard let start = list.nextPage else { continue }
                try leaves.bind(.integer(Int64(segment.id) << 37 | Int64(start)), .integer(Int64(segment.id) << 37 | Int64(segment.lastPage)))
                while let page = list.nextPage {
                    // A leaf missing from the scan does not read as FTS5's.
                    guard try leaves.step(), Int64(leaves.int(0)) == Int64(segment.id) << 37 | Int64(page),
                          leaves.withBlob(1, { list.read(leaf: $0, into: &documents) }) else { return nil }
                }
            }
            found.formUnion(documents)
        }
        return found
    }

    /// One term's document list in one segment, read a leaf at a time.
    private struct DocumentList {
        let term: [UInt8]
        let segment: SegmentTerms.Segment
        /// The leaf to read next; nil when the list has ended.
        private(set) var nextPage: Int?
        /// Whether the term's first leaf has been read (the term found on it, or not).
        private var started = false
        private var document: Int64 = 0
        /// Bytes of a position list still to skip, continued from the leaf before.
        private var positionBytes = 0
        /// A leaf's entries, put into the bits together.
        private var entries: [(id: Int64, present: Bool)] = []

        init(term: [UInt8], segment: SegmentTerms.Segment, page: Int) {
            self.term = term
            self.segment = segment
            nextPage = page <= segment.lastPage ? page : nil
        }

        /// Reads one leaf's part of the list into `documents`: each entry's document
        /// added when its position list is not empty, removed when it is (deleted since
        /// an older segment listed it). False when the leaf does not read as expected.
        mutating func read(leaf bytes: UnsafeRawBufferPointer?, into documents: inout ArticleBits) -> Bool {
            guard let bytes, let leaf = FTS5Leaf(bytes), let page = nextPage else { return false }
            var offset: Int
            // The list ends at the next term on this leaf, or runs on past its data.
            var end: Int
            // A continued leaf's first id is where its header says.
            var checkHeader: Bool
            if !started {
                started = true
                guard let index = leaf.terms.firstIndex(where: { $0.term == term }) else {
                    nextPage = nil  // Not in this segment.
                    return true
                }
                offset = leaf.terms[index].documents
                end = index + 1 < leaf.terms.count ? leaf.terms[index + 1].offset : leaf.dataEnd
                checkHeader = false
            } else {
                offset = 4
                end = leaf.terms.first?.offset ?? leaf.dataEnd
                checkHeader = true
            }
            // A list's first id, and the first id on each leaf, are written whole.
            var wholeID = true
            while offset < end {
                if positionBytes > 0 {
                    let skipped = min(positionBytes, end - offset)
                    offset += skipped
                    positionBytes -= skipped
                    continue
                }
                if checkHeader {
                    guard leaf.firstDocument == offset else { return false }
                    checkHeader = false
                }
                guard let id = FTS5Varint.read(bytes, at: &offset), let size = FTS5Varint.read(bytes, at: &offset) else { return false }
                // FTS5 adds deltas as unsigned 64-bit numbers: negative ids wrap.
                document = wholeID ? Int64(truncatingIfNeeded: id) : document &+ Int64(truncatingIfNeeded: id)
                wholeID = false
                entries.append((document, size >> 1 > 0))
                positionBytes = size >> 1
            }
            guard offset == end else { return false }
            documents.update(entries)
            entries.removeAll(keepingCapacity: true)
            nextPage = end == leaf.dataEnd && page < segment.lastPage ? page + 1 : nil
            // A position list cut off where the list ends is not FTS5's.
            return nextPage != nil || positionBytes == 0
        }
    }
}
