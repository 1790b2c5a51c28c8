import ArchiveCore
import Foundation

/// Proper names that are in no source: real news has a long tail of rare names, and
/// a corpus without one would make every word common.
enum MadeUpNames {
    static let syllables: [[UInt8]] = [
        "ka", "ro", "mi", "ta", "ne", "lu", "sa", "vi", "do", "re", "po", "li", "ba", "te", "mo", "ri",
        "za", "ke", "no", "sha", "ve", "lo", "di", "ga", "bu", "ni", "pe", "ra", "so", "ma", "fi", "ku",
        "del", "van", "tor", "mar", "len", "bri", "os", "an", "el", "ur", "ix", "ad", "or", "im", "ey", "al",
        "ber", "gan", "hol", "kin", "ley", "mon", "nor", "pen", "rid", "son", "ton", "wen", "yar", "zel", "cha", "dru",
    ].map { Array($0.utf8) }

    /// Appends a name drawn log-uniformly from about half a million, so a few are
    /// common and most are rare.
    static func append(random: inout SplitMix64, into buffer: inout [UInt8]) {
        var number = Int(Foundation.exp(random.unit() * Foundation.log(500_000.0))) - 1
        let start = buffer.count
        var parts = 0
        repeat {
            buffer.append(contentsOf: syllables[number % syllables.count])
            number /= syllables.count
            parts += 1
        } while number > 0 || parts < 2
        buffer[start] &= ~0x20
    }
}
