import Foundation
import SyntheticNews

/// The query mix, chosen from the corpus's own document frequencies: a rare word (in about
/// 0.4% of the articles), a word in about half of them, a phrase, a prefix, and the same
/// with date and tag filters. Written to queries.json for the harness and `search`.
struct QuerySelection {
    struct Query: Codable {
        var name: String
        var query: String
        var raw: Bool
        var since: String?
        var until: String?
        var tags: [String]
        /// ripgrep's pattern and flags for the same words over the raw dumps; nil: none.
        var rg: [String]?
    }

    struct Chosen: Codable {
        var word: String
        var documents: Int
        var share: Double
    }

    var queries: [Query]
    var rare: Chosen
    var half: Chosen
    var phrase: Chosen
    var prefix: Chosen
    var records: Int

    init(statistics: TermStatistics, model: TextModel) {
        let total = max(1, statistics.records)
        func chosen(_ word: String, _ documents: Int) -> Chosen {
            Chosen(word: word, documents: documents, share: (Double(documents) / Double(total) * 1000).rounded() / 1000)
        }
        func closest(to share: Double, where accept: (String) -> Bool) -> Chosen {
            var best = -1
            var bestDistance = Double.infinity
            for term in 0..<model.terms.count where accept(model.termSurface[term]) {
                let distance = abs(Double(statistics.documentFrequency[term]) / Double(total) - share)
                if distance < bestDistance {
                    best = term
                    bestDistance = distance
                }
            }
            guard best >= 0 else { return chosen("news", 0) }
            return chosen(model.termSurface[best], Int(statistics.documentFrequency[best]))
        }
        rare = closest(to: 0.004) { $0.count >= 7 }
        half = closest(to: 0.5) { $0.count >= 4 }
        let phraseIndex = statistics.phraseFrequency.indices.min {
            abs(Double(statistics.phraseFrequency[$0]) / Double(total) - 0.15) < abs(Double(statistics.phraseFrequency[$1]) / Double(total) - 0.15)
        }!
        let pair = TermStatistics.phraseCandidates[phraseIndex]
        phrase = chosen(pair.0 + " " + pair.1, statistics.phraseFrequency[phraseIndex])
        let econom = statistics.prefixFrequency[0]
        let prefixIndex = Double(econom) / Double(total) >= 0.02 ? 0 : statistics.prefixFrequency.indices.min {
            abs(Double(statistics.prefixFrequency[$0]) / Double(total) - 0.3) < abs(Double(statistics.prefixFrequency[$1]) / Double(total) - 0.3)
        }!
        prefix = chosen(TermStatistics.prefixCandidates[prefixIndex], statistics.prefixFrequency[prefixIndex])
        records = statistics.records

        let tag = model.categories.contains("business") ? "Business"
            : (model.categories.first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "News")
        let word = ["-w", "-i"]
        queries = [
            Query(name: "rare word", query: rare.word, raw: false, tags: [], rg: word + [rare.word]),
            Query(name: "word in half", query: half.word, raw: false, tags: [], rg: word + [half.word]),
            Query(name: "phrase", query: "\"\(phrase.word)\"", raw: true, tags: [], rg: word + [phrase.word]),
            Query(name: "prefix", query: prefix.word + "*", raw: true, tags: [], rg: ["-i", "\\b" + prefix.word]),
            Query(name: "rare word, 6 months", query: rare.word, raw: false, since: "2023-01", until: "2023-06", tags: []),
            Query(name: "half word, 6 months", query: half.word, raw: false, since: "2023-01", until: "2023-06", tags: []),
            Query(name: "half word, tag", query: half.word, raw: false, tags: [tag]),
            Query(name: "prefix, tag, 1 year", query: prefix.word + "*", raw: true, since: "2022", until: "2022", tags: [tag]),
        ]
    }

    func json() throws -> String {
        struct File: Codable {
            var records: Int
            var rare: Chosen
            var half: Chosen
            var phrase: Chosen
            var prefix: Chosen
            var queries: [Query]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(File(records: records, rare: rare, half: half, phrase: phrase, prefix: prefix, queries: queries))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
