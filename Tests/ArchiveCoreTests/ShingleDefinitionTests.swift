import Testing
@testable import ArchiveCore

/// Shingling is written for speed (one pass over the bytes, a bucket sort); the keys it
/// makes are stored in every archive, so it must give exactly what the plain definition
/// below gives, on any text.
@Suite("Shingles against their definition")
struct ShingleDefinitionTests {
    /// The definition, written the obvious way: the unit decided over the text's
    /// scalars, words as slices of bytes hashed one by one, every window combined, the
    /// whole set sorted by the standard library.
    static func definition(_ normalized: String, width: Int = Shingles.width) -> (unit: Shingles.Unit, lead: [UInt64], distinct: [UInt64]) {
        var letters = 0, cjk = 0
        for scalar in normalized.unicodeScalars {
            if scalar.value < 0x80 {
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { letters += 1 }
            } else if Shingles.isCommonCJKLetter(scalar.value) {
                letters += 1
                cjk += 1
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if CJKText.isIdeographic(scalar.value) { cjk += 1 }
            }
        }
        let characters = letters > 0 && cjk * 5 >= letters
        let tokens: [UInt64]
        if characters {
            tokens = normalized.unicodeScalars
                .filter { $0.value < 0x80 ? ($0.value | 0x20 >= 0x61 && $0.value | 0x20 <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
                                          : Shingles.isCommonCJKLetter($0.value) || $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map { StableHash.mix(UInt64($0.value)) }
        } else {
            let isWordByte = { (byte: UInt8) in byte >= 0x80 || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            tokens = Array(normalized.utf8).split(whereSeparator: { !isWordByte($0) }).map { StableHash.fnv1a($0) }
        }
        var ordered: [UInt64] = []
        if tokens.count <= width {
            if !tokens.isEmpty { ordered.append(StableHash.combine(tokens)) }
        } else {
            for start in 0...(tokens.count - width) { ordered.append(StableHash.combine(tokens[start..<(start + width)])) }
        }
        let distinct = Array(Set(ordered)).sorted()
        let unit: Shingles.Unit = characters ? .characters : .words
        return (unit, Array(ordered.prefix(CandidateKeys.leadShingles(for: unit))), distinct)
    }

    static let texts: [String] = [
        "",
        "one",
        "one two three four five",
        "one two three four five six",
        "the council’s £4m budget — approved, naïvely, in zürich; café owners said “no”",
        "emoji 🎉 between words 🎉 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 letters, four bytes each 🎉 🎉 🎉",
        "中国海军舰艇编队抵达集结区域参加多国海上联合演习",
        "东京駅で新しい電車が発表されました。テクノロジー",
        "서울에서 열린 회의에 여러 나라의 전문가들이 참석했다",
        "华为 5G 手机 in Shenzhen: mostly Latin words around 两个 characters, which stay words",
        "mixed 北京 and beijing, 上海 and shanghai, 深圳 and shenzhen, 广州 and guangzhou 天津",
        "ｆｕｌｌ－ｗｉｄｔｈ ５Ｇ after NFKC would be half width, here they are not",
        String(repeating: "the same five words again ", count: 400),
        String(repeating: "a", count: 5_000),
        "apostrophes don't split, hyphen-ated words do; numbers 1,200.50 and 3rd",
    ] + (0..<12).map { prose(seed: UInt64($0), words: [3, 6, 40, 300, 2_000, 9_000][$0 % 6]) }

    @Test("the same unit, lead and distinct set as the definition", arguments: texts.indices)
    func matchesDefinition(index: Int) {
        let text = TextNormalizer.normalize(Self.texts[index])
        let made = Shingles(normalized: text)
        let expected = Self.definition(text)
        #expect(made.unit == expected.unit)
        #expect(made.lead == expected.lead)
        #expect(made.distinct == expected.distinct)
        // The same text not normalized (capitals, full-width forms) goes the same way.
        let raw = Shingles(normalized: Self.texts[index])
        #expect(raw.distinct == Self.definition(Self.texts[index]).distinct)
    }

    @Test("sorting many values, crowded values and repeats: sorted, each once")
    func sortedDistinct() {
        var state: UInt64 = 42
        let spread = (0..<10_000).map { _ in state = StableHash.mix(state); return state }
        #expect(Shingles.sortedDistinct(spread) == Array(Set(spread)).sorted())
        // Values in one bucket take the standard sort; repeats go.
        let crowded = (0..<500).map { UInt64($0 % 97) } + spread.prefix(100)
        #expect(Shingles.sortedDistinct(crowded) == Array(Set(crowded)).sorted())
        let repeats = Array(spread.prefix(50)) + Array(spread.prefix(50))
        #expect(Shingles.sortedDistinct(repeats) == Array(Set(repeats)).sorted())
        #expect(Shingles.sortedDistinct([]) == [])
    }
}
