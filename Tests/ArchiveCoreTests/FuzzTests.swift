import Foundation
import Testing
@testable import ArchiveCore

/// A bounded random-input property test of the readers: random bytes and mutations of
/// valid dumps never crash or trap, and what the readers report stays inside the input.
/// `make fuzz` runs it longer (ARCHIVE_FUZZ_ITERATIONS).
@Suite("Fuzzing the readers")
struct FuzzTests {
    static let iterations = ProcessInfo.processInfo.environment["ARCHIVE_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 600

    static let seeds: [DumpFormat: String] = [
        .text: BadInputTests.good + TextDumpReaderTests.dump,
        .jsonl: """
            {"title": "One", "body": "Body one", "tags": ["a", "b"], "published": "2024-04-14 07:30", "url": "https://x/1"}
            {"title": "Two", "text": "B\\u00e9 \\"two\\"", "tags": "c | d", "date": "2024/04/15"}
            """,
        .csv: CSVWriter.record(ArticleExport.columns) + CSVWriter.record(["1", "T, \"quoted\"", "2024-04-14T07:30:00", "a | b", "line\nbreak", nil, nil, nil, nil, "Jane Doe | Li Wei"]),
    ]

    /// Bytes that matter to the parsers, so random inputs hit their branches.
    static let alphabet: [UInt8] = Array("\n\r \t\"{}[]:,|\\.!?aZ0Release time:".utf8) + [0x00, 0xC3, 0xA9, 0xE2, 0x80, 0xFF, 0xEF, 0xBB, 0xBF]

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] = alphabet.randomElement(using: &random)!
            case 1: bytes.insert(contentsOf: (0..<Int.random(in: 1...20, using: &random)).map { _ in alphabet.randomElement(using: &random)! }, at: position)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &random)))
            case 3: bytes = Array(bytes.prefix(position))
            case 4 where !bytes.isEmpty: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 60)], at: position)
            default: bytes[position...].reverse()
            }
        }
        return bytes
    }

    @Test("random and mutated input never crashes a reader; spans stay inside the input", arguments: DumpFormat.allCases)
    func readersSurvive(format: DumpFormat) throws {
        var random = SplitMix64(seed: 0xF022 ^ UInt64(format.rawValue.count))
        let seed = Array(Self.seeds[format]!.utf8)
        for iteration in 0..<Self.iterations {
            let input = iteration % 3 == 0
                ? (0..<Int.random(in: 0...600, using: &random)).map { _ in Self.alphabet.randomElement(using: &random)! }
                : Self.mutate(seed, &random)
            let events: [DumpEvent]
            do {
                events = try readAll(format, bytes: input)
            } catch let refusal as ReadError where refusal.code == 0 {
                // A CSV header without a title or body column refuses the file as a whole.
                #expect(format == .csv && refusal.description.contains("the header row has"))
                continue
            }
            var last: Int64 = -1
            for event in events {
                #expect(event.span.start.offset > last || event.span.start.offset == 0)
                #expect(event.span.end.offset <= Int64(input.count))
                last = event.span.start.offset
                if let record = event.record {
                    var warnings: [String] = []
                    if let article = try? Article(record: record, warnings: &warnings) {
                        _ = CandidateKeys(Shingles(normalized: article.comparisonBody))
                    }
                } else if let problem = event.problem {
                    #expect(!problem.message.isEmpty)
                }
            }
        }
    }

    @Test("mutated dumps imported into a real archive leave it passing every check")
    func importsSurvive() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        var random = SplitMix64(seed: 77)
        for round in 0..<max(6, Self.iterations / 50) {
            for (format, text) in Self.seeds {
                let name = "\(round)-\(format.rawValue).\(format == .text ? "txt" : format.rawValue)"
                directory.write(name, bytes: Self.mutate(Array(text.utf8), &random))
                _ = try importDumps([directory.path(name)], into: db)
            }
        }
        let archive = try Archive(path: db, mode: .write)
        defer { archive.close() }
        let problems = try ArchiveCheck(connection: archive.connection).run().filter { !$0.isOK }
        #expect(problems.isEmpty, "\(problems)")
    }
}
