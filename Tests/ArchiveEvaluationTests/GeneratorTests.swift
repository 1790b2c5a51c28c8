import ArchiveCore
import Foundation
import Testing
@testable import ArchiveEvaluation

@Suite("Labeled set generator")
struct GeneratorTests {
    static func smallSet(seed: UInt64) -> LabeledSet {
        let shape = LabeledSetShape.small
        return LabeledSetBuilder.build(sources: BuiltinNewsWriter(seed: seed).stories(shape.sourceStories), shape: shape, seed: seed)
    }

    @Test("the same seed gives the same stories, the same set and the same bytes on disk")
    func deterministic() throws {
        #expect(BuiltinNewsWriter(seed: 1).stories(20) == BuiltinNewsWriter(seed: 1).stories(20))
        #expect(BuiltinNewsWriter(seed: 1).story(7) == BuiltinNewsWriter(seed: 1).stories(10)[7])
        #expect(BuiltinNewsWriter(seed: 1).stories(20) != BuiltinNewsWriter(seed: 2).stories(20))
        #expect(Self.smallSet(seed: 4) == Self.smallSet(seed: 4))
        #expect(Self.smallSet(seed: 4) != Self.smallSet(seed: 5))
        let a = TemporaryFolder(), b = TemporaryFolder()
        try LabeledSetWriter.write(Self.smallSet(seed: 4), to: a.path)
        try LabeledSetWriter.write(Self.smallSet(seed: 4), to: b.path)
        for file in [LabeledSet.firstFile, LabeledSet.secondFile, LabeledSet.labelsFile] {
            let first = try Data(contentsOf: URL(fileURLWithPath: a.file(file)))
            #expect(!first.isEmpty)
            #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b.file(file)))), "\(file) differs")
        }
    }

    @Test("built-in stories read as news and share no long runs of words by accident")
    func builtinStories() {
        let stories = BuiltinNewsWriter(seed: 21).stories(150)
        for story in stories {
            #expect((150...900).contains(WordSpans(story.body).count), "\(WordSpans(story.body).count) words")
            #expect(!story.body.contains("{") && !story.title.contains("{"))
            #expect(story.body.contains("\n\n"))
            #expect(story.title.first?.isUppercase == true)
        }
        var highest = 0.0
        let shingles = stories.map { Shingles(text: $0.body) }
        for i in stories.indices {
            for j in stories.indices where j > i {
                highest = max(highest, shingles[i].jaccard(shingles[j]))
            }
        }
        #expect(highest < 0.1, "two different built-in stories have Jaccard \(highest)")
        // Stock phrases recur, as in real news ("declined to comment on the cost"), but a run
        // long enough to be a copied passage never does, and a dozen words in a row rarely.
        let long = Self.pairsSharingRun(of: 20, in: stories.map(\.body))
        #expect(long.isEmpty, "stories sharing a run of 20 words: \(long.prefix(3))")
        let dozen = Set(Self.pairsSharingRun(of: 12, in: stories.map(\.body)).map { "\($0.0)-\($0.1)" })
        #expect(dozen.count * 100 < stories.count * (stories.count - 1) / 2, "\(dozen.count) pairs share 12 words in a row")
    }

    @Test("the set has originals, copies of every kind pointing at their original, and hard negatives, over two files")
    func layout() {
        let set = Self.smallSet(seed: 4)
        #expect(set.files == [LabeledSet.firstFile, LabeledSet.secondFile])
        #expect(set.records(of: .original).count == LabeledSetShape.small.originals)
        for kind in CopyKind.allCases {
            #expect(!set.records(of: .copy(kind)).isEmpty, "no \(kind.label) copy")
        }
        for (index, record) in set.records.enumerated() {
            if case .copy = record.kind {
                let original = set.records[record.original!]
                #expect(original.kind == .original && original.story == record.story)
            } else {
                #expect(record.original == nil)
            }
            if record.location.file == LabeledSet.secondFile {
                guard case .copy = record.kind else { Issue.record("only copies go to the second file"); continue }
            }
            // Lines are numbered file by file, from 1, in record order.
            if index > 0, set.records[index - 1].location.file == record.location.file {
                #expect(record.location.line == set.records[index - 1].location.line + 1)
            } else {
                #expect(record.location.line == 1)
            }
        }
        // Some copies come before their original, as in real dumps.
        #expect(set.records.indices.contains { index in set.records[index].original.map { index < $0 } ?? false })
    }

    @Test("the labels file has one line per record with its story, kind and original")
    func labelsFile() throws {
        let set = Self.smallSet(seed: 4)
        let folder = TemporaryFolder()
        let paths = try LabeledSetWriter.write(set, to: folder.path)
        #expect(paths == set.files.map(folder.file))
        let labels = try String(contentsOfFile: folder.file(LabeledSet.labelsFile), encoding: .utf8).split(separator: "\n")
        #expect(labels.count == set.records.count)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(labels[0].utf8)) as? [String: Any])
        #expect(first["file"] as? String == set.records[0].location.file)
        #expect(first["line"] as? Int == 1)
        #expect(first["story"] as? Int == set.records[0].story)
        #expect(first["kind"] as? String == set.records[0].kind.description)
        for (line, record) in zip(labels, set.records) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(RecordKind(label: object["kind"] as! String) == record.kind)
            #expect((object["original"] as? String) == record.original.map { set.records[$0].location.description })
        }
        let dump = try String(contentsOfFile: paths[0], encoding: .utf8).split(separator: "\n")
        #expect(dump.count == set.records.filter { $0.location.file == LabeledSet.firstFile }.count)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(dump[0].utf8)) as? [String: Any])
        #expect(record["title"] as? String == set.records[0].article.title)
        #expect(record["body"] as? String == set.records[0].article.body)
        #expect(record["published"] as? String == set.records[0].article.published)
        #expect(record["tags"] as? [String] == set.records[0].article.tags)
    }

    /// Pairs of texts (by index) with a run of `length` words in common (lower-cased).
    static func pairsSharingRun(of length: Int, in texts: [String]) -> [(Int, Int, String)] {
        var firstSeen: [String: Int] = [:]
        var pairs: [(Int, Int, String)] = []
        for (index, text) in texts.enumerated() {
            let words = CorpusRepeats.words(text)
            guard words.count >= length else { continue }
            var own = Set<String>()
            for start in 0...(words.count - length) {
                let run = words[start..<(start + length)].joined(separator: " ")
                guard own.insert(run).inserted else { continue }
                if let other = firstSeen[run] {
                    pairs.append((other, index, run))
                } else {
                    firstSeen[run] = index
                }
            }
        }
        return pairs
    }
}
