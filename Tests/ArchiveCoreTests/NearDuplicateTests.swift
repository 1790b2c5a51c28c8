import Foundation
import Testing
@testable import ArchiveCore

/// Deterministic filler text: `count` words from a fixed vocabulary, seeded.
func prose(seed: UInt64, words count: Int) -> String {
    let vocabulary = """
        council harbour river bridge minister budget school hospital farmers market storm police court
        village energy solar prices workers union strike train museum library election voters report
        officials said week year month residents plans project water roads transport police inquiry
        company shares profits losses trade talks summit leaders agreement climate rain flood drought
        """.split(whereSeparator: \.isWhitespace).map(String.init)
    var state = seed
    var words: [String] = []
    for index in 0..<count {
        state = StableHash.mix(state &+ UInt64(index))
        words.append(vocabulary[Int(state % UInt64(vocabulary.count))])
        if index % 17 == 16 { words[words.count - 1] += "." }
    }
    return words.joined(separator: " ")
}

@Suite("Near duplicates")
struct NearDuplicateTests {
    @Test("word shingles: 5-word windows over the normal form; punctuation and case do not matter")
    func wordShingles() {
        let a = Shingles(text: "The Council, on Monday, approved the new bridge budget.")
        let b = Shingles(text: "the council on monday approved   the new bridge budget")
        #expect(a.unit == .words)
        #expect(a == b)
        #expect(a.count == 5)  // 9 words: windows 0...4
        #expect(Shingles(text: "too short").count == 1)
        #expect(Shingles(text: "").count == 0)
        #expect(Shingles(text: "one two three four five six").jaccard(Shingles(text: "one two three four five seven")) == 1.0 / 3.0)
    }

    @Test("Chinese, Japanese and Korean text is shingled by characters")
    func characterShingles() {
        let chinese = Shingles(text: "中国海军舰艇编队抵达集结区域参加多国海上联合演习")
        #expect(chinese.unit == .characters)
        #expect(chinese.count == 24 - 4)  // 24 characters, 5-character windows
        #expect(Shingles(text: "Hello world, mostly English with 一 character").unit == .words)
    }

    @Test("the CJK letters shingling knows without Unicode's tables are letters by the tables, and ideographic")
    func commonCJKLetters() {
        for value in UInt32(0x3000)...0xD7FF where Shingles.isCommonCJKLetter(value) {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.properties.isAlphabetic && CJKText.isIdeographic(value), "U+\(String(value, radix: 16))")
        }
    }

    @Test("the punctuation known without Unicode's tables is neither letter, digit, white space nor combining by the tables")
    func commonPunctuation() {
        let known = (UInt32(0x80)...0xFFFF).filter(TextNormalizer.isCommonPunctuation)
        for value in known {
            let properties = Unicode.Scalar(value)!.properties
            #expect(!properties.isAlphabetic && properties.numericType == nil && !properties.isWhitespace
                    && properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
        }
        #expect(known.count > 100)
    }

    @Test("MinHash signatures are the same on every run: pinned values, no per-process seeds")
    func minHashStable() {
        let shingles = Shingles(text: prose(seed: 1, words: 300))
        let signature = MinHash(shingles)
        #expect(signature.values.count == 128)
        #expect(signature == MinHash(Shingles(text: prose(seed: 1, words: 300))))
        // Pinned: if these change, keys stored in existing archives no longer match.
        // FNV-1a 64 of "harbour", computed independently (Python).
        #expect(StableHash.fnv1a(Array("harbour".utf8)) == 0x66223055b061ec68)
        #expect(Array(signature.values.prefix(4)) == MinHashPins.firstValues)
        #expect(CandidateKeys(shingles).bands.first == MinHashPins.firstBand)
    }

    @Test("each path of the vectorized loop gives exactly the plain definition's values", arguments: [0, 1, 300, 5_000])
    func minHashMatchesDefinition(words: Int) {
        let shingles = Shingles(text: prose(seed: UInt64(words), words: words))
        let definition = MinHash.reference(shingles)
        #expect(MinHash(shingles).values == definition)
        // Every path this processor has (the plain C one always): the archive may be
        // written on one machine and read on another.
        #expect(MinHash.values(shingles, vectorBits: 0) == definition)
        for bits: Int32 in [256, 512] {
            if let values = MinHash.values(shingles, vectorBits: bits) { #expect(values == definition, "\(bits)-bit path") }
        }
        #expect(MinHash.values(shingles, vectorBits: 128) == nil)
    }

    @Test("the signature estimates Jaccard")
    func minHashEstimates() {
        let base = prose(seed: 7, words: 2_000).split(separator: " ").map(String.init)
        var edited = base
        for index in stride(from: 0, to: edited.count, by: 40) { edited[index] = "zzz" }
        let a = Shingles(text: base.joined(separator: " ")), b = Shingles(text: edited.joined(separator: " "))
        let estimate = MinHash(a).estimatedJaccard(MinHash(b))
        #expect(abs(estimate - a.jaccard(b)) < 0.1)
    }

    @Test("a close copy shares LSH bands; an unrelated text shares none")
    func candidateKeys() {
        let original = prose(seed: 11, words: 600)
        var words = original.split(separator: " ").map(String.init)
        words[300] = "changed"
        let copy = CandidateKeys(Shingles(text: words.joined(separator: " ")))
        let keys = CandidateKeys(Shingles(text: original))
        #expect(Set(keys.bands).intersection(copy.bands).count >= 8)
        #expect(keys.lead == copy.lead)
        let other = CandidateKeys(Shingles(text: prose(seed: 12, words: 600)))
        #expect(Set(keys.bands).isDisjoint(with: other.bands))
        #expect(keys.lead != other.lead)
        // A truncated copy keeps the lead.
        #expect(CandidateKeys(Shingles(text: words.prefix(200).joined(separator: " "))).lead == keys.lead)
    }

    @Test("verification: Jaccard first, containment for long enough cut-short copies")
    func verification() {
        let policy = NearDuplicatePolicy.standard
        let words = prose(seed: 3, words: 400).split(separator: " ").map(String.init)
        let full = Shingles(text: words.joined(separator: " "))
        var edited = words
        for index in stride(from: 0, to: edited.count, by: 100) { edited[index] = "zzz" }
        #expect(policy.match(full, Shingles(text: edited.joined(separator: " ")))?.rule == .jaccard)
        let cut = Shingles(text: words.prefix(280).joined(separator: " "))
        let match = policy.match(full, cut)
        #expect(match?.rule == .containment)
        #expect((match?.similarity ?? 0) > 0.99)
        // A short text inside a long one is boilerplate, not a copy.
        let boilerplate = Shingles(text: words.prefix(40).joined(separator: " "))
        #expect(policy.match(full, boilerplate) == nil)
        #expect(policy.match(full, Shingles(text: prose(seed: 4, words: 400))) == nil)
    }

    @Test("the full text supersedes a cut-short copy, not the other way round")
    func canonicalRule() {
        let policy = NearDuplicatePolicy.standard
        let words = prose(seed: 5, words: 400).split(separator: " ")
        let full = Shingles(text: words.joined(separator: " "))
        let cut = Shingles(text: words.prefix(300).joined(separator: " "))
        #expect(policy.supersedes(full, canonical: cut))
        #expect(!policy.supersedes(cut, canonical: full))
        // One more word is not "strictly longer" enough to take over.
        let almost = Shingles(text: words.prefix(399).joined(separator: " "))
        #expect(!policy.supersedes(full, canonical: almost))
    }
}

