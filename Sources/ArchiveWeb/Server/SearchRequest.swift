import ArchiveCore

/// The parameters `/`, `/api/search` and the exports share, read and bounded: what to
/// search for, the filters, and the page. Every page's state lives in its URL, so a
/// search can be bookmarked and its CSV is the same URL on another path.
struct SearchRequest: Sendable, Equatable {
    var query: String?
    /// `raw=1`: the query is FTS5 syntax (phrases, OR, NOT, NEAR), as `archive search --raw`.
    var isRaw = false
    var tags: [String] = []
    var since: String?
    var until: String?
    var allVersions = false
    var limit = SearchRequest.defaultLimit
    var offset = 0

    static let defaultLimit = 20
    static let maximumLimit = 100
    static let maximumOffset = 10_000
    static let maximumQueryLength = 500
    static let maximumTags = 10

    init(_ parameters: QueryString) throws(WebError) {
        if let q = parameters["q"]?.trimmingWhitespace, !q.isEmpty {
            guard q.count <= Self.maximumQueryLength else {
                throw .badRequest("the query is too long (at most \(Self.maximumQueryLength) characters)")
            }
            query = q
        }
        tags = parameters.all("tag").map(\.trimmingWhitespace).filter { !$0.isEmpty }
        guard tags.count <= Self.maximumTags, tags.allSatisfy({ $0.count <= 200 }) else {
            throw .badRequest("too many or too long tags (at most \(Self.maximumTags) of 200 characters)")
        }
        since = try Self.date(parameters["since"], name: "since")
        until = try Self.date(parameters["until"], name: "until")
        allVersions = Self.isOn(parameters["all_versions"])
        isRaw = Self.isOn(parameters["raw"])
        limit = try parameters.number("limit", in: 1...Self.maximumLimit) ?? limit
        offset = try parameters.number("offset", in: 0...Self.maximumOffset) ?? offset
        _ = try filter()  // a date that cannot be read is the request's mistake, said now
    }

    private static func isOn(_ value: String?) -> Bool { ["1", "true", "on", "yes"].contains(value ?? "") }

    private static func date(_ text: String?, name: String) throws(WebError) -> String? {
        guard let text = text?.trimmingWhitespace, !text.isEmpty else { return nil }
        guard text.count <= 40 else { throw .badRequest("\(name) is too long") }
        return text
    }

    /// The archive's filter. A raw query's syntax is judged when it runs (a 400 then).
    func filter() throws(WebError) -> ArticleFilter {
        do {
            return try ArticleFilter(query: query.map { SearchQuery($0, raw: isRaw) }, since: since, until: until, tags: tags,
                                     allVersions: allVersions)
        } catch {
            throw .badRequest(error.description)
        }
    }

    /// The filter's parameters, without the page: what every link of a result page keeps.
    var filterParameters: [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        if let query { pairs.append(("q", query)) }
        if isRaw { pairs.append(("raw", "1")) }
        pairs += tags.map { ("tag", $0) }
        if let since { pairs.append(("since", since)) }
        if let until { pairs.append(("until", until)) }
        if allVersions { pairs.append(("all_versions", "1")) }
        return pairs
    }

    /// `path` with this search's filters, plus `extra` parameters.
    func link(_ path: String, _ extra: [(name: String, value: String)] = []) -> String {
        let query = QueryString(pairs: filterParameters + extra).encoded
        return query.isEmpty ? path : path + "?" + query
    }

    /// A link to the same search at another offset, keeping a limit that is not the default.
    func page(_ path: String, offset: Int) -> String {
        var extra: [(name: String, value: String)] = []
        if limit != Self.defaultLimit { extra.append(("limit", String(limit))) }
        if offset > 0 { extra.append(("offset", String(offset))) }
        return link(path, extra)
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
