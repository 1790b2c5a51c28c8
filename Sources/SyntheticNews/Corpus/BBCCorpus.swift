import ArchiveCore
import Foundation

/// The BBC News corpus (2,225 articles from 2004-2005 in five categories), as CSV files
/// `train.csv`, `val.csv`, `test.csv` with the header `text,category`. Each text is the
/// title run into the body; the first sentence is taken as the title.
public enum BBCCorpus {
    public static let files = ["train.csv", "val.csv", "test.csv"]

    /// True when every file of the corpus is in `directory`.
    public static func isPresent(in directory: String) -> Bool {
        files.allSatisfy { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) }
    }

    public struct MissingColumn: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path): the header row has no text column" }
    }

    /// The corpus's articles in file order, read with the archive's own CSV reader; texts
    /// that are the same once white space and case are set aside kept once (the corpus
    /// repeats about a hundred): a repeat would be an unlabeled exact copy and count
    /// against precision. (Near repeats are left to `CorpusRepeats`.)
    public static func load(from directory: String, seed: UInt64) throws -> [NewsArticle] {
        var seen = Set<String>()
        var articles: [NewsArticle] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            var rows = try CSVTable.rows(path: path)
            guard let header = rows.first, let textColumn = header.firstIndex(of: "text") else { throw MissingColumn(path: path) }
            let categoryColumn = header.firstIndex(of: "category")
            rows.removeFirst()
            for row in rows where row.count > textColumn {
                let key = row[textColumn].lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                let category = categoryColumn.flatMap { $0 < row.count ? row[$0] : nil }
                articles.append(article(row[textColumn], category: category, number: articles.count, seed: seed))
            }
        }
        return articles
    }

    static func article(_ text: String, category: String?, number: Int, seed: UInt64) -> NewsArticle {
        let (title, body) = splitTitle(text)
        // The corpus has no dates; its stories ran in 2004 and 2005.
        var rng = SplitMix64(seed: seed, "bbc-date".seedValue, UInt64(number))
        let released = ReleaseTime(year: 2004, month: 1, day: 1, hour: rng.between(6...22), minute: rng.below(60))
            .adding(days: rng.below(730))
        return NewsArticle(title: title, body: body, published: released.text, tags: category.map { [$0] } ?? [])
    }

    /// The first sentence as title, the rest as body. A first sentence over 40 words
    /// (a run-on title) gives its first 12 words to the title instead.
    static func splitTitle(_ text: String) -> (title: String, body: String) {
        let spans = WordSpans(text)
        guard spans.count > 1 else { return (text, text) }
        var end = min(12, spans.count - 1)
        for position in 0..<min(spans.count - 1, 40) where endsSentence(spans.word(position), next: spans.word(position + 1)) {
            end = position + 1
            break
        }
        let title = spans.prefix(words: end)
        let body = String(text[spans.ranges[end].lowerBound...])
        return (title, body)
    }

    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rev", "no", "co", "inc", "ltd", "jr", "sr", "vs"]

    private static func endsSentence(_ word: Substring, next: Substring) -> Bool {
        guard let last = word.last(where: { $0 != "\"" && $0 != "'" }), ".!?".contains(last) else { return false }
        let bare = word.lowercased().filter(\.isLetter)
        // `Mr.` and initials (`J.`) end no sentence.
        guard !abbreviations.contains(bare), bare.count > 1 || !word.hasSuffix(".") else { return false }
        return next.first.map { $0.isUppercase || $0 == "\"" || $0.isNumber } ?? false
    }
}
