/// An article ready to be stored: validated, cleaned and fingerprinted.
public struct Article: Sendable, Equatable {
    public var title: String
    public var body: String
    public var tags: [String]
    /// ISO 8601 `YYYY-MM-DDTHH:MM:SS`, nil when unknown or unreadable.
    public var published: String?
    /// The date as the dump wrote it.
    public var publishedRaw: String?
    public var url: String?
    public var source: String?
    public var header: String?
    public var fingerprint: Fingerprint

    /// Builds the article a record describes, or says why it cannot be one.
    /// `warnings` receives what was kept but is worth telling (an unreadable date).
    public init(record: DumpRecord, warnings: inout [String]) throws(ArticleRejection) {
        let title = (record.title ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !title.isEmpty else { throw ArticleRejection(message: "record has no title") }
        let body = Self.cleanBody(record.body ?? "")
        guard !body.isEmpty else { throw ArticleRejection(message: "record has a title but no body") }
        self.title = title
        self.body = body
        self.tags = Tags.clean(record.tags)
        let raw = record.published?.trimmingWhitespace
        self.publishedRaw = record.publishedRaw?.trimmingWhitespace.nilIfEmpty ?? raw?.nilIfEmpty
        if let raw, !raw.isEmpty {
            published = ReleaseDate.iso8601(raw)
            if published == nil { warnings.append("unreadable date \"\(raw)\" kept as published_raw") }
        }
        self.url = record.url?.trimmingWhitespace.nilIfEmpty
        self.source = record.source?.trimmingWhitespace.nilIfEmpty
        self.header = record.header
        self.fingerprint = Fingerprint(title: title, body: body)
    }

    /// Line breaks as LF, no white space at line ends, at most one blank line in a row,
    /// nothing blank at either end.
    static func cleanBody(_ text: String) -> String {
        var lines: [Substring] = []
        var blank = 0
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .forEach { line in
                var line = line
                while let last = line.last, last.isWhitespace { line.removeLast() }
                if line.isEmpty {
                    blank += 1
                } else {
                    if !lines.isEmpty && blank > 0 { lines.append("") }
                    blank = 0
                    lines.append(line)
                }
            }
        return lines.joined(separator: "\n")
    }
}

/// Why a record cannot become an article.
public struct ArticleRejection: Error, Equatable {
    public let message: String
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