/// Values this code produced when the archive format was fixed; they must never change.
enum MinHashPins {
    static let firstValues: [UInt32] = [31_784_037, 7_141_245, 3_463_769, 9_658_886]
    static let firstBand: Int64? = 5_424_914_286_487_559_172
}

@Suite("Key filter")
struct KeyFilterTests {
    @Test("never forgets a key; rarely claims one it was not given; saves and loads as it was")
    func bloomFilter() throws {
        var random = SplitMix64(seed: 5)
        var filter = KeyFilter(capacity: 100_000)
        let keys = (0..<100_000).map { _ in Int64(bitPattern: random.next()) }
        for key in keys { filter.insert(key) }
        #expect(keys.allSatisfy(filter.mayContain))
        let strangers = (0..<100_000).map { _ in Int64(bitPattern: random.next()) }
        let falsePositives = strangers.filter(filter.mayContain).count
        #expect(falsePositives < 2_000, "\(falsePositives) of 100,000 (about 1% expected when full)")
        let copy = try #require(filter.words.withUnsafeBytes { bytes in
            KeyFilter(byteCount: bytes.count, count: filter.count) { $0.copyMemory(from: bytes) }
        })
        #expect(copy.words == filter.words && copy.count == filter.count)
        #expect(keys.allSatisfy(copy.mayContain))
    }

    @Test("an import saves the filter; the next one reads it, finds old articles, and saves it again")
    func savedBetweenImports() throws {
        let directory = TemporaryDirectory()
        let db = directory.path("a.db")
        try importDumps([directory.write("1.jsonl", StoryLinkTests.line("Original", StoryLinkTests.original))], into: db)
        #expect(try count("SELECT count(*) FROM near_key_filter", in: db) == 1)
        let copy = StoryLinkTests.copies.first { $0.kind == "edits" }!
        let summary = try importDumps([directory.write("2.jsonl", StoryLinkTests.line(copy.title, copy.body))], into: db)
        #expect(summary.nearDuplicates == 1)
        #expect(try count("SELECT keys FROM near_key_filter", in: db) >= 2 * CandidateKeys.bandCount)
    }
}
