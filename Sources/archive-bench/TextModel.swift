/// A word chain over the source text. The state is a position in the concatenated source;
/// the next word is the word after a random position that shares the last two words
/// (order 2) or, some of the time, only the last word (order 1). Jumping between source
/// positions this way keeps local grammar while mixing the source articles, so generated
/// articles share common phrases but rarely long runs of words.
final class TextModel: @unchecked Sendable {
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let endsSentence = Flags(rawValue: 1)
        static let capitalized = Flags(rawValue: 2)
        static let hasDigit = Flags(rawValue: 4)
    }

    /// Every distinct word's bytes, one after another.
    let wordBytes: [UInt8]
    /// The same bytes at a fixed address, for copying without reference counting.
    /// Immutable after init, which is what makes sharing the model between threads safe.
    private let wordPointer: UnsafeMutableBufferPointer<UInt8>
    let wordStart: [Int32]
    let wordEnd: [Int32]
    let wordFlags: [Flags]
    /// The search term of each word (lower-cased, punctuation trimmed, crudely stemmed), -1 if none.
    let wordTerm: [Int32]
    /// Each term's key (lower case, suffix stripped).
    let terms: [String]
    /// A word as written (lower case) for each term, to search for it.
    let termSurface: [String]

    /// Word ids of the whole source, -1 between documents.
    let sequence: [Int32]
    /// Positions in `sequence` grouped by the pair of words ending there; -1 where there is no pair.
    let pairClass: [Int32]
    let pairMembersStart: [Int32]
    let pairMembers: [Int32]
    /// Positions grouped by word.
    let wordMembersStart: [Int32]
    let wordMembers: [Int32]
    /// Positions where a sentence starts (with at least one word after it), by category.
    let sentenceStarts: [[Int32]]
    let categories: [String]

    var wordCount: Int { wordStart.count }

    deinit { wordPointer.deallocate() }

    /// The bytes of a word.
    @inline(__always)
    func bytes(of word: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: wordPointer[Int(wordStart[word])..<Int(wordEnd[word])])
    }

    init(source: SourceText) {
        var table: [[UInt8]: Int32] = [:]
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        var flags: [Flags] = []
        var sequence: [Int32] = []
        var documentCategory: [Int] = []
        var documentStart: [Int] = []
        var categories: [String] = []
        var categoryIndex: [String: Int] = [:]

        for document in source.documents {
            let category = document.category.isEmpty ? "news" : document.category
            let index = categoryIndex[category] ?? {
                categories.append(category)
                categoryIndex[category] = categories.count - 1
                return categories.count - 1
            }()
            documentCategory.append(index)
            documentStart.append(sequence.count)
            var word: [UInt8] = []
            func finish() {
                guard !word.isEmpty else { return }
                if let id = table[word] {
                    sequence.append(id)
                } else {
                    let id = Int32(starts.count)
                    table[word] = id
                    starts.append(Int32(bytes.count))
                    bytes.append(contentsOf: word)
                    ends.append(Int32(bytes.count))
                    flags.append(Self.flags(of: word))
                    sequence.append(id)
                }
                word.removeAll(keepingCapacity: true)
            }
            for byte in document.text {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    finish()
                } else if byte >= 0x20 && byte != UInt8(ascii: "|") && byte != 0x7F {
                    word.append(byte)
                }
            }
            finish()
            sequence.append(-1)
        }
        documentStart.append(sequence.count)

        self.wordBytes = bytes
        let pointer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = pointer.initialize(from: bytes)
        self.wordPointer = pointer
        self.wordStart = starts
        self.wordEnd = ends
        self.wordFlags = flags
        self.sequence = sequence
        self.categories = categories

        // Terms, for document frequencies.
        var termIndex: [String: Int32] = [:]
        var terms: [String] = []
        var termSurface: [String] = []
        var wordTerm = [Int32](repeating: -1, count: starts.count)
        for id in 0..<starts.count {
            let word = bytes[Int(starts[id])..<Int(ends[id])]
            guard let (term, surface) = Self.term(of: word) else { continue }
            if let existing = termIndex[term] {
                wordTerm[id] = existing
            } else {
                termIndex[term] = Int32(terms.count)
                wordTerm[id] = Int32(terms.count)
                terms.append(term)
                termSurface.append(surface)
            }
        }
        self.wordTerm = wordTerm
        self.terms = terms
        self.termSurface = termSurface

        // Order 1: positions by word.
        let count = sequence.count
        var wordCounts = [Int32](repeating: 0, count: starts.count + 1)
        for position in 0..<count where sequence[position] >= 0 { wordCounts[Int(sequence[position]) + 1] += 1 }
        for index in 1..<wordCounts.count { wordCounts[index] += wordCounts[index - 1] }
        var wordMembers = [Int32](repeating: 0, count: Int(wordCounts.last!))
        var fill = wordCounts
        for position in 0..<count where sequence[position] >= 0 {
            let word = Int(sequence[position])
            wordMembers[Int(fill[word])] = Int32(position)
            fill[word] += 1
        }
        self.wordMembersStart = wordCounts
        self.wordMembers = wordMembers

        // Order 2: positions by the pair of words ending there.
        var pairIndex: [UInt64: Int32] = [:]
        var pairClass = [Int32](repeating: -1, count: count)
        var pairSizes: [Int32] = []
        for position in 1..<count where sequence[position] >= 0 && sequence[position - 1] >= 0 {
            let key = UInt64(UInt32(sequence[position - 1])) << 32 | UInt64(UInt32(sequence[position]))
            if let existing = pairIndex[key] {
                pairClass[position] = existing
                pairSizes[Int(existing)] += 1
            } else {
                let id = Int32(pairSizes.count)
                pairIndex[key] = id
                pairClass[position] = id
                pairSizes.append(1)
            }
        }
        var pairStart = [Int32](repeating: 0, count: pairSizes.count + 1)
        for index in 0..<pairSizes.count { pairStart[index + 1] = pairStart[index] + pairSizes[index] }
        var pairMembers = [Int32](repeating: 0, count: Int(pairStart.last!))
        var pairFill = pairStart
        for position in 0..<count where pairClass[position] >= 0 {
            let id = Int(pairClass[position])
            pairMembers[Int(pairFill[id])] = Int32(position)
            pairFill[id] += 1
        }
        self.pairClass = pairClass
        self.pairMembersStart = pairStart
        self.pairMembers = pairMembers

        // Sentence starts, by category.
        var sentenceStarts = [[Int32]](repeating: [], count: categories.count)
        for (document, category) in documentCategory.enumerated() {
            let first = documentStart[document]
            let last = documentStart[document + 1] - 1 // the -1 marker
            var atStart = true
            for position in first..<last {
                if atStart && position + 2 < last && flags[Int(sequence[position])].contains(.capitalized) {
                    sentenceStarts[category].append(Int32(position))
                }
                atStart = flags[Int(sequence[position])].contains(.endsSentence)
            }
        }
        self.sentenceStarts = sentenceStarts
    }

    static let abbreviations: Set<[UInt8]> = Set(["Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "vs.", "Jr.", "Sr.", "Prof."].map { Array($0.utf8) })

    static func flags(of word: [UInt8]) -> Flags {
        var flags: Flags = []
        if let first = word.first, first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") { flags.insert(.capitalized) }
        if word.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { flags.insert(.hasDigit) }
        var end = word.count - 1
        while end > 0 && (word[end] == UInt8(ascii: "\"") || word[end] == UInt8(ascii: "'") || word[end] == UInt8(ascii: ")")) { end -= 1 }
        let last = word[end]
        if (last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")) && !abbreviations.contains(word) {
            flags.insert(.endsSentence)
        }
        return flags
    }

    /// The word as the search index roughly sees it: ASCII letters only (others: no term),
    /// lower case, with a crude suffix strip so that `talks` and `talk` count together.
    static func term(of word: ArraySlice<UInt8>) -> (key: String, surface: String)? {
        var letters: [UInt8] = []
        var started = false
        var stopped = false
        for byte in word {
            let lower = byte | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            if isLetter {
                if stopped { return nil }
                started = true
                letters.append(lower)
            } else if byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                return nil
            } else if started {
                // Apostrophes end the word ("firm's" -> "firm"); anything else inside it
                // (hyphens, dots) makes it several index terms: skip it.
                if byte == UInt8(ascii: "'") { stopped = true; break }
                stopped = true
            }
        }
        guard letters.count >= 2 else { return nil }
        let surface = String(decoding: letters, as: UTF8.self)
        var key = surface
        for suffix in ["ing", "ed", "es", "s"] where key.count > suffix.count + 3 && key.hasSuffix(suffix) {
            key.removeLast(suffix.count)
            break
        }
        return (key, surface)
    }
}
