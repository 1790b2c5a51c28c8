import ArchiveCore

/// The forms the generated dumps write a release time in, and reading one back.
extension ReleaseTime {
    /// Any date the archive reads (`ReleaseDate`), to the minute; nil where it reads none.
    /// A time zone is converted to UTC, as an import does.
    public init?(_ text: String) {
        guard let iso = ReleaseDate.iso8601(text) else { return nil }
        // `YYYY-MM-DDTHH:MM:SS`, fixed places.
        let digits = Array(iso.utf8)
        func number(_ range: Range<Int>) -> Int {
            digits[range].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10),
                  hour: number(11..<13), minute: number(14..<16))
    }

    /// `2024-04-14 07:30`: the form JSON Lines dumps and the labeled sets write.
    public var text: String {
        let (year, month, day) = civil
        return "\(Self.padded(year, 4))-\(Self.padded(month))-\(Self.padded(day)) \(Self.padded(minute / 60)):\(Self.padded(minute % 60))"
    }

    /// `2024-04-14T07:30:00`: the form the archive stores.
    public var iso8601: String {
        let (year, month, day) = civil
        return "\(Self.padded(year, 4))-\(Self.padded(month))-\(Self.padded(day))T\(Self.padded(minute / 60)):\(Self.padded(minute % 60)):00"
    }

    /// `Apr 14, 2024 07:30 AM`: the form of a text dump's `Release time:` line.
    public var releaseLine: String {
        let (year, month, day) = civil
        let hour = minute / 60
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(Self.monthNames[month - 1].prefix(3)) \(day), \(Self.padded(year, 4)) "
            + "\(Self.padded(twelve)):\(Self.padded(minute % 60)) \(hour < 12 ? "AM" : "PM")"
    }

    private static func padded(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
