/// One leaf page of an FTS5 segment, as format 4 lays it out (fts5_index.c): a 4-byte
/// header (bytes 0-1: the offset of the first document id that starts on the page
/// before any term, 0 if none does; bytes 2-3: where the footer starts, the end of the
/// page's data), the data, and a footer of one varint per term that starts on the page
/// (its offset, each a delta from the one before). A term is written whole when it is
/// the page's first (length, bytes), otherwise as bytes shared with the one before, new
/// length, new bytes; its document list follows it. Both readers of the index's pages
/// take them apart here: `SegmentTerms` (the terms) and `TermDocuments` (the lists).
struct FTS5Leaf {
    struct Term {
        /// The term's bytes, with its index's one-byte prefix ("0" for the main index).
        let term: [UInt8]
        /// Where its entry starts, and where its document list starts, after the term.
        let offset: Int
        let documents: Int
    }

    /// Where the first document id of a list continued from an earlier page starts; 0
    /// when none starts on the page before its first term.
    let firstDocument: Int
    /// The end of the page's data: where the footer starts.
    let dataEnd: Int
    let terms: [Term]

    /// nil when the page does not read as a leaf.
    init?(_ leaf: UnsafeRawBufferPointer?) {
        guard let leaf, leaf.count >= 4 else { return nil }
        firstDocument = Int(leaf[0]) << 8 | Int(leaf[1])
        dataEnd = Int(leaf[2]) << 8 | Int(leaf[3])
        guard dataEnd >= 4, dataEnd <= leaf.count, firstDocument < dataEnd else { return nil }
        var terms: [Term] = []
        var footerOffset = dataEnd
        var termOffset = 0
        while footerOffset < leaf.count {
            guard let delta = FTS5Varint.read(leaf, at: &footerOffset) else { return nil }
            termOffset += delta
            guard termOffset >= 4, termOffset < dataEnd else { return nil }
            var offset = termOffset
            var shared = 0
            if let previous = terms.last {
                guard let count = FTS5Varint.read(leaf, at: &offset), count <= previous.term.count else { return nil }
                shared = count
            }
            guard let length = FTS5Varint.read(leaf, at: &offset), offset + length <= dataEnd else { return nil }
            terms.append(Term(term: Array((terms.last?.term ?? []).prefix(shared)) + leaf[offset..<(offset + length)],
                              offset: termOffset, documents: offset + length))
        }
        self.terms = terms
    }
}
