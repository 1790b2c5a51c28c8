/// Reads the dates dumps carry and writes them as ISO 8601 `YYYY-MM-DDTHH:MM:SS`.
///
/// Accepted: `Apr 14, 2024 07:30 AM` (month names short or long, 12- or 24-hour time,
/// time optional), `2024-04-14 07:30[:SS]`, `2024-04-14T07:30:00[Z|+08:00]`,
/// `2024/04/14[ 07:30]`, `2024/4/14`, `2024-04-14`, `14 April 2024`, `2024年4月15日[ 09:00]`
/// (Chinese and Japanese; a space before the time is optional); RFC 2822, as feeds and
/// mail write it: `Mon, 15 Apr 2024 09:00:00 +0200` (a day name before any form is
/// skipped; zones `+HHMM`, `GMT`, `UT`, `UTC` and the US names `EST` ... `PDT`); and Unix
/// seconds, `1713171600` or `1713171600.5`. A time zone is converted to UTC; without one
/// the time is kept as written. Anything else is nil.
public enum ReleaseDate {
    public static func iso8601(_ raw: String) -> String? {
        let text = raw.trimmingWhitespace
        if let parts = DateParts(unixSeconds: text) { return parts.isValid ? parts.iso8601 : nil }
        var scanner = DateScanner(text)
        guard let parts = scanner.parse(), parts.isValid else { return nil }
        return parts.iso8601
    }
}

struct DateParts: Equatable {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    /// Minutes east of UTC, when the text gave a zone.
    var offsetMinutes: Int?

    var isValid: Bool {
        (1...9999).contains(year) && (1...12).contains(month) && (1...Self.days(in: month, of: year)).contains(day)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    var iso8601: String {
        var parts = self
        if let offset = offsetMinutes, offset != 0 { parts.shift(minutes: -offset) }
        func pad(_ n: Int, _ width: Int = 2) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    }

    /// Moves the time by whole minutes, carrying into days, months and years.
    mutating func shift(minutes: Int) {
        var total = hour * 60 + minute + minutes
        var dayShift = 0
        while total < 0 { total += 1440; dayShift -= 1 }
        while total >= 1440 { total -= 1440; dayShift += 1 }
        hour = total / 60
        minute = total % 60
        day += dayShift
        if day < 1 {
            month -= 1
            if month < 1 { month = 12; year -= 1 }
            day = Self.days(in: month, of: year)
        } else if day > Self.days(in: month, of: year) {
            day = 1
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
    }
}

extension DateParts {
    /// Unix seconds (UTC), written as 9 to 11 digits with an optional fraction, which is
    /// dropped: 1973 to 5138. Fewer digits are not taken for a time: `0`, which dumps
    /// write for "unknown", or a year such as `2024`.
    init?(unixSeconds text: String) {
        let whole = text.prefix { $0.isASCII && $0.isNumber }
        let rest = text[whole.endIndex...]
        guard (9...11).contains(whole.count), let seconds = Int(whole),
              rest.isEmpty || (rest.first == "." && rest.count > 1 && rest.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
        else { return nil }
        // Days since 1970-01-01 to a civil date (Howard Hinnant's days_from_civil, inverted).
        let days = seconds / 86_400, time = seconds % 86_400
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day,
                  hour: time / 3_600, minute: time % 3_600 / 60, second: time % 60, offsetMinutes: 0)
    }
}

/// A small hand-written scanner: fast, locale-free and strict about what it accepts.
struct DateScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// RFC 2822's zone names, in minutes east of UTC (the US ones; military letters are
    /// too ambiguous to trust).
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
    ]

    mutating func parse() -> DateParts? {
        var parts = DateParts()
        skipWeekday()
        if let first = number() {
            if first.digits == 4, take("年") != nil {
                // 2024年4月15日, as Chinese and Japanese dumps write dates
                guard let month = number(), take("月") != nil, let day = number(), take("日") != nil else { return nil }
                parts.year = first.value
                parts.month = month.value
                parts.day = day.value
            } else if first.digits == 4 {
                // 2024-04-14, 2024/04/14, 2024.04.14
                guard let separator = take(anyOf: "-/."), let month = number(), take(separator) != nil,
                      let day = number() else { return nil }
                parts.year = first.value
                parts.month = month.value
                parts.day = day.value
            } else {
                // 14 April 2024
                skipSpaces()
                guard let month = monthName(), let year = number(), year.digits == 4 else { return nil }
                parts.day = first.value
                parts.month = month
                parts.year = year.value
            }
        } else if let month = monthName() {
            // Apr 14, 2024
            guard let day = number() else { return nil }
            _ = take(",")
            skipSpaces()
            guard let year = number(), year.digits == 4 else { return nil }
            parts.month = month
            parts.day = day.value
            parts.year = year.value
        } else {
            return nil
        }
        guard time(into: &parts) else { return nil }
        skipSpaces()
        skipComment()
        return index == characters.count ? parts : nil
    }

