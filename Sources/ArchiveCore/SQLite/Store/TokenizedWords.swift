/// What `articles_fts`'s own tokenizer makes of words: the index terms each one gives
/// (lowercased, diacritics dropped, stemmed), read back through a temporary FTS5 table
/// with the same tokenizer, so no rule of it is written again in Swift.
struct TokenizedWords {
    let connection: Connection

    /// The terms of each word, in order; a word the tokenizer drops gives none.
    func terms(of words: [String]) throws -> [[String]] {
        try connection.execute("""
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.archive_stems USING fts5(term, tokenize='\(try FullTextSchema.tokenizer(connection))');
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.archive_stems_vocab USING fts5vocab(temp, archive_stems, instance);
            DELETE FROM temp.archive_stems;
            """)
        let insert = try connection.prepare("INSERT INTO temp.archive_stems (rowid, term) VALUES (?, ?)")
        for (row, word) in words.enumerated() { try insert.bind(.integer(Int64(row + 1)), .text(word)).run() }
        var terms = Array(repeating: [String](), count: words.count)
        try connection.prepare("SELECT doc, term FROM temp.archive_stems_vocab ORDER BY doc, offset").forEachRow {
            terms[$0.int(0) - 1].append($0.string(1))
        }
        return terms
    }
}
