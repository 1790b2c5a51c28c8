/// What differs between two versions of a story, word by word: runs of words both
/// share, words only the first has, and words only the second has, in reading order.
/// Words are compared as written (case and punctuation count); white space only
/// separates them, so a paragraph break is not a difference.
public struct WordDiff: Equatable, Sendable {
    public enum Change: Equatable, Sendable {
        case same, removed, added
    }

    /// Consecutive words with the same change, joined with single spaces.
    public struct Run: Equatable, Sendable {
        public var change: Change
        public var text: String
    }

    public var runs: [Run]

    /// The longest common subsequence needs a table of (old words x new words) between
    /// the shared start and end; past `maxCells` cells the middles are shown as one
    /// removal and one addition instead, so a long article cannot take long to compare.
    public init(from old: String, to new: String, maxCells: Int = 4_000_000) {
        let a = old.split(whereSeparator: \.isWhitespace)
        let b = new.split(whereSeparator: \.isWhitespace)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])

        var changes: [(Change, Substring)] = a[..<prefix].map { (.same, $0) }
        if middleA.count * middleB.count <= maxCells {
            changes += Self.commonSubsequence(middleA, middleB)
        } else {
            changes += middleA.map { (.removed, $0) } + middleB.map { (.added, $0) }
        }
        changes += a[(a.count - suffix)...].map { (.same, $0) }

        runs = []
        for (change, word) in changes {
            if let last = runs.last, last.change == change {
                runs[runs.count - 1].text += " " + word
            } else {
                runs.append(Run(change: change, text: String(word)))
            }
        }
    }

    /// True when the two texts have the same words.
    public var isEmpty: Bool { runs.allSatisfy { $0.change == .same } }

    /// The classic dynamic programme: `length[i][j]` is the longest common subsequence
    /// of a[i...] and b[j...]; walking it from the start gives the edits in order, with
    /// removals before additions where both fit.
    private static func commonSubsequence(_ a: [Substring], _ b: [Substring]) -> [(Change, Substring)] {
        let width = b.count + 1
        var length = [UInt32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                length[i * width + j] = a[i] == b[j]
                    ? length[(i + 1) * width + j + 1] + 1
                    : max(length[(i + 1) * width + j], length[i * width + j + 1])
            }
        }
        var result: [(Change, Substring)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append((.same, a[i]))
                i += 1
                j += 1
            } else if j == b.count || (i < a.count && length[(i + 1) * width + j] >= length[i * width + j + 1]) {
                result.append((.removed, a[i]))
                i += 1
            } else {
                result.append((.added, b[j]))
                j += 1
            }
        }
        return result
    }
}
