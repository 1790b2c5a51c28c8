import Testing
@testable import SyntheticNews

@Suite("Text helpers")
struct TextSupportTests {
    @Test("numbers are written the same in every locale")
    func decimals() {
        #expect(DecimalText.fixed(0.98765, places: 3) == "0.988")
        #expect(DecimalText.fixed(-1.5, places: 2) == "-1.50")
        #expect(DecimalText.fixed(2, places: 0) == "2")
        #expect(DecimalText.thousands(98_214) == "98,214")
        #expect(DecimalText.thousands(1_002_003) == "1,002,003")
        #expect(DecimalText.thousands(999) == "999")
    }

    @Test("patterns: slots filled, capitals kept, one alternative chosen")
    func patterns() {
        let slots = ["org": "the council", "n": "{m} more", "m": "3"]
        let text = PhraseTemplate.expand("{Org} [said|added] {n}.", choose: { $0 - 1 }) { slots[$0]! }
        #expect(text == "The council added 3 more.")
        #expect(PhraseTemplate.expand("[a|b|c]", choose: { _ in 0 }) { $0 } == "a")
    }

    @Test("words keep the text between them: a replaced word or a cut changes nothing else")
    func wordSpans() {
        let spans = WordSpans("  One, two\n\nthree  four. ")
        #expect(spans.words == ["One,", "two", "three", "four."])
        #expect(spans.replacing([1: "2"]) == "  One, 2\n\nthree  four. ")
        #expect(spans.prefix(words: 3) == "  One, two\n\nthree")
        #expect(Substring("“Ireland.”").punctuated == ("“", "Ireland", ".”"))
    }
}
