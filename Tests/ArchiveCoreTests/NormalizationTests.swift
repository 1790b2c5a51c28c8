import Testing
@testable import ArchiveCore

@Suite("Normalization and fingerprints")
struct NormalizationTests {
    @Test("case, spacing, width and compatibility forms do not change the normal form")
    func normalForm() {
        #expect(TextNormalizer.normalize("  Hello,\n\tWORLD  ") == "hello, world")
        #expect(TextNormalizer.normalize("ＡＢＣ１２３") == "abc123")  // full-width letters and digits
        #expect(TextNormalizer.normalize("ﬁne") == "fine")  // ligature
        #expect(TextNormalizer.normalize("STRASSE") == TextNormalizer.normalize("straße"))
        #expect(TextNormalizer.normalize("e\u{301}") == TextNormalizer.normalize("\u{E9}"))
        #expect(TextNormalizer.normalize("a\u{00A0}b") == "a b")  // no-break space
        #expect(TextNormalizer.normalize("Ἀθῆναι") == TextNormalizer.normalize("ἀθῆναι"))
    }

    @Test("word by word treatment agrees with normalizing the whole text at once", arguments: [
        "The U.S. Senate, on JUNE 1st,\r\n passed   the BILL.",
        "Café crème at £3 – “quoted” and ‘single’, done",
        "naïve coöperation façade 日本語 テキスト",
        "Wait… what? Éclair ＡＢＣ ﬁne STRASSE Ἀθῆναι\u{00A0}end\u{3000}ideographic\u{2028}separator",
        "e\u{301}tude and cafe\u{301} composed late",
        // CJK runs with full-width forms, and with what could combine with them.
        "来自四十多个国家的专家，讨论机器人与５Ｇ网络（ＡＩ）。東京駅「テスト」　서울에서",
        "か\u{3099}，ＡＢ ｶﾞｿﾘﾝ，５ 가\u{11A8}，１ Ａ\u{301}，",
        // Full-width forms with punctuation that stays as it is, and with what changes or combines.
        "专家说：“５Ｇ网络”——很快，ＡＩ·机器人《报告》〔１〕‖Ｘ",
        "“Ａ\u{301}”，５—x ‘Ｂ’\u{301} ＣＤ…Ｅ ‼Ｆ ＧＨ\u{2024}",
    ])
    func wordByWord(text: String) {
        #expect(TextNormalizer.normalize(text) == Self.wholeText(text))
    }

    /// NFKC, case folding and NFKC again over the whole text, white space collapsed.
    static func wholeText(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("word by word treatment agrees with the whole text's on random mixtures of width forms, punctuation and marks")
    func randomMixtures() {
        for text in FullTextFormTests.randomMixtures(count: 600, seed: 40) {
            #expect(TextNormalizer.normalize(text) == Self.wholeText(text), "\(text.debugDescription)")
        }
    }

    @Test("the scalars the CJK shortcut copies as they are: NFKC and folding leave each alone")
    func unchangedScalars() {
        for value in UInt32(0x80)...0xFFFF where TextNormalizer.ScalarClass.of(value) == .unchanged {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(!scalar.properties.changesWhenNFKCCaseFolded && !scalar.properties.isWhitespace
                    && scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
        }
    }

    @Test("fingerprints ignore spacing and case, not words; title and body are kept apart")
    func fingerprints() {
        let a = Fingerprint(title: "Rivers Rise", body: "The river rose.\n\nCrews came.")
        #expect(a == Fingerprint(title: "rivers  rise", body: "THE RIVER ROSE. Crews came."))
        #expect(a != Fingerprint(title: "Rivers Rise", body: "The river fell.\n\nCrews came."))
        #expect(Fingerprint(title: "a b", body: "c") != Fingerprint(title: "a", body: "b c"))
        #expect(a.bytes.count == 32)
        // Stable across runs and machines: SHA-256 of "title NL body" in normal form
        // (the expected value comes from Python's hashlib).
        #expect(a.description == "489d9a9a6dbdb1e7690e2b11523c80e1beae1d488dc19d3054aa5b43fd1884fe")
    }
}
