import Foundation
@testable import ArchiveCore

/// A fresh folder for one test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL
    private let owned: Bool

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        owned = true
    }

    /// A folder inside another TemporaryDirectory, removed with it.
    init(existing path: String) {
        url = URL(fileURLWithPath: path)
        owned = false
    }

    deinit { if owned { try? FileManager.default.removeItem(at: url) } }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = path(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let path = path(name)
        try! Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func append(_ name: String, _ text: String) {
        let handle = FileHandle(forWritingAtPath: path(name))!
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }
}

/// Reads every event of a dump given as text.
func readAll(_ format: DumpFormat, _ text: String) throws -> [DumpEvent] {
    try readAll(format, bytes: Array(text.utf8))
}

func readAll(_ format: DumpFormat, bytes: [UInt8]) throws -> [DumpEvent] {
    let directory = TemporaryDirectory()
    let path = directory.write("dump", bytes: bytes)
    var reader = try format.reader(source: try ByteSource(path: path), line: 1)
    var events: [DumpEvent] = []
    while let event = try reader.next() { events.append(event) }
    return events
}

extension DumpEvent {
    var record: DumpRecord? {
        if case .record(let record) = self { return record }
        return nil
    }

    var problem: DumpProblem? {
        if case .problem(let problem) = self { return problem }
        return nil
    }
}

/// Quiet collector of what an import reports.
final class RecordingObserver: ImportObserver {
    var warnings: [String] = []
    var notes: [String] = []
    var recorded: [ImportNote] = []
    func warning(_ message: String) { warnings.append(message) }
    func note(_ note: ImportNote) {
        notes.append(note.description)
        recorded.append(note)
    }
    func progress(_ summary: ImportSummary, file: String, fileBytesDone: Int64, fileBytesTotal: Int64?) {}
}

/// Imports `paths` into the archive at `db` and returns the summary.
@discardableResult
func importDumps(_ paths: [String], into db: String, force: Bool = false, format: DumpFormat? = nil,
                 observer: RecordingObserver = RecordingObserver(), configure: (inout ImportOptions) -> Void = { _ in }) throws -> ImportSummary {
    let archive = try Archive(path: db, mode: .write)
    defer { archive.close() }
    var options = ImportOptions(format: format, force: force)
    configure(&options)
    return try archive.importDumps(paths, options: options, observer: observer)
}

func count(_ sql: String, in db: String) throws -> Int {
    let archive = try Archive(path: db, mode: .read)
    defer { archive.close() }
    return try archive.connection.scalarInt(sql)
}

/// A text dump with `count` distinct articles, titled "Story N ...".
func textDump(_ range: Range<Int>) -> String {
    range.map { n in
        """
        Story \(n) about the harbour and the council number \(n). Tag\(n % 3) | City
        Story \(n) about the harbour and the council number \(n). Tag\(n % 3) | City

        Release time:2024-03-\(String(format: "%02d", n % 28 + 1)) 10:00

        Paragraph one of story \(n) tells what happened at the harbour on day \(n).

        Paragraph two of story \(n) adds that the council met \(n * 7) residents.

        """
    }.joined(separator: "\n")
}
