import ArchiveCore
import Foundation
import Testing
@testable import ArchiveEvaluation
@testable import SyntheticNews

@Suite("Labeled set generator")
struct GeneratorTests {
    static func smallSet(seed: UInt64) -> LabeledSet {
        let shape = LabeledSetShape.small
        return LabeledSetBuilder.build(sources: BuiltinNewsWriter(seed: seed).stories(shape.sourceStories), shape: shape, seed: seed)
    }

    @Test("the same seed gives the same set and the same bytes on disk")
    func deterministic() throws {
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
}
