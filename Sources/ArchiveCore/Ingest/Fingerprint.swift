import Crypto

/// The identity of an article's content: SHA-256 of its normalized title and body.
/// Dates, tags and the source do not count, so a reprint with another release time is
/// the same article.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(title: String, body: String) {
        self.init(normalizedTitle: TextNormalizer.normalize(title), normalizedBody: TextNormalizer.normalize(body))
    }

    /// From title and body already in comparison form (`TextNormalizer`).
    public init(normalizedTitle: String, normalizedBody: String) {
        var hasher = SHA256()
        hasher.update(data: Array(normalizedTitle.utf8))
        // A separator that normalized text cannot contain keeps title and body apart.
        hasher.update(data: [0x0A])
        hasher.update(data: Array(normalizedBody.utf8))
        bytes = Array(hasher.finalize())
    }

    public var description: String { bytes.map { String(format: "%02x", $0) }.joined() }
}

private func String(format: String, _ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
