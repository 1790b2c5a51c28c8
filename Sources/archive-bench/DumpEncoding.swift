import ArchiveCore
import SyntheticNews

/// Writes generated articles in the dump formats of the README, and as the rows the
/// reference tools load. Strings are escaped by the archive's own writers (`JSONText`,
/// `CSVWriter`), so the reference rows are quoted as an export would quote them.
enum DumpEncoding {
    /// The text format: header (title, then tags glued after its full stop), its repeat,
    /// a blank line, `Release time:`, a blank line, paragraphs, and a blank line.
    static func appendText(_ article: GeneratedArticle, to out: inout [UInt8]) {
        var header = article.title
        for (index, tag) in article.tags.enumerated() {
            header += (index == 0 ? " " : HeaderLine.tagSeparator) + tag
        }
        out.append(contentsOf: "\(header)\n\(header)\n\nRelease time:\(article.released.releaseLine)\n\n".utf8)
        out.append(contentsOf: article.body.utf8)
        out.append(contentsOf: "\n\n".utf8)
    }

    /// One JSON Lines record. `isoDates`: `2024-04-14T07:30:00` as the archive stores it,
    /// else `2024-04-14 07:30` as dumps write it.
    static func appendJSON(_ article: GeneratedArticle, isoDates: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: "{\"title\":".utf8)
        JSONText.appendString(article.title, to: &out)
        out.append(contentsOf: ",\"body\":".utf8)
        JSONText.appendString(article.body, to: &out)
        out.append(contentsOf: ",\"tags\":\(JSONText.array(article.tags)),\"published\":".utf8)
        JSONText.appendString(isoDates ? article.released.iso8601 : article.released.text, to: &out)
        out.append(contentsOf: "}\n".utf8)
    }

    /// One CSV row `id,title,body,tags,published`, tags as the JSON array the archive stores.
    static func appendCSV(_ article: GeneratedArticle, id: Int, to out: inout [UInt8]) {
        let fields = [String(id), article.title, article.body, JSONText.array(article.tags), article.released.iso8601]
        out.append(contentsOf: CSVWriter.record(fields).utf8)
    }

    static let csvHeader = Array(CSVWriter.record(["id", "title", "body", "tags", "published"]).utf8)
}
