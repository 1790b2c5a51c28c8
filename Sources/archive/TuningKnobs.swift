import ArchiveCore
import Foundation

/// Environment variables that shrink an import's transactions, so the crash tests can
/// kill the process between many small commits, and stop it at exact moments (hold
/// points). Not for everyday use: the defaults are what is fast (README, "Development").
enum TuningKnobs {
    static func apply(to options: inout ImportOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        func value(_ name: String) -> Int? { environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        if let records = value("ARCHIVE_COMMIT_RECORDS") { options.commitRecords = records }
        if let records = value("ARCHIVE_FEED_RECORDS") { options.feedRecords = records }
        if let chunk = value("ARCHIVE_INDEX_CHUNK") { options.indexChunk = chunk }
        if let bytes = value("ARCHIVE_CJK_ENTRY_BYTES") { options.madeCJKBytes = bytes }
        options.holds = try HoldPoints(spec: environment["ARCHIVE_TEST_HOLD"] ?? "", folder: environment["ARCHIVE_TEST_HOLD_DIR"] ?? "")
    }

    static var dedupBatch: Int? {
        ProcessInfo.processInfo.environment["ARCHIVE_DEDUP_BATCH"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
