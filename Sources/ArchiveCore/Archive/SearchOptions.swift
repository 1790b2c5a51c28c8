/// The marks put around matching words in snippets.
public struct SearchMarks: Sendable, Hashable {
    public var open: String
    public var close: String

    public init(open: String, close: String) {
        self.open = open
        self.close = close
    }

    public static let markdown = SearchMarks(open: "**", close: "**")
}

/// How far ranking reaches. Ranking costs time for every match ranked, so a word in
/// half of a million articles would cost a second; by default only the newest `window`
/// matches (by id, the order of import) are ranked, widened until the page is full.
/// `everything` ranks every match.
public enum SearchReach: Hashable, Sendable {
    case newest(Int)
    case everything

    /// How many newest matches are ranked by default; a web page's counts stop there too.
    public static let standardWindow = 10_000
    public static let standard = SearchReach.newest(standardWindow)
}

/// The two export formats; both import back into an archive unchanged.
public enum ExportFormat: Sendable {
    case csv
    case jsonl
}

/// Where an export streams its bytes: standard output, a file, or a web response.
public protocol ByteSink: AnyObject, ByteAppending {
    func write(_ text: String) throws
    /// Passes the bytes on when enough have gathered; called once a row.
    func flushIfFull() throws
}
