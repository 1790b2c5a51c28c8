import Testing
@testable import ArchiveCore

/// articles_cjk is tokenized by `porter ascii`, and given text whose stretches beyond
/// ASCII between CJK runs are already unicode61's tokens (`Unicode61Words`). Held here to
/// what `porter unicode61 remove_diacritics 2` made of the bigram form before: the same
/// terms at the same positions.
@Suite("What articles_cjk's tokenizer is given")
struct CJKIndexTokensTests {
    static let index = "porter ascii"

    /// The bigram form as written for `unicode61`: each run as its pairs and its last
    /// character, everything between runs as it is.
    static func unicode61Form(_ normalized: String) -> String {
        var form = ""
        var run: [Unicode.Scalar] = []
        func endRun() {
            guard let last = run.last else { return }
            form += " " + zip(run, run.dropFirst()).map { "\($0)\($1)" }.joined(separator: " ") + " \(last) "
            run = []
        }
        for scalar in normalized.unicodeScalars {
            if CJKText.isIdeographic(scalar.value) { run.append(scalar) } else { endRun(); form.unicodeScalars.append(scalar) }
        }
        endRun()
        return form
    }

    /// The kana voicing marks, combining (U+3099, U+309A): inside a run, so inside its
    /// pairs, where unicode61 removed them as diacritics (and dropped the token of one
    /// standing alone). The `ascii` tokenizer keeps them: `か\u{3099}` (が written in two
    /// characters) is no longer the term `か`.
    static func holdsVoicingMark(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value == 0x3099 || $0.value == 0x309A }
    }

    /// Each text (normalized) as indexed now and as unicode61 made it before: the same
    /// terms at the same positions.
    static func expectSameTerms(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let normalized = texts.map(TextNormalizer.normalize).filter { !holdsVoicingMark($0) }
        let indexed = try FullTextFormTests.tokens(normalized.map(CJKText.indexForm), tokenizer: Self.index)
        let before = try FullTextFormTests.tokens(normalized.map(Self.unicode61Form))
        for (text, (now, then)) in zip(normalized, zip(indexed, before)) {
            #expect(now == then, "\(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test("news text: CJK punctuation, accents, full-width forms and mixed words")
    func examples() throws {
        try Self.expectSameTerms([
            "北京举行国际人工智能大会。", "华为5G手机在深圳发布，solar 项目。", "「Café」と東京駅・naïve résumé", "서울에서 AI 회의가 열렸다.",
            "Markets rallied — “strongly” — in 上海…", "ＡＩ ５Ｇ ｶﾀｶﾅ", "São Paulo 和 Zürich", "🙂 emoji 北京 🙂", "",
        ])
    }

    @Test("random mixtures of scripts, marks and punctuation give the same terms at the same positions")
    func randomTexts() throws {
        try Self.expectSameTerms(FullTextFormTests.randomMixtures(count: 600, seed: 20))
    }

    @Test("every character beyond ASCII that is not CJK (planes 0 and 1), between letters: the same terms")
    func everyCharacter() throws {
        let scalars = (0x80...0x1FFFF).compactMap(Unicode.Scalar.init).filter { !CJKText.isIdeographic($0.value) }
        try Self.expectSameTerms(scalars.map { "a\(Character($0))b 北京\(Character($0))x" })
    }

    @Test("every CJK character inside a run: the same pairs, but for the voicing marks")
    func everyRunCharacter() throws {
        let scalars = (0x1100...0x323AF).compactMap(Unicode.Scalar.init).filter { CJKText.isIdeographic($0.value) }
        try Self.expectSameTerms(scalars.map { "北\(Character($0))京 x\(Character($0))" })
        let voiced = TextNormalizer.normalize("ー\u{3099}")
        #expect(try FullTextFormTests.tokens([CJKText.indexForm(voiced)], tokenizer: Self.index) == [["ー\u{3099}", "\u{3099}"]])
    }

    @Test("the tokenizer is shared by threads at once and gives each the same tokens")
    func concurrentUse() async throws {
        let texts = FullTextFormTests.randomMixtures(count: 200, seed: 30).map(TextNormalizer.normalize)
        let expected = texts.map(CJKText.indexForm)
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { texts.map(CJKText.indexForm) } }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        for result in results { #expect(result == expected) }
    }
}
