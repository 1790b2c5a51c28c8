/// A release time on the proleptic Gregorian calendar, to the minute, without time
/// zones: what the generators need to date stories and move copies by days or hours,
/// with no dependence on the machine's calendar or locale. The one calendar of the
/// evaluation and the benchmark; reading dates back is left to the archive's own reader
/// (`init?(_:)`), so that what is generated is dated as an import will date it.
public struct ReleaseTime: Hashable, Sendable {
    /// Days since 1970-01-01.
    public var day: Int
    /// 0..<1440.
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.day = Self.days(year: year, month: month, day: day)
        self.minute = hour * 60 + minute
    }

    public func adding(days: Int = 0, minutes: Int = 0) -> ReleaseTime {
        var copy = self
        let total = copy.minute + minutes
        copy.day += days + Int((Double(total) / 1440).rounded(.down))
        copy.minute = ((total % 1440) + 1440) % 1440
        return copy
    }

    public var civil: (year: Int, month: Int, day: Int) { Self.civil(day) }

    /// 0 is Sunday.
    public var weekday: Int { ((day % 7) + 11) % 7 }

    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]

    // Howard Hinnant's days_from_civil and civil_from_days.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
