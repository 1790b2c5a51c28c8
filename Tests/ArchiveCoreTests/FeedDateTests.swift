import Testing
@testable import ArchiveCore

/// The date forms feeds and scrapers write besides those of our text dumps.
@Suite("Release dates from feeds: RFC 2822 and Unix seconds")
struct FeedDateTests {
    @Test("RFC 2822 dates are read, their zone converted to UTC", arguments: [
        ("Mon, 15 Apr 2024 09:00:00 +0000", "2024-04-15T09:00:00"),
        ("Mon, 15 Apr 2024 09:00:00 +0200", "2024-04-15T07:00:00"),
        ("Mon, 15 Apr 2024 09:00:00 GMT", "2024-04-15T09:00:00"),
        ("Mon, 15 Apr 2024 01:30:00 +0200", "2024-04-14T23:30:00"),
        ("Tue, 30 Apr 2024 22:00:00 -0500", "2024-05-01T03:00:00"),
        ("Mon, 15 Apr 2024 09:00:00 EST", "2024-04-15T14:00:00"),
        ("Mon, 15 Apr 2024 09:00:00 PDT", "2024-04-15T16:00:00"),
        ("Mon, 15 Apr 2024 09:00 UT", "2024-04-15T09:00:00"),
        ("Mon, 15 Apr 2024 09:00:00 +0000 (UTC)", "2024-04-15T09:00:00"),
        ("15 Apr 2024 09:00:00 +0100", "2024-04-15T08:00:00"),
        ("Monday, April 15, 2024", "2024-04-15T00:00:00"),
    ])
    func rfc2822(raw: String, iso: String) {
        #expect(ReleaseDate.iso8601(raw) == iso)
    }

    @Test("Unix seconds, with or without a fraction, are read as UTC", arguments: [
        ("1713171600", "2024-04-15T09:00:00"),
        ("1713171600.75", "2024-04-15T09:00:00"),
        ("951782400", "2000-02-29T00:00:00"),
        ("4102444799", "2099-12-31T23:59:59"),
    ])
    func unixSeconds(raw: String, iso: String) {
        #expect(ReleaseDate.iso8601(raw) == iso)
    }

    @Test("what looks like neither stays unreadable", arguments: [
        "0", "2024", "20240415", "1713171600.", "1713171600.5.1", "-1713171600", "Mon, 15 Apr 2024 09:00:00 CET",
        "Mon, 15 Apr 2024 09:00:00 +9900", "Funday, 15 Apr 2024",
    ])
    func unreadable(raw: String) {
        #expect(ReleaseDate.iso8601(raw) == nil)
    }
}
