/// The fields JSON Lines and CSV dumps may carry, by the names they may use.
enum RecordField: Equatable {
    case title, body, tags, published, publishedRaw, url, source, header

    /// Names are matched without regard to case. Where several names of one field are
    /// present the first in this list wins (`body` over `text` over `content`).
    static let names: [(String, RecordField)] = [
        ("title", .title),
        ("body", .body), ("text", .body), ("content", .body),
        ("tags", .tags),
        ("published", .published), ("date", .published), ("release_time", .published),
        ("published_raw", .publishedRaw),
        ("url", .url), ("source", .source), ("header", .header),
    ]

    /// The field and its rank among the names of that field (0 is preferred).
    static func lookup(_ name: String) -> (field: RecordField, rank: Int)? {
        let lower = name.lowercased()
        guard let index = names.firstIndex(where: { $0.0 == lower }) else { return nil }
        let field = names[index].1
        let rank = names[..<index].filter { $0.1 == field }.count
        return (field, rank)
    }

    /// Stores one value into `record`.
    func assign(_ value: String, to record: inout DumpRecord) {
        switch self {
        case .title: record.title = value
        case .body: record.body = value
        case .tags: record.tags = Tags.split(value)
        case .published: record.published = value
        case .publishedRaw: record.publishedRaw = value
        case .url: record.url = value
        case .source: record.source = value
        case .header: record.header = value
        }
    }
}
