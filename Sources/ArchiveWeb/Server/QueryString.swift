import Foundation

/// The parameters of a URL's query (or a form body), decoded as browsers encode forms:
/// `+` is a space, `%XX` a byte of UTF-8. A name may repeat (`tag=a&tag=b`).
struct QueryString: Sendable {
    private(set) var pairs: [(name: String, value: String)]

    init(_ raw: String?) {
        pairs = (raw ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The whole number `name` holds, nil when it is absent or empty; outside `range`
    /// (or not a number) it is the request's mistake.
    func number(_ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard let text = self[name], !text.isEmpty else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("\(name) must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// The query part of a URL (without `?`), every name and value percent-encoded.
    var encoded: String {
        pairs.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Unreserved characters stay; everything else, `&`, `=`, `+`, `#` and `%` included, is escaped.
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
