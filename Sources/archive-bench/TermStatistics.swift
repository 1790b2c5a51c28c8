import SyntheticNews

/// Document frequencies over the base dumps, to choose the benchmark's query words: a
/// rare word, a word in about half the articles, a phrase and a prefix.
struct TermStatistics {
    static let phraseCandidates = [
        ("prime", "minister"), ("last", "year"), ("chief", "executive"), ("told", "the"),
        ("the", "government"), ("world", "cup"), ("the", "uk"), ("the", "company"), ("said", "the"),
    ]
    static let prefixCandidates = ["econom", "govern", "minist", "technolog", "compan", "elect", "music"]

    /// What a term takes part in: phrases (as their first word) and prefixes.
    struct Lookup {
        var startsPhrase: [Bool]
        var phraseOfPair: [UInt64: Int]
        var prefixOf: [Int32]

        init(model: TextModel) {
            func termID(_ word: String) -> Int32? { model.termID(of: ArraySlice(word.utf8)) }
            startsPhrase = [Bool](repeating: false, count: model.terms.count)
            phraseOfPair = [:]
            for (phrase, pair) in TermStatistics.phraseCandidates.enumerated() {
                guard let first = termID(pair.0), let second = termID(pair.1) else { continue }
                startsPhrase[Int(first)] = true
                phraseOfPair[Self.key(first, second)] = phrase
            }
            prefixOf = model.termSurface.map { surface in
                Int32(TermStatistics.prefixCandidates.firstIndex(where: { surface.hasPrefix($0) }) ?? -1)
            }
        }

        static func key(_ first: Int32, _ second: Int32) -> UInt64 {
            UInt64(UInt32(first)) << 32 | UInt64(UInt32(second))
        }
    }

    var documentFrequency: [Int32]
    var phraseFrequency: [Int]
    var prefixFrequency: [Int]
    var records = 0
    private var stamp: [Int32]
    private var phraseStamp: [Int]
    private var prefixStamp: [Int]

    init(termCount: Int) {
        documentFrequency = [Int32](repeating: 0, count: termCount)
        stamp = [Int32](repeating: -1, count: termCount)
        phraseFrequency = [Int](repeating: 0, count: Self.phraseCandidates.count)
        phraseStamp = [Int](repeating: -1, count: Self.phraseCandidates.count)
        prefixFrequency = [Int](repeating: 0, count: Self.prefixCandidates.count)
        prefixStamp = [Int](repeating: -1, count: Self.prefixCandidates.count)
    }

    mutating func count(_ terms: [Int32], lookup: Lookup) {
        let record = Int32(records)
        records += 1
        var previous: Int32 = -1
        for term in terms {
            defer { previous = term }
            guard term >= 0 else { continue }
            let index = Int(term)
            if stamp[index] != record {
                stamp[index] = record
                documentFrequency[index] += 1
                let prefix = lookup.prefixOf[index]
                if prefix >= 0 && prefixStamp[Int(prefix)] != Int(record) {
                    prefixStamp[Int(prefix)] = Int(record)
                    prefixFrequency[Int(prefix)] += 1
                }
            }
            if previous >= 0 && lookup.startsPhrase[Int(previous)],
               let phrase = lookup.phraseOfPair[Lookup.key(previous, term)], phraseStamp[phrase] != Int(record) {
                phraseStamp[phrase] = Int(record)
                phraseFrequency[phrase] += 1
            }
        }
    }

    mutating func merge(_ other: TermStatistics) {
        for index in 0..<documentFrequency.count { documentFrequency[index] += other.documentFrequency[index] }
        for index in 0..<phraseFrequency.count { phraseFrequency[index] += other.phraseFrequency[index] }
        for index in 0..<prefixFrequency.count { prefixFrequency[index] += other.prefixFrequency[index] }
        records += other.records
    }
}
