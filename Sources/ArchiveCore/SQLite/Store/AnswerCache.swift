/// Answers to reads repeated while the archive has not changed, for one connection.
///
/// A web page asks the same questions again (a reload, a second reader of the same
/// search, the facets of a query whose next page is shown); a common word costs a
/// ranking of thousands of matches each time. `PRAGMA data_version` says whether any
/// other connection committed since this one last looked, so every answer kept here
/// is of the snapshot being read, and the first read after an import commits finds
/// the cache emptied. It only serves archives opened for reading: a connection's own
/// writes do not change its data_version.
final class AnswerCache {
    enum Question: Hashable {
        case search(ArticleFilter, limit: Int, offset: Int, marks: SearchMarks, reach: SearchReach)
        case facets(ArticleFilter, tagLimit: Int, tagSample: Int, countLimit: Int?)
        case count(ArticleFilter, upTo: Int?)
    }

    private let capacity: Int
    private var dataVersion: Int?
    private var answers: [Question: Any] = [:]
    /// Filters' conditions read into bits by a walk (`FilterSet`), by the filter without
    /// its query: kept like the answers, until the archive changes, and used by the next
    /// count or facets of the same filter whatever their query.
    private var filterSets: [ArticleFilter: FilterSet] = [:]
    static let filterSetCapacity = 16
    /// Oldest first: the first to go when the cache is full.
    private var arrival: [Question] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The answer kept for `question` if the archive is as it was then, else the one
    /// `compute` gives, kept. Called inside the read transaction that computes it.
    func answer<T>(_ question: Question, on connection: Connection, compute: () throws -> T) throws -> T {
        let version = try connection.scalarInt("PRAGMA data_version")
        if version != dataVersion {
            answers.removeAll(keepingCapacity: true)
            arrival.removeAll(keepingCapacity: true)
            filterSets.removeAll()
            dataVersion = version
        }
        // Unwrapped before the cast: a missing answer must not pass for a kept nil.
        if let kept = answers[question], let typed = kept as? T { return typed }
        let fresh = try compute()
        if arrival.count >= capacity {
            answers[arrival.removeFirst()] = nil
        }
        answers[question] = fresh
        arrival.append(question)
        return fresh
    }

    /// The bits read for `filter`'s conditions in this state of the archive, if any.
    /// Asked within `answer`'s computation, whose version check they rely on.
    func filterSet(for filter: ArticleFilter) -> FilterSet? {
        filterSets[Self.conditionsOnly(filter)]
    }

    func keep(_ set: FilterSet, for filter: ArticleFilter) {
        if filterSets.count >= Self.filterSetCapacity { filterSets.removeAll() }
        filterSets[Self.conditionsOnly(filter)] = set
    }

    private static func conditionsOnly(_ filter: ArticleFilter) -> ArticleFilter {
        var conditions = filter
        conditions.query = nil
        return conditions
    }
}
