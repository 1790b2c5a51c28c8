import Testing
@testable import ArchiveCore

@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    @Test("fields by their names and aliases; other members ignored; blank lines skipped")
    func fieldsAndAliases() throws {
        let dump = """
            {"title": "One", "body": "Body one", "tags": ["a", "b"], "published": "2024-04-14 07:30", "url": "https://x/1", "source": "Wire"}

            {"title": "Two", "text": "Body two", "tags": "c | d", "date": "2024/04/15", "extra": {"nested": [1, 2]}}
            {"title": "Three", "content": "Body \\"three\\"\\n\\u00e9\\ud83d\\ude00", "release_time": null, "tags": []}
            {"Title": "Four", "body": "preferred", "text": "ignored"}
            """
        let records = try readAll(.jsonl, dump).compactMap(\.record)
        #expect(records.map(\.title) == ["One", "Two", "Three", "Four"])
        #expect(records.map(\.body) == ["Body one", "Body two", "Body \"three\"\né😀", "preferred"])
        #expect(records[0].tags == ["a", "b"])
        #expect(records[1].tags == ["c", "d"])
        #expect(records[0].published == "2024-04-14 07:30")
        #expect(records[1].published == "2024/04/15")
        #expect(records[0].url == "https://x/1")
        #expect(records[0].source == "Wire")
        #expect(records[2].published == nil)
        #expect(records[1].span.start.line == 3)
    }

    @Test("bad lines are problems with their line and bytes; good lines around them are read")
    func badLines() throws {
        let dump = """
            {"title": "Good one", "body": "x"}
            {"title": "Cut in ha
            {"title": 5, "body": "wrong type"}
            {"title": "T", "body": "b", "tags": [1]}
            [1, 2]
            {"title": "Good two", "body": "y"}
            """
        let events = try readAll(.jsonl, dump)
        #expect(events.compactMap(\.record).map(\.title) == ["Good one", "Good two"])
        let problems = events.compactMap(\.problem)
        #expect(problems.map(\.span.start.line) == [2, 3, 4, 5])
        #expect(problems[0].message.contains("invalid JSON"))
        #expect(problems[1].message == "\"title\" must be a string, found a number")
        #expect(problems[2].message == "\"tags\" must hold strings, found a number")
        #expect(problems[3].message == "expected a JSON object, found an array")
        #expect(problems[0].raw == Array(#"{"title": "Cut in ha"#.utf8))
    }

    @Test("a last line without a newline is read but marked incomplete")
    func unterminatedLastLine() throws {
        let events = try readAll(.jsonl, "{\"title\": \"A\", \"body\": \"a\"}\n{\"title\": \"B\", \"body\": \"b\"}")
        #expect(events.count == 2)
        #expect(events[0].span.isComplete)
        #expect(!events[1].span.isComplete)
    }

    @Test("the JSON parser is strict", arguments: [
        "{\"a\": 01}", "{\"a\": 1,}", "{'a': 1}", "{\"a\": tru}", "{\"a\": \"\u{01}\"}", "{\"a\": 1} x", "",
        "{\"a\": \"\\x\"}", String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ])
    func strictParser(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test("numbers, literals and nesting parse")
    func parserValues() throws {
        let value = try JSONValue.parse(Array(#"{"n": -1.5e2, "t": true, "f": false, "z": null, "a": [{}, []]}"#.utf8))
        #expect(value == .object([("n", .number(-150)), ("t", .bool(true)), ("f", .bool(false)), ("z", .null),
                                  ("a", .array([.object([]), .array([])]))]))
    }
}
