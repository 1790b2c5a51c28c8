/// The fields JSON Lines and CSV dumps may carry, by the names they may use.
public enum RecordField: String, Equatable, Hashable, Sendable, CaseIterable {
    case title, body, tags, published, url, source, authors
    case publishedRaw = "published_raw", header

    /// Names are matched without regard to case. Where several names of one field are
    /// present the first in this list wins (`body` over `text` over `content`). The names
    /// are those of the dumps we see: news-please (`maintext`, `date_publish`,
    /// `source_domain`, `authors`), feeds and scrapers (`headline`, `link`, `pubdate`,
    /// `category`), and this tool's own export (`published_raw`, `header`).
    static let names: [(String, RecordField)] = [
        ("title", .title), ("headline", .title), ("name", .title),
        ("body", .body), ("text", .body), ("content", .body), ("article", .body), ("maintext", .body), ("story", .body),
        ("tags", .tags), ("keywords", .tags), ("category", .tags), ("categories", .tags), ("section", .tags),
        ("topics", .tags),
        ("published", .published), ("date", .published), ("date_publish", .published), ("published_at", .published),
        ("pubdate", .published), ("release_time", .published), ("timestamp", .published),
        ("published_raw", .publishedRaw),
        ("url", .url), ("link", .url), ("canonical_url", .url),
        ("source", .source), ("publication", .source), ("domain", .source), ("source_domain", .source), ("site", .source),
        ("author", .authors), ("authors", .authors),
        ("header", .header),
    ]

    /// The fields `--map` may name: what an article is made of. `published_raw` and
    /// `header` are only this tool's own export read back.
    public static let mappable: [RecordField] = [.title, .body, .tags, .published, .url, .source, .authors]

    /// The names of `field`, preferred first.
    static func names(of field: RecordField) -> [String] {
        names.filter { $0.1 == field }.map(\.0)
    }

    /// The field and its rank among the names of that field (0 is preferred).
    static func lookup(_ name: String) -> (field: RecordField, rank: Int)? {
        let lower = name.lowercased()
        guard let index = names.firstIndex(where: { $0.0 == lower }) else { return nil }
        let field = names[index].1
        let rank = names[..<index].filter { $0.1 == field }.count
        return (field, rank)
    }

    /// Stores one value, written as text, into `record`; `name` is where it was found.
    func assign(_ value: String, from name: String, to record: inout DumpRecord) {
        switch self {
        case .title: record.title = value
        case .body: record.body = value
        case .tags: record.tags = Self.tags(value, from: name)
        case .published: record.published = value
        case .publishedRaw: record.publishedRaw = value
        case .url: record.url = value
        case .source: record.source = value
        case .header: record.header = value
        case .authors: record.authors = Authors.split(value)
        }
    }

    /// Tags written as one string: separated by ` | ` as everywhere (`Tags.split`); under
    /// the name `keywords` also by commas, as HTML's `<meta name="keywords">` writes them.
    /// Other names keep commas: a section or category such as `Arts, Culture` is one tag.
    static func tags(_ value: String, from name: String) -> [String] {
        guard name.lowercased() == "keywords" else { return Tags.split(value) }
        return Tags.clean(value.split(separator: ",").map(String.init))
    }
}
