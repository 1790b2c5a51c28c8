import Foundation
import Testing
@testable import ArchiveCore

/// A gzip member whose deflate data is stored, not compressed: a byte changed in it
/// decodes as that byte, so records decoded from it look right and only the CRC at the
/// member's end tells. The hard case for an importer that must not keep them.
func storedGzip(_ text: String) -> [UInt8] {
    let data = Array(text.utf8)
    var member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
    let starts = Array(stride(from: 0, to: max(data.count, 1), by: 65_535))
    for start in starts {
        let block = data[start..<min(start + 65_535, data.count)]
        let length = UInt16(block.count)
        member.append(start == starts.last ? 1 : 0)
        member += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        member += block
    }
    let crc = data.withUnsafeBytes { CRC32.update(0, $0) }
    for value in [crc, UInt32(truncatingIfNeeded: data.count)] {
        member += (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
    return member
}

/// `bytes` with the first byte of `marker` changed (`I` of `Item 450` to `J`).
func changingFirstByte(of marker: String, in bytes: [UInt8]) -> [UInt8] {
    let needle = Array(marker.utf8)
    var changed = bytes
    let at = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
    changed[at] ^= 0x03
    return changed
}

@Suite("Damaged compressed dumps")
struct CompressedDamageTests {
    /// 300 records in a sound gzip member, then 200 in a stored one whose record 450 has
    /// a changed byte: records 300 to 499 decode, and all of them must stay out.
    static func damagedDump(in directory: TemporaryDirectory, sound: Bool = false) throws -> String {
        directory.write("a.jsonl", jsonLines(0..<300))
        try tool(["gzip", "-c", "a.jsonl"], in: directory, stdout: "a.gz")
        let first = Array(try Data(contentsOf: directory.url.appendingPathComponent("a.gz")))
        let second = storedGzip(jsonLines(300..<500))
        return directory.write("day.jsonl.gz", bytes: first + (sound ? second : changingFirstByte(of: "Item 450 ", in: second)))
    }

    @Test("records of a corrupt member are written, rolled back, never committed; the file is read again up to the damage",
          arguments: [false, true])
    func corruptAfterCommits(checkEarly: Bool) throws {
        let directory = TemporaryDirectory()
        let path = try Self.damagedDump(in: directory)
        #expect(try FileDigest.damage(path: path)?.damage == .corrupt(trustedLength: Int64(jsonLines(0..<300).utf8.count)))
        let db = directory.path("a.db")
        let observer = RecordingObserver()
        // Small transactions, so that commits come before the damage. `checkEarly`: the
        // member is too large to hold uncommitted, and the file is checked on its own.
        let summary = try importDumps([path], into: db, observer: observer) {
            $0.commitRecords = 40
            $0.feedRecords = 10
            if checkEarly { $0.uncheckedBytes = 1 }
        }
        #expect(summary.filesFailed == 1)
        #expect(summary.files == 1)
        #expect(summary.inserted == 300)
        #expect(summary.records == 300)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 300)
        #expect(try count("SELECT count(*) FROM articles WHERE title NOT GLOB 'Item [0-9] *' AND title NOT GLOB 'Item [0-9][0-9] *'"
                          + " AND title NOT GLOB 'Item [0-2][0-9][0-9] *'", in: db) == 0)
        #expect(try count("SELECT count(*) FROM sightings", in: db) == 300)
        #expect(try count("SELECT resume_offset FROM files", in: db) == jsonLines(0..<300).utf8.count)
        #expect(observer.warnings.filter { $0.hasPrefix(path + ": compressed data is corrupt at byte ") }.count == 1)
        #expect(try count("SELECT count(*) FROM import_errors WHERE message LIKE 'compressed data is corrupt at byte %'", in: db) == 1)

        // The download is fetched again, sound: the rest comes in, nothing twice.
        _ = try Self.damagedDump(in: directory, sound: true)
        let rest = try importDumps([path], into: db)
        #expect(rest.filesFailed == 0)
        #expect(try count("SELECT count(*) FROM articles", in: db) == 500)
        #expect(try count("SELECT count(*) FROM sightings", in: db) == 500)
        #expect(try count("SELECT count(*) FROM files WHERE status = 'complete'", in: db) == 1)
    }

    @Test("a sound single-member file is read once and committed whole, whether or not it is checked early",
          arguments: [false, true])
    func soundMember(checkEarly: Bool) throws {
        let directory = TemporaryDirectory()
        let path = directory.write("day.jsonl.gz", bytes: storedGzip(jsonLines(0..<400)))
        let db = directory.path("a.db")
        let summary = try importDumps([path], into: db) {
            $0.commitRecords = 40
            $0.feedRecords = 10
            if checkEarly { $0.uncheckedBytes = 1 }
        }
        #expect(summary.filesFailed == 0)
        #expect(summary.inserted == 400)
        #expect(try count("SELECT count(*) FROM files WHERE status = 'complete'", in: db) == 1)
    }

    @Test("after a rollback, an article given the id of one rolled back is compared by its own text")
    func rollbackForgetsShingles() throws {
        let directory = TemporaryDirectory()
        directory.write("a.jsonl", jsonLines(0..<20))
        try tool(["gzip", "-c", "a.jsonl"], in: directory, stdout: "a.gz")
        let first = Array(try Data(contentsOf: directory.url.appendingPathComponent("a.gz")))
        // Five long stories that are rolled back: the first has id 21.
        let doomed = (1...5).map { n in
            #"{"title": "Doomed \#(n)", "body": "\#(prose(seed: UInt64(n), words: 300))", "published": "2024-04-02"}"# + "\n"
        }.joined()
        directory.write("1.jsonl.gz", bytes: first + changingFirstByte(of: "Doomed 5", in: storedGzip(doomed)))
        // Then a story and a copy of it with one word changed: the copy's candidate is
        // the story, which has id 21 now.
        let story = prose(seed: 99, words: 300)
        var words = story.split(separator: " ")
        words[150] = "lighthouse"
        directory.write("2.jsonl", #"{"title": "Story", "body": "\#(story)", "published": "2024-04-03"}"# + "\n"
                            + #"{"title": "Copy", "body": "\#(words.joined(separator: " "))", "published": "2024-04-03"}"# + "\n")
        let db = directory.path("a.db")
        let summary = try importDumps([directory.path("1.jsonl.gz"), directory.path("2.jsonl")], into: db)
        #expect(summary.inserted == 22)
        #expect(try count("SELECT id FROM articles WHERE title = 'Story'", in: db) == 21)
        #expect(try count("SELECT duplicate_of FROM articles WHERE title = 'Copy'", in: db) == 21)
        #expect(summary.nearDuplicates == 1)
        // The rolled-back stories' candidate keys went with them: no key is filed under
        // an id they had, whether another article has it now or no article does.
        #expect(try count("SELECT count(*) FROM near_keys_all WHERE article_id NOT IN (SELECT id FROM articles)", in: db) == 0)
        #expect(try count("SELECT count(*) FROM near_keys_all WHERE article_id = 21", in: db) <= CandidateKeys.bandCount + 1)
    }
}