    /// `Mon,` or `Monday` before a date (RFC 2822 and long English forms). Not checked
    /// against the date: the date is what counts.
    private mutating func skipWeekday() {
        let mark = index
        guard let word = word(), case let name = word.hasSuffix(".") ? String(word.dropLast()) : word,
              name.count >= 3, Self.weekdays.contains(where: { $0.hasPrefix(name) }) else {
            index = mark
            return
        }
        _ = take(",")
        skipSpaces()
    }

    /// RFC 2822 allows a comment at the end: `+0000 (UTC)`.
    private mutating func skipComment() {
        guard index < characters.count, characters[index] == "(", characters.last == ")" else { return }
        index = characters.count
    }

    /// An optional time after the date: `[T| ]HH:MM[:SS[.fff]][ AM|PM][Z|±HH[:]MM]`.
    private mutating func time(into parts: inout DateParts) -> Bool {
        let mark = index
        if take("T") == nil { skipSpaces() }
        guard index < characters.count else { return true }
        guard let hour = number(), hour.digits <= 2, take(":") != nil, let minute = number(), minute.digits == 2 else {
            index = mark
            skipSpaces()
            return index == characters.count
        }
        parts.hour = hour.value
        parts.minute = minute.value
        if take(":") != nil {
            guard let second = number(), second.digits == 2 else { return false }
            parts.second = second.value
            if take(".") != nil { guard number() != nil else { return false } }
        }
        skipSpaces()
        let beforeWord = index
        if let meridiem = word(), ["am", "pm", "a.m.", "p.m."].contains(meridiem) {
            guard (1...12).contains(parts.hour) else { return false }
            if parts.hour == 12 { parts.hour = 0 }
            if meridiem.hasPrefix("p") { parts.hour += 12 }
            skipSpaces()
        } else {
            index = beforeWord
        }
        let beforeZone = index
        if take("Z") != nil || take("z") != nil {
            parts.offsetMinutes = 0
        } else if let sign = take(anyOf: "+-") {
            guard let hours = number() else { return false }
            var offset: Int
            if hours.digits == 4 {
                offset = (hours.value / 100) * 60 + hours.value % 100
            } else {
                offset = hours.value * 60
                if take(":") != nil { guard let minutes = number() else { return false }; offset += minutes.value }
            }
            guard offset <= 14 * 60 else { return false }
            parts.offsetMinutes = sign == "-" ? -offset : offset
        } else if let zone = word(), let offset = Self.zones[zone] {
            parts.offsetMinutes = offset
        } else {
            index = beforeZone
        }
        return true
    }

    private mutating func number() -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while index < characters.count, let digit = characters[index].wholeNumberValue, characters[index].isASCII, digits < 9 {
            value = value * 10 + digit
            digits += 1
            index += 1
        }
        return digits > 0 ? (value, digits) : nil
    }

    private mutating func monthName() -> Int? {
        let mark = index
        // A month is its full name or a prefix of at least three letters (Sep, Sept.).
        guard let word = word(), case let name = word.hasSuffix(".") ? String(word.dropLast()) : word,
              name.count >= 3, let month = Self.months.firstIndex(where: { $0.hasPrefix(name) }) else {
            index = mark
            return nil
        }
        skipSpaces()
        return month + 1
    }

    /// Letters and dots, lowercased.
    private mutating func word() -> String? {
        let mark = index
        while index < characters.count, characters[index].isLetter || characters[index] == "." { index += 1 }
        guard index > mark else { return nil }
        return String(characters[mark..<index]).lowercased()
    }

    private mutating func take(_ character: Character) -> Character? {
        guard index < characters.count, characters[index] == character else { return nil }
        index += 1
        return character
    }

    private mutating func take(anyOf set: String) -> Character? {
        guard index < characters.count, set.contains(characters[index]) else { return nil }
        index += 1
        return characters[index - 1]
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
    }
}
