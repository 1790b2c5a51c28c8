/// The shingles of a text: overlapping runs of `width` words (or, for Chinese, Japanese
/// and Korean, of `width` characters), each hashed to 64 bits. Near-duplicate detection
/// compares articles by these sets.
public struct Shingles: Equatable, Sendable {
    public enum Unit: String, Sendable {
        case words
        /// Text mostly in a script without spaces between words.
        case characters
    }

    public let unit: Unit
    /// The first shingle hashes in text order: they make the lead key.
    public let lead: [UInt64]
    /// The distinct hashes, sorted, for set comparisons.
    public let distinct: [UInt64]

    public static let width = 5

    /// Shingles the comparison form of `text` (see `TextNormalizer`).
    public init(text: String, width: Int = Shingles.width) {
        self.init(normalized: TextNormalizer.normalize(text), width: width)
    }

    /// Shingles text already in comparison form.
    public init(normalized: String, width: Int = Shingles.width) {
        let tokens: [UInt64]
        if Self.isMostlyCJK(normalized) {
            unit = .characters
            tokens = normalized.unicodeScalars
                .filter { $0.value < 0x80 ? ($0.value | 0x20 >= 0x61 && $0.value | 0x20 <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
                                          : Self.isCommonCJKLetter($0.value) || $0.properties.isAlphabetic || $0.properties.numericType != nil }
                .map { StableHash.mix(UInt64($0.value)) }
        } else {
            unit = .words
            tokens = Self.words(normalized).map(StableHash.fnv1a)
        }
        var ordered: [UInt64] = []
        if tokens.count <= width {
            if !tokens.isEmpty { ordered.append(StableHash.combine(tokens)) }
        } else {
            ordered.reserveCapacity(tokens.count - width + 1)
            for start in 0...(tokens.count - width) {
                ordered.append(StableHash.combine(tokens[start..<(start + width)]))
            }
        }
        self.lead = Array(ordered.prefix(CandidateKeys.leadShingles))
        // Sort, then drop repeats: cheaper than hashing every shingle into a Set.
        ordered.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(ordered.count)
        for value in ordered where distinct.last != value { distinct.append(value) }
        self.distinct = distinct
    }

    public var count: Int { distinct.count }

    /// Words: runs of letters, digits and inner apostrophes; other punctuation separates.
    static func words(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var words: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        func isWordByte(_ byte: UInt8) -> Bool {
            // ASCII letters and digits, and every byte of a multi-byte scalar (letters in
            // other scripts); ASCII punctuation and spaces separate words.
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
        }
        while index < bytes.count {
            if isWordByte(bytes[index]) {
                if start == nil { start = index }
            } else if let first = start {
                words.append(bytes[first..<index])
                start = nil
            }
            index += 1
        }
        if let first = start { words.append(bytes[first..<bytes.count]) }
        return words
    }

    /// True when at least a fifth of the letters are Han, kana or Hangul. ASCII is
    /// judged byte by byte; only other characters need Unicode's tables.
    static func isMostlyCJK(_ text: String) -> Bool {
        var letters = 0
        var cjk = 0
        var sawNonASCII = false
        for byte in text.utf8 {
            if byte < 0x80 {
                if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { letters += 1 }
            } else {
                sawNonASCII = true
            }
        }
        guard sawNonASCII else { return false }
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if isCommonCJKLetter(scalar.value) {
                letters += 1
                cjk += 1
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if CJKText.isIdeographic(scalar.value) { cjk += 1 }
            }
        }
        return letters > 0 && cjk * 5 >= letters
    }

    /// Kana, the CJK ideographs and the Hangul syllables: letters of a script without
    /// spaces, known without Unicode's tables (whose lookups were most of the cost of
    /// shingling such text). A test checks each against the tables.
    static func isCommonCJKLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
            return true
        default:
            return false
        }
    }

    // MARK: Comparisons

    /// Shingles in both sets.
    public func intersectionCount(_ other: Shingles) -> Int {
        var i = 0, j = 0, shared = 0
        let a = distinct, b = other.distinct
        while i < a.count && j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 }
            else if a[i] < b[j] { i += 1 }
            else { j += 1 }
        }
        return shared
    }

    public func jaccard(_ other: Shingles) -> Double {
        let shared = intersectionCount(other)
        let union = count + other.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
