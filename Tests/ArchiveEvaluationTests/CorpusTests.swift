import Foundation
import Testing
@testable import ArchiveEvaluation

@Suite("Corpus reading")
struct CorpusTests {
    @Test("CSV rows: quoted fields with commas, doubled quotes and line breaks")
    func csvRows() {
        let rows = CSVRows.parse("text,category\r\n\"A, \"\"quoted\"\"\nline\",tech\nplain,sport\n")
        #expect(rows == [["text", "category"], ["A, \"quoted\"\nline", "tech"], ["plain", "sport"]])
        #expect(CSVRows.parse("a,b") == [["a", "b"]])
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
}
