import ArchiveCore
import Foundation

/// Writes a labeled set to a folder: each dump file as JSON Lines (`title`, `body`,
/// `published`, `tags`, one record per line), and `labels.jsonl` with one line per
/// record: its file and line, story, kind, and for a copy where its original is.
public enum LabeledSetWriter {
    /// Returns the dump files' paths, in import order.
    @discardableResult
    public static func write(_ set: LabeledSet, to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var dumps: [String: String] = [:]
        var labels = ""
        for record in set.records {
            let article = record.article
            dumps[record.location.file, default: ""] += "{\"title\":\(JSONText.string(article.title)),\"body\":\(JSONText.string(article.body)),"
                + "\"published\":\(JSONText.string(article.published)),\"tags\":\(JSONText.array(article.tags))}\n"
            let original = record.original.map { JSONText.string(set.records[$0].location.description) } ?? "null"
            labels += "{\"file\":\(JSONText.string(record.location.file)),\"line\":\(record.location.line),"
                + "\"story\":\(record.story),\"kind\":\(JSONText.string(record.kind.description)),\"original\":\(original)}\n"
        }
        var paths: [String] = []
        for file in set.files {
            let path = (directory as NSString).appendingPathComponent(file)
            try Data(dumps[file, default: ""].utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        try Data(labels.utf8).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(LabeledSet.labelsFile)))
        return paths
    }
}
