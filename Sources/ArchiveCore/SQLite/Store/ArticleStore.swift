import Foundation

/// Writes articles with exact-duplicate detection. Its statements are prepared once and
/// reused for every record; the caller wraps calls in a transaction (one per batch).
final class ArticleStore {
    let connection: Connection
    private let findByFingerprint: Statement
    private let insertArticle: Statement
    private let fillMissing: Statement
    private let insertSighting: Statement
    private let insertError: Statement
    private let deleteErrors: Statement

    enum Outcome: Equatable {
        case inserted(Int64)
        case duplicate(of: Int64)
    }

    init(connection: Connection) throws {
        self.connection = connection
        findByFingerprint = try connection.prepare("SELECT id FROM articles WHERE fingerprint = ?")
        insertArticle = try connection.prepare("""
            INSERT INTO articles (title, body, tags, published, published_raw, url, source, header, fingerprint, imported_at, authors)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // A later copy may know what the first lacked; it never overwrites what is known.
        fillMissing = try connection.prepare("""
            UPDATE articles SET
                published = coalesce(published, ?1),
                published_raw = coalesce(published_raw, ?2),
                url = coalesce(url, ?3),
                source = coalesce(source, ?4),
                authors = CASE WHEN authors = '[]' THEN ?6 ELSE authors END
            WHERE id = ?5
              AND ((published IS NULL AND ?1 IS NOT NULL) OR (published_raw IS NULL AND ?2 IS NOT NULL)
                   OR (url IS NULL AND ?3 IS NOT NULL) OR (source IS NULL AND ?4 IS NOT NULL)
                   OR (authors = '[]' AND ?6 <> '[]'))
            """)
        insertSighting = try connection.prepare("""
            INSERT OR IGNORE INTO sightings (file_id, byte_offset, line, article_id, seen_at) VALUES (?, ?, ?, ?, ?)
            """)
        insertError = try connection.prepare("""
            INSERT OR IGNORE INTO import_errors (file_id, path, line, byte_offset, message, raw, created_at, article_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        deleteErrors = try connection.prepare("DELETE FROM import_errors WHERE path = ? AND byte_offset = ?")
    }

    /// Stores `article` unless an article with its fingerprint exists, and records
    /// where this copy was seen either way.
    func store(_ article: Article, fileID: Int64, at position: InputPosition, now: String) throws -> Outcome {
        let outcome: Outcome
        try findByFingerprint.bind(.blob(article.fingerprint.bytes))
        if let existing = try findByFingerprint.firstRow({ Int64($0.int(0)) }) {
            try fillMissing.bind(
                article.published.sqliteValue, article.publishedRaw.sqliteValue,
                article.url.sqliteValue, article.source.sqliteValue, .integer(existing), .text(JSONText.array(article.authors))).run()
            outcome = .duplicate(of: existing)
        } else {
            try insertArticle.bind(
                .text(article.title), .text(article.body), .text(JSONText.array(article.tags)),
                article.published.sqliteValue, article.publishedRaw.sqliteValue,
                article.url.sqliteValue, article.source.sqliteValue, article.header.sqliteValue,
                .blob(article.fingerprint.bytes), .text(now), .text(JSONText.array(article.authors))).run()
            outcome = .inserted(connection.lastInsertedRowID)
        }
        let id: Int64
        switch outcome {
        case .inserted(let new): id = new
        case .duplicate(let existing): id = existing
        }
        try insertSighting.bind(.integer(fileID), .integer(position.offset), .integer(Int64(position.line)), .integer(id), .text(now)).run()
        return outcome
    }

    /// Forgets the errors of a record that is being read again (a line cut short that
    /// the grown file now completes): what happens to it now is recorded afresh.
    func clearErrors(path: String, at position: InputPosition) throws {
        try deleteErrors.bind(.text(path), .integer(position.offset)).run()
    }

    /// Keeps a record that could not be imported, with its bytes; or, with `article`,
    /// the bytes of one that was imported after a repair.
    func recordError(fileID: Int64?, path: String, at position: InputPosition?, message: String, raw: [UInt8], now: String,
                     article: Int64? = nil) throws {
        try insertError.bind(
            fileID.map { .integer($0) } ?? .null, .text(path),
            position.map { .integer(Int64($0.line)) } ?? .null, position.map { .integer($0.offset) } ?? .null,
            .text(message), .blob(raw), .text(now), article.map { .integer($0) } ?? .null).run()
    }
}
