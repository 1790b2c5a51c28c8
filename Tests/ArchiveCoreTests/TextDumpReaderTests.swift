import Foundation
import Testing
@testable import ArchiveCore

@Suite("Text dump reader")
struct TextDumpReaderTests {
    /// Our own dump in the seed's shape: a first record with a date and no repeated
    /// header, records with repeated headers, subheadings, and a cut-off last record.
    static let dump = """
        Rivers rise after a week of storms in the valley. Weather | Floods | Valley

        Release time:Apr 14, 2024 07:30 AM

        Rivers in the valley rose by two metres overnight after a week of storms.

        Villages on alert

        Emergency crews moved sandbags to three villages on the lower river.

        Council approves a new bridge. | Transport | Council
        Council approves a new bridge. | Transport | Council

        The council voted to build a second bridge across the river.

        Xinhua All Media+| Welcome home! Crew lands safely after six months. Space | Crew
        Xinhua All Media+| Welcome home! Crew lands safely after six months. Space | Crew

        The capsule landed at dawn and the crew left it unaided.

        New comment: markets shrug off the rate decision Markets | rates
        New comment: markets shrug off the rate decision Markets | rates

        Shares barely moved after the decision was announced. 【
        """

    @Test("records, titles, tags, dates and bodies as the format defines them")
    func readsRecords() throws {
        let records = try readAll(.text, Self.dump).compactMap(\.record)
        #expect(records.count == 4)
        #expect(records.map(\.title) == [
            "Rivers rise after a week of storms in the valley.", "Council approves a new bridge.",
            "Xinhua All Media+| Welcome home! Crew lands safely after six months.",
            "New comment: markets shrug off the rate decision Markets",
        ])
        #expect(records[0].tags == ["Weather", "Floods", "Valley"])
        #expect(records[1].tags == ["Transport", "Council"])
        #expect(records[2].tags == ["Space", "Crew"])
        #expect(records[3].tags == ["rates"])
        #expect(records[0].published == "Apr 14, 2024 07:30 AM")
        #expect(records[1].published == nil)
        #expect(records[0].body == """
            Rivers in the valley rose by two metres overnight after a week of storms.

            Villages on alert

            Emergency crews moved sandbags to three villages on the lower river.
            """)
        #expect(records[3].body == "Shares barely moved after the decision was announced. 【")
        #expect(records[0].header == "Rivers rise after a week of storms in the valley. Weather | Floods | Valley")
    }

    @Test("spans: each record ends where the next starts; the last may be incomplete")
    func spans() throws {
        let records = try readAll(.text, Self.dump).compactMap(\.record)
        #expect(records[0].span.start == .start)
        for (record, next) in zip(records, records.dropFirst()) {
            #expect(record.span.end == next.span.start)
            #expect(record.span.isComplete)
        }
        #expect(records[1].span.start.line == 11)
        #expect(!records[3].span.isComplete)
        #expect(records[3].span.resumePoint == records[3].span.start)
        let bytes = Array(Self.dump.utf8)
        #expect(records[3].span.end.offset == Int64(bytes.count))
        // The offset points at the header line's first byte.
        let header = Array("Council approves".utf8)
        #expect(Array(bytes[Int(records[1].span.start.offset)...].prefix(header.count)) == header)
    }

    @Test("CRLF, a BOM, trailing spaces and runs of blank lines read the same as clean LF")
    func awkwardWhitespace() throws {
        let clean = try readAll(.text, Self.dump).compactMap(\.record)
        var messy = Self.dump.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "  \r\n\r\n \t" : $0 + "   " }.joined(separator: "\r\n")
        messy = "\u{FEFF}" + messy
        let read = try readAll(.text, messy).compactMap(\.record)
        #expect(read.map(\.title) == clean.map(\.title))
        #expect(read.map(\.tags) == clean.map(\.tags))
        #expect(read.map(\.body) == clean.map(\.body))
        #expect(read.map(\.published) == clean.map(\.published))
        // Lone CR line endings (old Mac files) read like LF.
        let crOnly = try readAll(.text, Self.dump.replacingOccurrences(of: "\n", with: "\r")).compactMap(\.record)
        #expect(crOnly.map(\.body) == clean.map(\.body))
    }

    @Test("Release time forms, with or without a space, mark the line before as a header")
    func releaseTimeVariants() throws {
        let dump = """
            First story. A | B

            Release time: 2024-04-14 07:30

            Body one.

            Second story has no repeat.

            RELEASE TIME:2024/04/15

            Body two.
            """
        let records = try readAll(.text, dump).compactMap(\.record)
        #expect(records.map(\.title) == ["First story.", "Second story has no repeat."])
        #expect(records.map(\.published) == ["2024-04-14 07:30", "2024/04/15"])
        #expect(records.map(\.body) == ["Body one.", "Body two."])
    }

    @Test("a header with no body is still a record (the importer rejects it), nothing is skipped")
    func headerWithoutBody() throws {
        let dump = """
            Lonely header. X
            Lonely header. X

            Next story. Y
            Next story. Y

            Body.
            """
        let records = try readAll(.text, dump).compactMap(\.record)
        #expect(records.count == 2)
        #expect(records[0].body == "")
        var warnings: [String] = []
        #expect(throws: ArticleRejection(message: "record has a title but no body")) {
            try Article(record: records[0], warnings: &warnings)
        }
    }

    @Test("invalid UTF-8 becomes U+FFFD with a warning, the record is kept")
    func invalidUTF8() throws {
        var bytes = Array("Bad bytes story. T\nBad bytes story. T\n\nCaf".utf8)
        bytes += [0xE9, 0x20]
        bytes += Array("au lait.\n".utf8)
        let records = try readAll(.text, bytes: bytes).compactMap(\.record)
        #expect(records.count == 1)
        #expect(records[0].body == "Caf\u{FFFD} au lait.")
        #expect(records[0].warnings.count == 1)
    }

    @Test("empty and blank input give no records")
    func emptyInput() throws {
        #expect(try readAll(.text, "").isEmpty)
        #expect(try readAll(.text, "\n\n   \n\t\n").isEmpty)
    }

    @Test("reading from an offset starts a record at the first line read")
    func resumeFromOffset() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("d.txt", Self.dump)
        let all = try readAll(.text, Self.dump).compactMap(\.record)
        let start = all[2].span.start
        var reader = try DumpFormat.text.reader(source: try ByteSource(path: path, offset: start.offset), line: start.line)
        var tail: [DumpRecord] = []
        while let event = try reader.next() { if let record = event.record { tail.append(record) } }
        #expect(tail == Array(all[2...]))
    }
}

@Suite("Line reader")
struct LineReaderTests {
    @Test("a line over the limit is skipped and reported; reading goes on after it")
    func overlongLine() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("d.txt", "short\n" + String(repeating: "x", count: 5_000) + "\nafter\r\nlast")
        var lines = LineReader(source: try ByteSource(path: path), maximumLength: 1_000)
        #expect(try lines.next()?.text == "short")
        do {
            _ = try lines.next()
            Issue.record("an overlong line must be reported")
        } catch let tooLong as LineTooLong {
            #expect(tooLong.start == InputPosition(offset: 6, line: 2))
            #expect(tooLong.length == 5_000)
            #expect(tooLong.problem(resume: lines.nextPosition).message == "line 2 is 5000 bytes long, over the 0 MiB limit; skipped")
        }
        let after = try lines.next()
        #expect(after?.text == "after")
        #expect(after?.start.line == 3)
        let last = try lines.next()
        #expect(last?.text == "last" && last?.isTerminated == false)
        #expect(try lines.next() == nil)
    }
}
