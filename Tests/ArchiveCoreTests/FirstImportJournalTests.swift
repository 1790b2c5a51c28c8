import Foundation
import Testing
@testable import ArchiveCore

/// A first import writes through a rollback journal (FirstImportJournal); the archive
/// is in WAL mode before and after, and a reader that has the file open keeps it there.
@Suite("First import journal")
struct FirstImportJournalTests {
    /// The journal mode the file's header records: 1 rollback journal, 2 write-ahead log
    /// (bytes 18 and 19, the file format's read and write versions).
    static func headerJournalMode(_ path: String) throws -> [UInt8] {
        let handle = try #require(FileHandle(forReadingAtPath: path))
        defer { try? handle.close() }
        let header = try #require(try handle.read(upToCount: 20))
        return [header[18], header[19]]
    }

    @Test("an empty archive switches to a rollback journal and back; one holding an article does not switch")
    func switchesOnlyWhenEmpty() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        do {
            let archive = try Archive(path: db, mode: .write)
            defer { archive.close() }
            let journal = FirstImportJournal(connection: archive.connection)
            #expect(try Self.headerJournalMode(db) == [2, 2])
            #expect(try journal.begin())
            #expect(try Self.headerJournalMode(db) == [1, 1])
            #expect(try archive.connection.scalar("PRAGMA journal_mode") == .text("delete"))
            try journal.end()
            #expect(try Self.headerJournalMode(db) == [2, 2])
        }
        try importDumps([directory.write("a.txt", textDump(0..<2))], into: db)
        #expect(try Self.headerJournalMode(db) == [2, 2], "the import left the archive in WAL mode")
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        #expect(try FirstImportJournal(connection: archive.connection).begin() == false)
        #expect(try archive.connection.scalar("PRAGMA journal_mode") == .text("wal"))
    }

    @Test("with another connection reading the empty archive, a first import keeps the log: the reader's snapshot holds and the import does not wait for it")
    func readerKeepsTheLog() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try Archive(path: db, mode: .write).close()
        // A short busy timeout: in rollback-journal mode this open read would make the
        // import's commit wait for it, then fail.
        let reader = try Archive(path: db, mode: .read, busyTimeout: .milliseconds(50))
        defer { reader.close() }
        try reader.connection.execute("BEGIN")
        #expect(try reader.connection.scalarInt("SELECT count(*) FROM articles") == 0)
        let dump = directory.write("a.txt", textDump(0..<30))
        do {
            let archive = try Archive(path: db, mode: .write, busyTimeout: .milliseconds(50))
            defer { archive.close() }
            #expect(try FirstImportJournal(connection: archive.connection).begin() == false)
            var options = ImportOptions()
            options.commitRecords = 4
            // (Its last step, emptying the log, gives up on the pages the reader holds.)
            let summary = try archive.importDumps([dump], options: options, observer: RecordingObserver())
            #expect(summary.inserted == 30)
        }
        #expect(try reader.connection.scalarInt("SELECT count(*) FROM articles") == 0, "the reader's snapshot")
        try reader.connection.execute("COMMIT")
        #expect(try reader.connection.scalarInt("SELECT count(*) FROM articles") == 30)
        #expect(try Self.headerJournalMode(db) == [2, 2])
    }

    @Test("a reader that has the empty archive open, reading nothing at the moment, keeps the log too")
    func idleReader() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try Archive(path: db, mode: .write).close()
        let reader = try Archive(path: db, mode: .read)
        defer { reader.close() }
        #expect(try reader.connection.scalarInt("SELECT count(*) FROM articles") == 0)
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        #expect(try FirstImportJournal(connection: archive.connection).begin() == false)
    }
}
