import Foundation

/// One generated article, in pieces the dump writers put together.
struct GeneratedArticle {
    var title: [UInt8] = []
    /// Paragraphs separated by a blank line.
    var body: [UInt8] = []
    var category = 0
    var tags: [String] = []
    /// Minutes since 2021-01-01 00:00.
    var minutes = 0
    /// The term of each word written (title, then body); -1 for made-up names and numbers.
    var terms: [Int32] = []

    mutating func reset() {
        title.removeAll(keepingCapacity: true)
        body.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        terms.removeAll(keepingCapacity: true)
    }
}

/// Which copy of an original article a record is.
enum RecordKind: Equatable {
    /// A new article.
    case original
    /// The same title and body again, with another date.
    case exactCopy
    /// Retitled (`New comment: ...`) with one word in 100 changed: a near duplicate.
    case retitled
    /// The first two thirds to four fifths of the body: a cut-short near duplicate.
    case cutShort
}

/// Makes article number N of a seed, always the same: title, body, tags and date come from
/// a stream of random numbers seeded by the article's number, and copies of it
/// (exact, retitled, cut short) change it with a second stream, never the first.
struct ArticleGenerator {
    let model: TextModel
    let seed: UInt64

    static let firstYear = 2021
    static let years = 4
    static let minutesInRange = (years * 365 + 1) * 24 * 60

    /// Chance of following the last two words (else only the last one).
    static let pairFollowing = 0.6
    /// A retitled version changes one word in this many, evenly spaced: shingle Jaccard
    /// about 0.9 with its original, well clear of the 0.8 threshold.
    static let changeEvery = 100
    /// Chance that a capitalised word inside a sentence becomes a made-up name.
    static let nameChance = 0.08

    func make(original index: Int, kind: RecordKind, salt: UInt64, into article: inout GeneratedArticle) {
        article.reset()
        var random = BenchRandom(seed, 1, UInt64(index))
        var change = BenchRandom(seed, 2, salt)
        let categoryCount = model.categories.count
        var category = random.below(categoryCount)
        while model.sentenceStarts[category].isEmpty { category = (category + 1) % categoryCount }
        article.category = category
        article.minutes = random.below(Self.minutesInRange)
        article.tags = Self.tags(category: model.categories[category], random: &random)

        // Title: a few words from a sentence start, ending with a full stop so that the
        // text format's header glues the first tag to it.
        var state = randomStart(category: category, random: &random)
        let titleWords = 4 + random.below(6)
        var written = 0
        while written < titleWords {
            let word = Int(model.sequence[state])
            if written > 0 { article.title.append(0x20) }
            let term = write(word: word, sentenceStart: written == 0, random: &random, into: &article.title)
            article.terms.append(term)
            written += 1
            if written >= 4 && model.wordFlags[word].contains(.endsSentence) { break }
            guard let next = step(from: state, random: &random) else { break }
            state = next
        }
        while let last = article.title.last, Self.titleTrim.contains(last) { article.title.removeLast() }
        if article.title.isEmpty { article.title.append(contentsOf: Array("News in brief".utf8)) }
        article.title.append(UInt8(ascii: "."))
        if kind == .retitled { article.title.insert(contentsOf: Array("New comment: ".utf8), at: 0) }

        // Body: paragraphs of whole sentences until the length drawn is reached.
        let target = 280 + random.below(221) + random.below(221)
        var words = 0
        var paragraphWords = 0
        var sentenceStart = true
        var breakPending = false
        var paragraphEnds: [Int] = []
        let changePhase = kind == .retitled ? change.below(Self.changeEvery) : 0
        state = randomStart(category: category, random: &random)
        while true {
            let word = Int(model.sequence[state])
            if words > 0 {
                if breakPending {
                    paragraphEnds.append(article.body.count)
                    article.body.append(0x0A)
                    article.body.append(0x0A)
                    paragraphWords = 0
                    breakPending = false
                } else {
                    article.body.append(0x20)
                }
            }
            let changed = kind == .retitled && (words + changePhase) % Self.changeEvery == 0
            var term = write(word: word, sentenceStart: sentenceStart, random: &random, into: &article.body)
            if changed {
                // Replace what was just written by another word (the chain goes on as before).
                while let last = article.body.last, last != 0x20 && last != 0x0A { article.body.removeLast() }
                let other = model.sequence[Int(model.wordMembers[change.below(model.wordMembers.count)])]
                article.body.append(contentsOf: model.bytes(of: Int(other)))
                term = model.wordTerm[Int(other)]
            }
            article.terms.append(term)
            words += 1
            paragraphWords += 1
            let endsSentence = model.wordFlags[word].contains(.endsSentence)
            sentenceStart = endsSentence
            if endsSentence {
                if words >= target { break }
                if (paragraphWords >= 40 && random.chance(0.35)) || paragraphWords >= 120 { breakPending = true }
            }
            if words >= target + 150 {
                endSentence(&article.body)
                break
            }
            if let next = step(from: state, random: &random) {
                state = next
            } else {
                // The source document ended: close the sentence and start another.
                if !endsSentence { endSentence(&article.body) }
                sentenceStart = true
                state = randomStart(category: category, random: &random)
            }
        }

        switch kind {
        case .original, .retitled:
            break
        case .exactCopy:
            // A reprint some days later.
            article.minutes += (1 + change.below(14)) * 24 * 60 + change.below(600)
        case .cutShort:
            let keep = Double(article.body.count) * (0.65 + 0.2 * change.unit())
            if let end = paragraphEnds.last(where: { Double($0) <= keep && $0 > 600 }) {
                article.body.removeSubrange(end...)
            } else {
                var end = Int(keep)
                while end > 0 && article.body[end] != 0x20 { end -= 1 }
                article.body.removeSubrange(end...)
            }
            article.minutes += change.below(3 * 24 * 60)
        }
    }

