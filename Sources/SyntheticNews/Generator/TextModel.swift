/// A word chain over the source text. The state is a position in the concatenated source;
/// the next word is the word after a random position that shares the last two words
/// (order 2) or, some of the time, only the last word (order 1). Jumping between source
/// positions this way keeps local grammar while mixing the source articles, so generated
/// articles share common phrases but rarely long runs of words.
///
/// `@unchecked Sendable`, safely: every stored property is a `let` set in `init`, and the
/// one that is not a value type, `wordPointer`, is filled in `init` before the model can
/// be shared and freed in `deinit` after the last reference is gone; nothing writes
/// through it in between. So threads sharing a model only ever read memory that no one
/// writes.
public final class TextModel: @unchecked Sendable {
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let endsSentence = Flags(rawValue: 1)
        static let capitalized = Flags(rawValue: 2)
        static let hasDigit = Flags(rawValue: 4)
    }

    /// Every distinct word's bytes, one after another, at a fixed address: for copying
    /// without reference counting.
    private let wordPointer: UnsafeMutableBufferPointer<UInt8>
    let wordStart: [Int32]
    let wordEnd: [Int32]
    let wordFlags: [Flags]
    /// The search term of each word (lower-cased, punctuation trimmed, crudely stemmed), -1 if none.
    let wordTerm: [Int32]
    /// Each term's key (lower case, suffix stripped).
    public let terms: [String]
    /// Each term's number, by its key.
    let termIDs: [String: Int32]
    /// A word as written (lower case) for each term, to search for it.
    public let termSurface: [String]

    /// Word ids of the whole source, -1 between documents.
    let sequence: [Int32]
    public var positionCount: Int { sequence.count }
    /// Positions in `sequence` grouped by the pair of words ending there; -1 where there is no pair.
    let pairClass: [Int32]
    let pairMembersStart: [Int32]
    let pairMembers: [Int32]
    /// Positions grouped by word.
    let wordMembersStart: [Int32]
    let wordMembers: [Int32]
    /// Positions where a sentence starts (with at least one word after it), by category.
    let sentenceStarts: [[Int32]]
    /// Each story's first tag (`news` when it has none), in order of first use.
    public let categories: [String]

    public var wordCount: Int { wordStart.count }

    deinit { wordPointer.deallocate() }

    /// The bytes of a word.
    @inline(__always)
    func bytes(of word: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: wordPointer[Int(wordStart[word])..<Int(wordEnd[word])])
    }

    /// The chain over `stories`, each its title and body run together, as the BBC texts are.
    public init(stories: [NewsArticle]) {
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

        for story in stories {
            let category = story.tags.first.flatMap { $0.isEmpty ? nil : $0 } ?? "news"
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
            for byte in (story.title + " " + story.body).utf8 {
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
        self.termIDs = termIndex
        self.termSurface = termSurface

        // Order 1: positions by word.
        let count = sequence.count
        let byWord = PositionGroups(classes: sequence, classCount: starts.count)
        self.wordMembersStart = byWord.start
        self.wordMembers = byWord.members

        // Order 2: positions by the pair of words ending there.
        var pairIndex: [UInt64: Int32] = [:]
        var pairClass = [Int32](repeating: -1, count: count)
        for position in 1..<count where sequence[position] >= 0 && sequence[position - 1] >= 0 {
            let key = UInt64(UInt32(sequence[position - 1])) << 32 | UInt64(UInt32(sequence[position]))
            if let existing = pairIndex[key] {
                pairClass[position] = existing
            } else {
                let id = Int32(pairIndex.count)
                pairIndex[key] = id
                pairClass[position] = id
            }
        }
        let byPair = PositionGroups(classes: pairClass, classCount: pairIndex.count)
        self.pairClass = pairClass
        self.pairMembersStart = byPair.start
        self.pairMembers = byPair.members

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

    /// The number of the term `word` makes, if the source has it.
    public func termID(of word: ArraySlice<UInt8>) -> Int32? {
        Self.term(of: word).flatMap { termIDs[$0.key] }
    }

    /// The term of each word of `text` (white space apart), -1 for a word that makes no
    /// term the source has: what `ArticleGenerator` records for the articles it writes,
    /// worked out again for a copy it changed.
    func terms(of text: String) -> [Int32] {
        text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }).map { word in
            termID(of: ArraySlice(word)) ?? -1
        }
    }
}
