import ArchiveCore
import Foundation
import Testing
@testable import SyntheticNews

/// The one corpus loader of both tools: the BBC files through the archive's own CSV
/// reader (`CSVTable`), else the built-in writer.
@Suite("Corpus reading")
struct CorpusTests {
    /// A folder with the three BBC files, each the given CSV text.
    static func corpus(train: String, val: String, test: String) throws -> TemporaryFolder {
        let folder = TemporaryFolder()
        for (name, text) in zip(BBCCorpus.files, [train, val, test]) {
            try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("BBC rows through CSVTable: quoted commas, doubled quotes and line breaks; LF, CRLF and CR line ends")
    func csvThroughCSVTable() throws {
        let folder = try Self.corpus(
            train: "text,category\r\n\"Rates rise, again Markets said \"\"no\"\" to it.\r\nA second line, with a comma.\",business\r\n"
                + "Plain title here. Plain body follows here.,tech\r\n",
            val: "text,category\r\"Old Mac file One line here. And more of it.\",sport\r",
            test: "text,category\n\"Last one Ends here. The body.\",politics\n\n")
        let articles = try BBCCorpus.load(from: folder.path, seed: 1)
        #expect(articles.map(\.tags) == [["business"], ["tech"], ["sport"], ["politics"]])
        #expect(articles[0].title == "Rates rise, again Markets said \"no\" to it.")
        // A line break inside quotes is read as LF, whatever ended the line.
        #expect(articles[0].body == "A second line, with a comma.")
        #expect(articles[1].title == "Plain title here.")
        #expect(articles[1].body == "Plain body follows here.")
        #expect(articles[2].title == "Old Mac file One line here.")
        #expect(articles[3].body == "The body.")
    }

    @Test("a BBC file whose header has no text column is an error naming the file")
    func missingColumn() throws {
        let folder = try Self.corpus(train: "text,category\nA story. Body.,tech\n", val: "body,category\nX,tech\n",
                                     test: "text,category\n")
        #expect(throws: BBCCorpus.MissingColumn.self) { try BBCCorpus.load(from: folder.path, seed: 1) }
    }

    @Test("a BBC text: the first sentence is the title, the rest the body")
    func titles() {
        let text = "Sella wants Michalak recall Former France centre Philippe Sella believes Mr. Laporte must act. "
            + "Sella admitted he had been impressed. \"It is time,\" he said."
        let (title, body) = BBCCorpus.splitTitle(text)
        #expect(title == "Sella wants Michalak recall Former France centre Philippe Sella believes Mr. Laporte must act.")
        #expect(body == "Sella admitted he had been impressed. \"It is time,\" he said.")
        // A run-on first sentence gives its first 12 words to the title.
        let long = (1...60).map { "word\($0)" }.joined(separator: " ") + ". End."
        #expect(BBCCorpus.splitTitle(long).title == (1...12).map { "word\($0)" }.joined(separator: " "))
    }

    @Test("the BBC corpus is read from CSV files, exact repeats kept once")
    func loading() throws {
        let folder = TemporaryFolder()
        let story = "Title here One two three four five six seven. Body sentence with more words follows here."
        let other = "Other title Something else happened in another place entirely. And then more of it."
        try "text,category\n\"\(story)\",tech\n".write(toFile: folder.file("train.csv"), atomically: true, encoding: .utf8)
        try "text,category\n\"\(other)\",sport\n".write(toFile: folder.file("val.csv"), atomically: true, encoding: .utf8)
        #expect(!BBCCorpus.isPresent(in: folder.path))
        try "text,category\n\"\(story.uppercased())\",tech\n".write(toFile: folder.file("test.csv"), atomically: true, encoding: .utf8)
        #expect(BBCCorpus.isPresent(in: folder.path))
        let articles = try BBCCorpus.load(from: folder.path, seed: 1)
        #expect(articles.count == 2)
        #expect(articles[0].tags == ["tech"])
        #expect(articles[1].tags == ["sport"])
        #expect(ReleaseTime(articles[0].published) != nil)
    }

    @Test("the loader: BBC when the folder holds it, else the built-in writer; bbc without the files is an error")
    func loader() throws {
        let empty = TemporaryFolder()
        #expect(CorpusChoice.auto.resolved(folder: empty.path) == .builtin)
        #expect(CorpusChoice.bbc.resolved(folder: empty.path) == .bbc)
        let builtin = try SourceStories.load(.auto, folder: empty.path, count: 12, seed: 3)
        #expect(builtin.name == "built-in news writer")
        #expect(builtin.stories == BuiltinNewsWriter(seed: 3).stories(12))
        #expect(throws: SourceStories.Missing.self) { try SourceStories.load(.bbc, folder: empty.path, count: 12, seed: 3) }

        let texts = (1...6).map { "Story number \($0) Something happened in place \($0) today. It went on for \($0) hours and more." }
        let rows = { (range: ClosedRange<Int>) in "text,category\n" + range.map { "\"\(texts[$0 - 1])\",tech\n" }.joined() }
        let folder = try Self.corpus(train: rows(1...3), val: rows(4...5), test: rows(6...6))
        #expect(CorpusChoice.auto.resolved(folder: folder.path) == .bbc)
        let bbc = try SourceStories.load(.auto, folder: folder.path, count: 4, seed: 3)
        #expect(bbc.name == "BBC News corpus")
        #expect(bbc.stories.count == 4)
        // A seeded order, the same for the same seed.
        #expect(bbc.stories == (try SourceStories.load(.bbc, folder: folder.path, count: 4, seed: 3)).stories)
        #expect(Set(bbc.stories.map(\.title)).isSubset(of: Set(texts.map { BBCCorpus.splitTitle($0).title })))
    }

    @Test("a corpus's retellings of an earlier text are set aside; different stories kept")
    func retellings() {
        let stories = BuiltinNewsWriter(seed: 8).stories(5)
        var retold = stories[2]
        retold.title = "Another headline"
        var rng = SplitMix64(seed: 1)
        retold.body = WordEdits.edited(stories[2].body, percent: 10, rng: &rng)
        let (kept, setAside) = CorpusRepeats.withoutRepeats(stories + [retold])
        #expect(setAside == 1)
        #expect(kept == stories)
    }

    @Test("the default corpus folder is shared/corpora/bbc beside the package")
    func defaultFolder() {
        #expect(CorpusFolder.bbc.hasSuffix("/shared/corpora/bbc"))
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        #expect(CorpusFolder.bbc == packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/bbc").path)
    }
}