    static let titleTrim: Set<UInt8> = Set(".,;:!?\"')-(".utf8)

    private func randomStart(category: Int, random: inout BenchRandom) -> Int {
        let starts = model.sentenceStarts[category]
        return Int(starts[random.below(starts.count)])
    }

    /// The next position: after a random place that shares the last two words, or the last word.
    private func step(from state: Int, random: inout BenchRandom) -> Int? {
        let pair = model.pairClass[state]
        let position: Int
        if pair >= 0 && random.chance(Self.pairFollowing) {
            let first = Int(model.pairMembersStart[Int(pair)])
            let count = Int(model.pairMembersStart[Int(pair) + 1]) - first
            position = Int(model.pairMembers[first + random.below(count)])
        } else {
            let word = Int(model.sequence[state])
            let first = Int(model.wordMembersStart[word])
            let count = Int(model.wordMembersStart[word + 1]) - first
            position = Int(model.wordMembers[first + random.below(count)])
        }
        let next = position + 1
        return model.sequence[next] >= 0 ? next : nil
    }

    /// Writes a word, sometimes varied: numbers get new last digits, and capitalised words
    /// inside a sentence sometimes become made-up names (a long tail of rare words, as in
    /// real news). Returns the word's term, -1 when it was varied.
    private func write(word: Int, sentenceStart: Bool, random: inout BenchRandom, into buffer: inout [UInt8]) -> Int32 {
        let bytes = model.bytes(of: word)
        let flags = model.wordFlags[word]
        if flags.contains(.hasDigit) {
            let start = buffer.count
            buffer.append(contentsOf: bytes)
            var index = buffer.count - 1
            var runDigits = 0
            while index >= start {
                let byte = buffer[index]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    runDigits += 1
                    if runDigits <= 2 { buffer[index] = UInt8(ascii: "0") + UInt8(random.below(10)) }
                } else {
                    runDigits = 0
                }
                index -= 1
            }
            return -1
        }
        if flags.contains(.capitalized) && !sentenceStart && random.chance(Self.nameChance) {
            Self.appendName(random: &random, into: &buffer)
            // Keep the punctuation that followed the word.
            var tail = bytes.endIndex
            while tail > bytes.startIndex && !Self.isLetter(bytes[tail - 1]) { tail -= 1 }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tail...]))
            return -1
        }
        buffer.append(contentsOf: bytes)
        return model.wordTerm[word]
    }

    private func endSentence(_ buffer: inout [UInt8]) {
        while let last = buffer.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":") { buffer.removeLast() }
        buffer.append(UInt8(ascii: "."))
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || byte >= 0x80
    }

    static let syllables: [[UInt8]] = [
        "ka", "ro", "mi", "ta", "ne", "lu", "sa", "vi", "do", "re", "po", "li", "ba", "te", "mo", "ri",
        "za", "ke", "no", "sha", "ve", "lo", "di", "ga", "bu", "ni", "pe", "ra", "so", "ma", "fi", "ku",
        "del", "van", "tor", "mar", "len", "bri", "os", "an", "el", "ur", "ix", "ad", "or", "im", "ey", "al",
        "ber", "gan", "hol", "kin", "ley", "mon", "nor", "pen", "rid", "son", "ton", "wen", "yar", "zel", "cha", "dru",
    ].map { Array($0.utf8) }

    /// A made-up proper name; names are drawn log-uniformly from about half a million, so a
    /// few are common and most are rare.
    static func appendName(random: inout BenchRandom, into buffer: inout [UInt8]) {
        var number = Int(Foundation.exp(random.unit() * Foundation.log(500_000.0))) - 1
        let start = buffer.count
        var parts = 0
        repeat {
            buffer.append(contentsOf: syllables[number % syllables.count])
            number /= syllables.count
            parts += 1
        } while number > 0 || parts < 2
        buffer[start] &= ~0x20
    }

    static let topics: [String: [String]] = [
        "business": ["Economy", "Markets", "Trade", "Banking", "Jobs", "Companies", "Oil", "Retail", "Interest Rates"],
        "entertainment": ["Film", "Music", "Television", "Theatre", "Awards", "Books", "Celebrity", "Box Office"],
        "politics": ["Elections", "Parliament", "Government", "Europe", "Immigration", "Taxation", "Policing", "Labour"],
        "sport": ["Football", "Rugby", "Tennis", "Athletics", "Cricket", "Olympics", "Boxing", "Six Nations"],
        "tech": ["Internet", "Mobile", "Gaming", "Security", "Software", "Broadband", "Gadgets", "Artificial Intelligence"],
    ]
    static let generalTopics = ["World", "UK", "Analysis", "Features", "Asia", "Africa", "Americas", "Health"]

    /// The category (capitalised) and one to three topics.
    static func tags(category: String, random: inout BenchRandom) -> [String] {
        var tags = [category.prefix(1).uppercased() + category.dropFirst()]
        let pool = (topics[category] ?? []) + generalTopics
        let wanted = 1 + random.below(3)
        while tags.count <= wanted {
            let topic = pool[random.below(pool.count)]
            if !tags.contains(topic) { tags.append(topic) }
        }
        return tags
    }
}
