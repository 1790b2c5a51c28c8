import ArchiveCore

/// Makes record N of a seed, always the same: an original's title, body, tags and date
/// come from a stream of random numbers seeded by the original's number, and a copy of
/// it is made from that original by the copy makers the evaluation uses, seeded by the
/// copy's own number, so the output does not depend on how the work is split over threads.
public struct ArticleGenerator: Sendable {
    public let model: TextModel
    public let seed: UInt64

    public init(model: TextModel, seed: UInt64) {
        self.model = model
        self.seed = seed
    }

    /// Originals are dated over four years from 2021.
    static let firstDay = ReleaseTime(year: 2021, month: 1, day: 1)
    static let minutesInRange = (4 * 365 + 1) * 24 * 60

    /// Chance of following the last two words (else only the last one).
    static let pairFollowing = 0.6
    /// Chance that a capitalised word inside a sentence becomes a made-up name.
    static let nameChance = 0.08

    /// Original number `original`, or a copy of it of `kind` seeded by `copyNumber`
    /// (unique per copy). Nil when the copy kind cannot apply to this article
    /// (`CopyKind.make`). Hard negatives are the evaluation's, not made here.
    public func make(original: Int, kind: RecordKind, copyNumber: UInt64) -> GeneratedArticle? {
        let article = makeOriginal(original)
        switch kind {
        case .original:
            return article
        case .copy(let copyKind):
            guard let copy = copyKind.make(from: article.news, seed: seed, number: copyNumber) else { return nil }
            return GeneratedArticle(title: copy.title, body: copy.body, tags: copy.tags,
                                    released: ReleaseTime(copy.published) ?? article.released,
                                    terms: model.terms(of: copy.title + " " + copy.body))
        case .negative:
            preconditionFailure("the word chain makes originals and their copies, not hard negatives")
        }
    }

    func makeOriginal(_ index: Int) -> GeneratedArticle {
        var random = SplitMix64(seed: seed, "article".seedValue, UInt64(index))
        let categoryCount = model.categories.count
        var category = random.below(categoryCount)
        while model.sentenceStarts[category].isEmpty { category = (category + 1) % categoryCount }
        let released = Self.firstDay.adding(minutes: random.below(Self.minutesInRange))
        let tags = GeneratedTags.tags(category: model.categories[category], random: &random)
        var terms: [Int32] = []
        let title = makeTitle(category: category, random: &random, terms: &terms)
        let body = makeBody(category: category, random: &random, terms: &terms)
        return GeneratedArticle(title: String(decoding: title, as: UTF8.self), body: String(decoding: body, as: UTF8.self),
                                tags: tags, released: released, terms: terms)
    }

    /// A few words from a sentence start, ending with a full stop so that the text
    /// format's header glues the first tag to it.
    private func makeTitle(category: Int, random: inout SplitMix64, terms: inout [Int32]) -> [UInt8] {
        var title: [UInt8] = []
        var state = randomStart(category: category, random: &random)
        let titleWords = 4 + random.below(6)
        var written = 0
        while written < titleWords {
            let word = Int(model.sequence[state])
            if written > 0 { title.append(0x20) }
            terms.append(write(word: word, sentenceStart: written == 0, random: &random, into: &title))
            written += 1
            if written >= 4 && model.wordFlags[word].contains(.endsSentence) { break }
            guard let next = step(from: state, random: &random) else { break }
            state = next
        }
        while let last = title.last, Self.titleTrim.contains(last) { title.removeLast() }
        if title.isEmpty { title.append(contentsOf: "News in brief".utf8) }
        title.append(UInt8(ascii: "."))
        return title
    }

    static let titleTrim: Set<UInt8> = Set(".,;:!?\"')-(".utf8)

    /// Paragraphs of whole sentences until the length drawn is reached.
    private func makeBody(category: Int, random: inout SplitMix64, terms: inout [Int32]) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(4_096)
        let target = 280 + random.below(221) + random.below(221)
        var words = 0
        var paragraphWords = 0
        var sentenceStart = true
        var breakPending = false
        var state = randomStart(category: category, random: &random)
        while true {
            let word = Int(model.sequence[state])
            if words > 0 {
                if breakPending {
                    body.append(0x0A)
                    body.append(0x0A)
                    paragraphWords = 0
                    breakPending = false
                } else {
                    body.append(0x20)
                }
            }
            terms.append(write(word: word, sentenceStart: sentenceStart, random: &random, into: &body))
            words += 1
            paragraphWords += 1
            let endsSentence = model.wordFlags[word].contains(.endsSentence)
            sentenceStart = endsSentence
            if endsSentence {
                if words >= target { break }
                if (paragraphWords >= 40 && random.chance(0.35)) || paragraphWords >= 120 { breakPending = true }
            }
            if words >= target + 150 {
                endSentence(&body)
                break
            }
            if let next = step(from: state, random: &random) {
                state = next
            } else {
                // The source document ended: close the sentence and start another.
                if !endsSentence { endSentence(&body) }
                sentenceStart = true
                state = randomStart(category: category, random: &random)
            }
        }
        return body
    }

    private func randomStart(category: Int, random: inout SplitMix64) -> Int {
        let starts = model.sentenceStarts[category]
        return Int(starts[random.below(starts.count)])
    }

    /// The next position: after a random place that shares the last two words, or the last word.
    private func step(from state: Int, random: inout SplitMix64) -> Int? {
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
    /// inside a sentence sometimes become made-up names. Returns the word's term, -1 when
    /// it was varied.
    private func write(word: Int, sentenceStart: Bool, random: inout SplitMix64, into buffer: inout [UInt8]) -> Int32 {
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
            MadeUpNames.append(random: &random, into: &buffer)
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
}
