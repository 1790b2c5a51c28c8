import Foundation

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
    /// Who wrote it, cleaned as tags are (`Authors`); empty when the dump does not say.
    public var authors: [String]
    public var header: String?
    public var fingerprint: Fingerprint
    /// The body in comparison form (`TextNormalizer`), kept for near-duplicate checks.
    public var comparisonBody: String
    /// True when the text had to be changed to be stored (NUL characters replaced).
    public var repaired = false

    /// Builds the article a record describes, or says why it cannot be one.
    /// `warnings` receives what was kept but is worth telling (an unreadable date).
    /// `futureAfter`: dates after it are warned about (a day after the import started).
    /// `titleFromBody`: a record without a title takes its body's first sentence
    /// (`FirstSentence`), with a warning, instead of being refused.
    public init(record: DumpRecord, warnings: inout [String], futureAfter: String = Article.tomorrow(),
                titleFromBody: Bool = false) throws(ArticleRejection) {
        var record = record
        // A NUL character is never text; it would also make a CSV export look binary.
        if [record.title, record.body].contains(where: { $0?.utf8.contains(0) == true })
            || (record.tags + record.authors).contains(where: { $0.utf8.contains(0) }) {
            record.title = record.title?.replacingNUL
            record.body = record.body?.replacingNUL
            record.tags = record.tags.map(\.replacingNUL)
            record.authors = record.authors.map(\.replacingNUL)
            warnings.append("NUL characters replaced by U+FFFD")
            repaired = true
        }
        var title = (record.title ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let body = Self.cleanBody(record.body ?? "")
        if title.isEmpty, titleFromBody, let lead = FirstSentence.title(of: body) {
            title = lead
            warnings.append("title taken from the body")
        }
        guard !title.isEmpty else { throw ArticleRejection(message: "record has no title") }
        // A dump whose header line is missing makes the first paragraph the title.
        guard title.utf8.count <= Self.maximumTitleBytes else {
            throw ArticleRejection(message: "the title is \(title.utf8.count) bytes long: is the header line missing? (a title may have at most \(Self.maximumTitleBytes))")
        }
        guard !body.isEmpty else { throw ArticleRejection(message: "record has a title but no body") }
        self.title = title
        self.body = body
        self.tags = Tags.clean(record.tags)
        let raw = record.published?.trimmingWhitespace
        self.publishedRaw = record.publishedRaw?.trimmingWhitespace.nilIfEmpty ?? raw?.nilIfEmpty
        if let raw, !raw.isEmpty {
            published = ReleaseDate.iso8601(raw)
            if published == nil { warnings.append("unreadable date \"\(raw)\" kept as published_raw") }
            if let published, published > futureAfter { warnings.append("date \(published) is in the future; kept as given") }
        }
        self.url = record.url?.trimmingWhitespace.nilIfEmpty
        self.source = record.source?.trimmingWhitespace.nilIfEmpty
        self.authors = Authors.clean(record.authors)
        self.header = record.header
        self.comparisonBody = TextNormalizer.normalize(body)
        self.fingerprint = Fingerprint(normalizedTitle: TextNormalizer.normalize(title), normalizedBody: comparisonBody)
    }

    static let maximumTitleBytes = 1_000

    /// A day from now, for spotting dates in the future. Computed when asked (once per
    /// import), never once per process: a long-running server would see it go stale.
    public static func tomorrow() -> String { timestamp(Date().addingTimeInterval(86_400)) }

    /// Line breaks as LF, no spaces or tabs at line ends, at most one blank line in a
    /// row, nothing blank at either end. Works on bytes: bodies are long.
    static func cleanBody(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count)
            var blankLines = 0
            var lineStart = 0
            var index = 0
            func endLine(at end: Int) {
                var last = end
                while last > lineStart, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 { last -= 1 }
                if last == lineStart {
                    blankLines += 1
                } else {
                    if !output.isEmpty { output.append(contentsOf: blankLines > 0 ? [0x0A, 0x0A] : [0x0A]) }
                    output.append(contentsOf: bytes[lineStart..<last])
                    blankLines = 0
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    endLine(at: index)
                    index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                    lineStart = index
                } else {
                    index += 1
                }
            }
            endLine(at: bytes.count)
            return String(decoding: output, as: UTF8.self)
        }
    }
}

/// Why a record cannot become an article.
public struct ArticleRejection: Error, Equatable {
    public let message: String
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }

    var replacingNUL: String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 })) }
}
