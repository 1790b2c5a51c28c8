/// Which articles a search or export covers. Every value reaches SQLite as a bound
/// parameter, never as SQL text.
public struct ArticleFilter: Hashable, Sendable {
    public var query: SearchQuery?
    /// Articles published at or after this time (ISO 8601).
    public var since: String?
    /// Articles published before this time (ISO 8601, exclusive).
    public var until: String?
    /// Every one of these tags (compared without case) must be on the article.
    public var tags: [String] = []
    /// false: one row per story (its canonical version); true: every version.
    public var allVersions = false

    /// `since` and `until` take `YYYY`, `YYYY-MM`, a date, or a date and time, in any
    /// form `Release time:` accepts; both ends are inclusive (`--until 2024-04` covers
    /// all of April). Articles without a known date are left out when either is given.
    public init(query: SearchQuery? = nil, since: String? = nil, until: String? = nil, tags: [String] = [],
                allVersions: Bool = false) throws(SearchError) {
        self.query = query
        self.allVersions = allVersions
        if let since { self.since = try Self.period(since).start }
        if let until { self.until = try Self.period(until).end }
        self.tags = tags
    }

    /// The span of time a date names, as [start, end): `2024` is the year, `2024-04-14`
    /// the day, a date with a time that minute or second.
    static func period(_ text: String) throws(SearchError) -> (start: String, end: String) {
        let trimmed = text.trimmingWhitespace
        let numbers = trimmed.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        if numbers.allSatisfy({ $0 != nil }), numbers.count <= 2, numbers[0].map({ (1...9999).contains($0) }) == true,
           trimmed.split(separator: "-").first?.count == 4 {
            var start = DateParts(year: numbers[0]!, month: 1, day: 1)
            var end = start
            if numbers.count == 2 {
                guard let month = numbers[1], (1...12).contains(month) else { throw .invalidDate(text) }
                start.month = month
                end = month == 12 ? DateParts(year: start.year + 1, month: 1, day: 1) : DateParts(year: start.year, month: month + 1, day: 1)
            } else {
                end.year += 1
            }
            return (start.iso8601, end.iso8601)
        }
        guard let iso = ReleaseDate.iso8601(trimmed), var end = DateParts(iso8601: iso) else { throw .invalidDate(text) }
        if !trimmed.contains(":") {
            end.shift(minutes: 24 * 60)
        } else if end.second == 0 && trimmed.filter({ $0 == ":" }).count == 1 {
            end.shift(minutes: 1)
        } else {
            // One second later: the next whole second sorts after every value in this one.
            end.second += 1
            if end.second == 60 {
                end.second = 0
                end.shift(minutes: 1)
            }
        }
        return (iso, end.iso8601)
    }
}

extension DateParts {
    /// Reads the `YYYY-MM-DDTHH:MM:SS` form this tool stores.
    init?(iso8601 text: String) {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard numbers.count == 6 else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4], second: numbers[5])
    }
}
