import ArchiveCore

/// The languages of the CJK benchmark corpus: mostly Chinese, some Japanese and Korean.
public enum CJKLanguage: String, CaseIterable, Sendable, Codable {
    case chinese = "zh"
    case japanese = "ja"
    case korean = "ko"

    /// Chinese 80%, Japanese 10%, Korean 10%.
    static func draw(_ random: inout SplitMix64) -> CJKLanguage {
        let roll = random.unit()
        return roll < 0.8 ? .chinese : roll < 0.9 ? .japanese : .korean
    }

    var phrasebook: CJKPhrasebook {
        switch self {
        case .chinese: ChineseNewsWords.phrasebook
        case .japanese: JapaneseNewsWords.phrasebook
        case .korean: KoreanNewsWords.phrasebook
        }
    }

    /// Every word of the language's phrasebook (names' parts included): what a reader
    /// would search for, beside any other run of characters.
    public var words: Set<String> { Set(phrasebook.words.values.joined()) }

    /// Korean puts spaces between words and after a sentence; Chinese and Japanese put none.
    var sentenceGap: String { self == .korean ? " " : "" }
}
