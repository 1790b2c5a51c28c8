/// A piece of HTML. Written as a string literal with interpolations: the literal parts
/// are the page's own markup, and every interpolated `String` (or number) is escaped,
/// so article text, tags, queries and SQL results can only ever appear as text. Only
/// another `HTML` value is inserted as it is, and the only ways to make one are
/// literals, these interpolations, `joined`, and `init(trustedMarkup:)` for markup
/// built here from escaped text.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var markup: String

    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// Markup this module made itself from escaped text (a snippet whose match marks
    /// became `<mark>` after escaping). Never for text that came from elsewhere.
    init(trustedMarkup: String) { markup = trustedMarkup }

    var description: String { markup }

    static let empty: HTML = ""

    struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped for element content and quoted attribute values alike.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        mutating func appendInterpolation(_ text: Substring) { markup += HTML.escape(String(text)) }

        mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) { markup += String(number) }

        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
    }

    static func + (left: HTML, right: HTML) -> HTML { "\(left)\(right)" }

    /// Escapes the five characters that can end text or a quoted attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}

extension Array where Element == HTML {
    func joined(separator: HTML = .empty) -> HTML {
        var result = HTML.empty
        for (index, part) in enumerated() {
            result = index == 0 ? part : result + separator + part
        }
        return result
    }
}
