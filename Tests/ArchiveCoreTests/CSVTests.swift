import Foundation
import Testing
@testable import ArchiveCore

@Suite("CSV")
struct CSVTests {
    @Test("fields with comma, quote, CR or LF are quoted, quotes doubled; others are bare")
    func writerQuoting() {
        #expect(CSVWriter.field("plain") == "plain")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVWriter.field("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVWriter.field(nil) == "")
        #expect(CSVWriter.field("") == "")
        #expect(CSVWriter.record(["a", nil, "b c"]) == "a,,b c\r\n")
    }

    @Test("what the writer writes, the reader reads back exactly")
    func roundTrip() throws {
        let rows: [[String]] = [
            ["T1", "Body with, comma\n\nand \"quotes\" and a | pipe", "x | y"],
            ["Tête-à-tête 日本", "multi\r\nline", ""],
            ["\"leading quote", "trailing quote\"", "z"],
        ]
        let text = CSVWriter.record(["title", "body", "tags"]) + rows.map(CSVWriter.record).joined()
        let records = try readAll(.csv, text).compactMap(\.record)
        #expect(records.map(\.title) == rows.map { $0[0] })
        // Line breaks inside fields come back as LF.
        #expect(records.map(\.body) == rows.map { $0[1].replacingOccurrences(of: "\r\n", with: "\n") })
        #expect(records[0].tags == ["x", "y"])
        #expect(records[1].tags == [])
        #expect(records[1].span.start.line == 5)  // the first row spans lines 2 to 4
    }

    @Test("header aliases; unknown columns ignored; missing title or body refuses the file")
    func header() throws {
        let records = try readAll(.csv, "ID,Title,Text,Whatever,date\n7,A,B,zzz,2024-04-14\n").compactMap(\.record)
        #expect(records.count == 1)
        #expect(records[0].title == "A")
        #expect(records[0].body == "B")
        #expect(records[0].published == "2024-04-14")
        #expect(throws: ReadError.self) { try readAll(.csv, "label,body\nA,B\nC,D\n") }
        #expect(throws: ReadError.self) { try readAll(.csv, "title,summary\nA,B\n") }
    }

    @Test("a row with the wrong number of fields and an unclosed quote are problems; the rest is read")
    func badRows() throws {
        let dump = "title,body\nA,a\nB,b,extra\nC\n\"D,never closed\nE,e\nF,f\n"
        let events = try readAll(.csv, dump)
        #expect(events.compactMap(\.record).map(\.title) == ["A", "E", "F"])
        let problems = events.compactMap(\.problem)
        #expect(problems.map(\.span.start.line) == [3, 4, 5])
        #expect(problems[0].message == "expected 2 fields as in the header row, found 3")
        #expect(problems[2].message.contains("never closed"))
    }
}
