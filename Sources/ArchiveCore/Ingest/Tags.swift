/// The rules every tag follows, whatever the format it came from.
import Foundation

public enum Tags {
    static let edgeCharacters = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "|｜"))

    /// Trims each tag (white space and `|` or `｜` at either end), collapses inner white
    /// space, splits on ` | ` and `｜`, drops empty ones and repeats (the first kept). Tags so cleaned
    /// never contain the separator at an edge or inside, so a list joined with ` | `
    /// splits back into exactly the same tags.
    public static func clean(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for tag in tags {
            for part in HeaderLine.separated(tag) {
                let cleaned = part.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    .trimmingCharacters(in: edgeCharacters)
                if !cleaned.isEmpty, seen.insert(cleaned).inserted { result.append(cleaned) }
            }
        }
        return result
    }

    /// Reads tags written as one string, the way CSV and some JSON dumps carry them.
    public static func split(_ joined: String) -> [String] {
        clean([joined])
    }

    public static func join(_ tags: [String]) -> String {
        tags.joined(separator: HeaderLine.tagSeparator)
    }
}
