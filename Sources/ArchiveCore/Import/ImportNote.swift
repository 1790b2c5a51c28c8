/// What an import tells the user besides record problems; each front end words it.
public enum ImportNote: Equatable, Sendable, CustomStringConvertible {
    /// Imported before and unchanged, or the same bytes as another file imported before.
    case skipped(String, sameBytesAs: String?)
    case grown(String, fromLine: Int)
    case resuming(String, atLine: Int)
    case changed(String)
    case noRecords(String)
    case readAsLatin1(String)
    /// A member of a bundle whose name is not a dump's.
    case notADump(String)
    /// A bundle inside a bundle, which is not opened.
    case nestedBundle(String)
    /// A near-duplicate check of the whole archive is pending from this article on; the
    /// import leaves its articles to it.
    case nearDuplicatesPending(fromArticle: Int64)
    /// The import was told not to check near duplicates.
    case nearDuplicatesNotChecked

    public var description: String {
        switch self {
        case .skipped(let path, let copy):
            return copy.map { "\(path): skipped, same bytes as \($0), already imported" } ?? "\(path): skipped, already imported and unchanged"
        case .grown(let path, let line): return "\(path): has grown; reading from line \(line)"
        case .resuming(let path, let line): return "\(path): resuming an interrupted import at line \(line)"
        case .changed(let path): return "\(path): changed since it was imported; reading it all again"
        case .noRecords(let path): return "\(path): no records found (empty, or only blank lines)"
        case .readAsLatin1(let path): return "\(path): not UTF-8; read as Latin-1 (Windows-1252)"
        case .notADump(let path): return "\(path): not a dump by its name (.txt, .jsonl, .csv, maybe compressed); skipped"
        case .nestedBundle(let path): return "\(path): a bundle inside a bundle is not opened; import it on its own"
        case .nearDuplicatesPending(let article): return "near-duplicate check pending (from article \(article))"
        case .nearDuplicatesNotChecked: return "near duplicates not checked"
        }
    }
}
