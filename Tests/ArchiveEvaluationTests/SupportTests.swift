import Testing
@testable import ArchiveEvaluation

@Suite("Text and time helpers")
struct SupportTests {
    @Test("release times: calendar arithmetic and weekdays")
    func releaseTimes() throws {
        let time = ReleaseTime(year: 2024, month: 2, day: 28, hour: 23, minute: 30)
        #expect(time.text == "2024-02-28 23:30")
        #expect(time.adding(days: 1).text == "2024-02-29 23:30")
        #expect(time.adding(minutes: 60).text == "2024-02-29 00:30")
        #expect(time.adding(minutes: -24 * 60).text == "2024-02-27 23:30")
        #expect(ReleaseTime.weekdayNames[time.weekday] == "Wednesday")
        #expect(try #require(ReleaseTime("2024-04-14 07:30")).weekday == 0)
        #expect(ReleaseTime(year: 1999, month: 12, day: 31).adding(days: 1).text == "2000-01-01 00:00")
    }

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
