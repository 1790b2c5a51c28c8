import ArchiveCore
import Testing
@testable import SyntheticNews

/// The one calendar of the generators, checked against the archive's own date reader:
/// every form a generated dump writes must be read back as the same minute.
@Suite("Release times")
struct CalendarTests {
    @Test("calendar arithmetic and weekdays")
    func arithmetic() throws {
        let time = ReleaseTime(year: 2024, month: 2, day: 28, hour: 23, minute: 30)
        #expect(time.text == "2024-02-28 23:30")
        #expect(time.adding(days: 1).text == "2024-02-29 23:30")
        #expect(time.adding(minutes: 60).text == "2024-02-29 00:30")
        #expect(time.adding(minutes: -24 * 60).text == "2024-02-27 23:30")
        #expect(ReleaseTime.weekdayNames[time.weekday] == "Wednesday")
        #expect(try #require(ReleaseTime("2024-04-14 07:30")).weekday == 0)
        #expect(ReleaseTime(year: 1999, month: 12, day: 31).adding(days: 1).text == "2000-01-01 00:00")
    }

    @Test("the three written forms")
    func forms() {
        let morning = ReleaseTime(year: 2024, month: 4, day: 4, hour: 7, minute: 5)
        #expect(morning.text == "2024-04-04 07:05")
        #expect(morning.iso8601 == "2024-04-04T07:05:00")
        #expect(morning.releaseLine == "Apr 4, 2024 07:05 AM")
        #expect(ReleaseTime(year: 2021, month: 12, day: 31, hour: 12, minute: 30).releaseLine == "Dec 31, 2021 12:30 PM")
        #expect(ReleaseTime(year: 2021, month: 1, day: 1).releaseLine == "Jan 1, 2021 12:00 AM")
        #expect(ReleaseTime(year: 2022, month: 9, day: 14, hour: 23, minute: 59).releaseLine == "Sep 14, 2022 11:59 PM")
    }

    @Test("every form reads back, through the archive's reader, as the same minute", arguments: [1, 2, 3])
    func roundTrip(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let start = ReleaseTime(year: 1999, month: 12, day: 1)
        for _ in 0..<2_000 {
            let time = start.adding(days: rng.below(12_000), minutes: rng.below(1440))
            for form in [time.text, time.iso8601, time.releaseLine] {
                #expect(ReleaseDate.iso8601(form) == time.iso8601, "\(form)")
                #expect(ReleaseTime(form) == time, "\(form)")
            }
        }
    }

    @Test("reading takes what the archive takes: zones converted to UTC, nonsense refused")
    func reading() {
        #expect(ReleaseTime("2024-04-14T07:30:00+02:00") == ReleaseTime(year: 2024, month: 4, day: 14, hour: 5, minute: 30))
        #expect(ReleaseTime("14 April 2024") == ReleaseTime(year: 2024, month: 4, day: 14))
        #expect(ReleaseTime("2024-02-30 10:00") == nil)
        #expect(ReleaseTime("soon") == nil)
    }
}
