/// Korean particles are glued to the word before them, and several come in two forms
/// chosen by whether that word's last syllable ends in a consonant (batchim): 서울은 but
/// 부산은, 정부는; 기업이 but 정부가. Getting this right keeps the text's character pairs
/// (what the archive indexes) like real Korean news.
enum KoreanParticles {
    /// The form after a final consonant, and the form after a vowel.
    static let pairs: [String: (consonant: String, vowel: String)] = [
        "은": ("은", "는"), "는": ("은", "는"),
        "이": ("이", "가"), "가": ("이", "가"),
        "을": ("을", "를"), "를": ("을", "를"),
        "과": ("과", "와"), "와": ("과", "와"),
        "으로": ("으로", "로"), "로": ("으로", "로"),
    ]

    /// `word` with `particle` attached in the form its last syllable takes. Particles
    /// without two forms (에서, 의, 도, 에) are attached as they are.
    static func attach(_ particle: String, to word: String) -> String {
        guard let forms = pairs[particle], let last = word.unicodeScalars.last else { return word + particle }
        // Hangul syllables are 0xAC00 + (initial * 21 + vowel) * 28 + final; final 0 is none.
        guard (0xAC00...0xD7A3).contains(last.value) else { return word + forms.consonant }
        let final = (last.value - 0xAC00) % 28
        if final == 0 { return word + forms.vowel }
        // 으로 after ㄹ (final 8) is 로: 서울로.
        if particle == "으로" || particle == "로" { return word + (final == 8 ? forms.vowel : forms.consonant) }
        return word + forms.consonant
    }
}
