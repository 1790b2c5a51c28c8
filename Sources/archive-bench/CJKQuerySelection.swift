import Foundation
import SyntheticNews

/// The CJK query sets, one each of one, two and four characters: substrings of the
/// generated text, chosen by the share of a sample of articles that hold them. Chinese
/// ones in about 50%, 10%, 1% and 0.1% of the articles (the last two rare), and a
/// Japanese and a Korean one that no Chinese article of the sample holds, in about 3%.
/// A substring is taken only from inside a run of Han, kana or Hangul, which is what
/// the archive indexes as character pairs, so every query is one such run. Where a word
/// of the phrasebook has about the share wanted (within a factor of two), a word is
/// taken, as a reader would search; rare ones are mostly runs across words.
struct CJKQuerySelection {
    /// Read by `archive-bench search` as a `QuerySelection.Query` (the extra keys are ignored).
    struct Query: Codable {
        var name: String
        var query: String
        var raw = false
        var tags: [String] = []
        /// "1", "2" or "4": the number of characters.
        var set: String
        var language: String
        /// The share of the sampled articles that hold it.
        var sampleShare: Double
    }

    static let lengths = [1, 2, 4]
    static let chineseShares = [0.5, 0.1, 0.01, 0.001]
    static let otherShare = 0.03

    var queries: [Query] = []
    var sampled: Int

    init(sample: [CJKStory]) {
        sampled = sample.count
        for length in Self.lengths {
            // Documents holding each substring (of every language, counted where the
            // archive searches: title, tags and body), and the languages they are in.
            var counts: [String: Int] = [:]
            var languages: [String: Set<CJKLanguage>] = [:]
            for story in sample {
                let text = story.article.title + "\n" + story.article.tags.joined(separator: "\n") + "\n" + story.article.body
                for substring in Self.substrings(of: text, length: length) {
                    counts[substring, default: 0] += 1
                    languages[substring, default: []].insert(story.language)
                }
            }
            var chosen: Set<String> = []
            func pick(_ language: CJKLanguage, share: Double, label: String) {
                // A Chinese query is one Chinese articles hold; a Japanese or Korean one
                // only that language's articles hold.
                let allowed = counts.filter { entry in
                    let holders = languages[entry.key]!
                    return !chosen.contains(entry.key) && (language == .chinese ? holders.contains(.chinese) : holders == [language])
                }
                let words = language.words
                let nearWords = allowed.filter { word in
                    let wordShare = Double(word.value) / Double(sampled)
                    return words.contains(word.key) && wordShare >= share / 2 && wordShare <= share * 2
                }
                let candidates = nearWords.isEmpty ? allowed : nearWords
                guard let best = candidates.min(by: { a, b in
                    let (da, db) = (abs(Double(a.value) / Double(sampled) - share), abs(Double(b.value) / Double(sampled) - share))
                    return da != db ? da < db : a.key < b.key
                }) else { return }
                chosen.insert(best.key)
                queries.append(Query(name: "\(length) char, \(label)", query: best.key, set: String(length), language: language.rawValue,
                                     sampleShare: (Double(best.value) / Double(sampled) * 10_000).rounded() / 10_000))
            }
            for share in Self.chineseShares { pick(.chinese, share: share, label: "zh ~" + String(format: "%g", share * 100) + "%") }
            pick(.japanese, share: Self.otherShare, label: "ja ~3%")
            pick(.korean, share: Self.otherShare, label: "ko ~3%")
        }
    }

    /// The distinct substrings of `length` characters inside runs of Han, kana or Hangul.
    static func substrings(of text: String, length: Int) -> Set<String> {
        var found: Set<String> = []
        var run: [Unicode.Scalar] = []
        func endRun() {
            if run.count >= length {
                for start in 0...(run.count - length) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: run[start..<(start + length)])
                    found.insert(String(view))
                }
            }
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isRunCharacter(scalar.value) { run.append(scalar) } else { endRun() }
        }
        endRun()
        return found
    }

    /// Han (with 々 and 〇), hiragana, katakana (with ー, without ・), Hangul syllables:
    /// the characters the archive writes as pairs (ArchiveCore's CJKText).
    static func isRunCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x3005, 0x3007, 0x3040...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF:
            return true
        default:
            return false
        }
    }

    func json(records: Int) throws -> String {
        struct File: Codable {
            var records: Int
            var sampled: Int
            var queries: [Query]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(File(records: records, sampled: sampled, queries: queries))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
