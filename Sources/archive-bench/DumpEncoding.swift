/// Writes generated articles in the dump formats of the README, and as the rows the
/// reference tools load.
enum DumpEncoding {
    /// The text format: header (title, then tags glued after its full stop), its repeat,
    /// a blank line, `Release time:`, a blank line, paragraphs, and a blank line.
    static func appendText(_ article: GeneratedArticle, to out: inout [UInt8]) {
        var header = article.title
        for (index, tag) in article.tags.enumerated() {
            header.append(contentsOf: index == 0 ? Array(" ".utf8) : Array(" | ".utf8))
            header.append(contentsOf: Array(tag.utf8))
        }
        out.append(contentsOf: header)
        out.append(0x0A)
        out.append(contentsOf: header)
        out.append(contentsOf: Array("\n\nRelease time:".utf8))
        appendReleaseTime(article.minutes, to: &out)
        out.append(contentsOf: Array("\n\n".utf8))
        out.append(contentsOf: article.body)
        out.append(contentsOf: Array("\n\n".utf8))
    }

    /// One JSON Lines record. `isoDates`: `2024-04-14T07:30:00` as the archive stores it,
    /// else `2024-04-14 07:30` as dumps write it.
    static func appendJSON(_ article: GeneratedArticle, isoDates: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: Array("{\"title\":\"".utf8))
        appendJSONEscaped(article.title, to: &out)
        out.append(contentsOf: Array("\",\"body\":\"".utf8))
        appendJSONEscaped(article.body, to: &out)
        out.append(contentsOf: Array("\",\"tags\":".utf8))
        appendTagArray(article.tags, to: &out)
        out.append(contentsOf: Array(",\"published\":\"".utf8))
        appendDate(article.minutes, iso: isoDates, to: &out)
        out.append(contentsOf: Array("\"}\n".utf8))
    }

    /// One CSV row `id,title,body,tags,published`, tags as the JSON array the archive stores.
    static func appendCSV(_ article: GeneratedArticle, id: Int, to out: inout [UInt8]) {
        out.append(contentsOf: Array(String(id).utf8))
        out.append(contentsOf: Array(",\"".utf8))
        appendCSVEscaped(article.title, to: &out)
        out.append(contentsOf: Array("\",\"".utf8))
        appendCSVEscaped(article.body, to: &out)
        out.append(contentsOf: Array("\",\"".utf8))
        var tags: [UInt8] = []
        appendTagArray(article.tags, to: &tags)
        appendCSVEscaped(tags, to: &out)
        out.append(contentsOf: Array("\",".utf8))
        appendDate(article.minutes, iso: true, to: &out)
        out.append(contentsOf: Array("\r\n".utf8))
    }

    static let csvHeader = Array("id,title,body,tags,published\r\n".utf8)

    private static func appendTagArray(_ tags: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, tag) in tags.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            appendJSONEscaped(Array(tag.utf8), to: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(UInt8(ascii: "]"))
    }

    static func appendJSONEscaped(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            var run = 0
            for index in 0..<source.count {
                let byte = source[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
                if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<index])) }
                run = index + 1
                switch byte {
                case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(0x5C); out.append(byte)
                default:
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0xF)])
                }
            }
            if source.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...])) }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Doubles quotes; the caller writes the quotes around the field.
    static func appendCSVEscaped(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { source in
            var run = 0
            for index in 0..<source.count where source[index] == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...index]))
                run = index
            }
            if source.count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...])) }
        }
    }

    // MARK: dates

    /// `2024-04-14T07:30:00` or `2024-04-14 07:30`.
    static func appendDate(_ minutes: Int, iso: Bool, to out: inout [UInt8]) {
        let (year, month, day) = civil(daysSince2021: minutes / 1440)
        appendNumber(year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendNumber(month, width: 2, to: &out)
        out.append(UInt8(ascii: "-"))
        appendNumber(day, width: 2, to: &out)
        out.append(iso ? UInt8(ascii: "T") : 0x20)
        appendNumber(minutes % 1440 / 60, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendNumber(minutes % 60, width: 2, to: &out)
        if iso { out.append(contentsOf: Array(":00".utf8)) }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }

    /// `Apr 4, 2024 07:30 AM`.
    static func appendReleaseTime(_ minutes: Int, to out: inout [UInt8]) {
        let (year, month, day) = civil(daysSince2021: minutes / 1440)
        out.append(contentsOf: monthNames[month - 1])
        out.append(0x20)
        appendNumber(day, width: 1, to: &out)
        out.append(contentsOf: Array(", ".utf8))
        appendNumber(year, width: 4, to: &out)
        out.append(0x20)
        let hour = minutes % 1440 / 60
        appendNumber(hour % 12 == 0 ? 12 : hour % 12, width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendNumber(minutes % 60, width: 2, to: &out)
        out.append(contentsOf: Array((hour < 12 ? " AM" : " PM").utf8))
    }

    private static func appendNumber(_ value: Int, width: Int, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while digits.count < width { digits.append(UInt8(ascii: "0")) }
        out.append(contentsOf: digits.reversed())
    }

    /// Year, month, day of a day counted from 2021-01-01 (the proleptic Gregorian calendar).
    static func civil(daysSince2021: Int) -> (Int, Int, Int) {
        // Days from 0000-03-01, as in the usual days-to-civil algorithm.
        let z = daysSince2021 + 18_628 + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
