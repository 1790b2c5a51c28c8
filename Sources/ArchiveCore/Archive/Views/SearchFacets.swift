/// How the articles a filter covers spread over tags and years: what a search page
/// offers as the next filter, each with how many articles it would leave.
public struct SearchFacets: Equatable, Sendable, Encodable {
    /// The most frequent tags first (the same article counts once per tag).
    public var tags: [ArchiveStats.TagCount]
    /// Years of publication, newest first; undated articles are in none.
    public var years: [PeriodCount]
    /// How many articles the filter covers (dated or not); nil when more than the
    /// count limit asked for (`yearsAmongNewest` says which).
    public var total: Int?
    /// Set when the tags were counted among this many newest articles of the filter
    /// only (it covers more); nil when they cover every one.
    public var tagsAmongNewest: Int?
    /// Set when the years were counted among this many newest articles of the filter
    /// only (it covers more); nil when they cover every one.
    public var yearsAmongNewest: Int?

    public init(tags: [ArchiveStats.TagCount], years: [PeriodCount], total: Int?, tagsAmongNewest: Int? = nil,
                yearsAmongNewest: Int? = nil) {
        self.tags = tags
        self.years = years
        self.total = total
        self.tagsAmongNewest = tagsAmongNewest
        self.yearsAmongNewest = yearsAmongNewest
    }
}

/// Articles published in one period: a year (`2024`) or a month (`2024-03`).
public struct PeriodCount: Equatable, Sendable, Encodable {
    public var period: String
    public var count: Int

    public init(period: String, count: Int) {
        self.period = period
        self.count = count
    }
}
