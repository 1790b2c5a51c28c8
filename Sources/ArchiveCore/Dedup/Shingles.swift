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
        let scan = Self.scan(normalized)
        if scan.mostlyCJK {
            unit = .characters
            tokens = Self.characterHashes(normalized)
        } else {
            unit = .words
            tokens = scan.wordHashes
        }
        let ordered = Self.windows(tokens, width: width)
        self.lead = Array(ordered.prefix(CandidateKeys.leadShingles(for: unit)))
        self.distinct = Self.sortedDistinct(ordered)
    }

    public var count: Int { distinct.count }

    /// One pass over the text's bytes for two things. `wordHashes`: the FNV-1a hash of
    /// each word, in text order; words are runs of ASCII letters and digits and of
    /// multi-byte scalars (letters in other scripts), and ASCII punctuation and spaces
    /// separate them. `mostlyCJK`: at least a fifth of the letters are Han, kana or
    /// Hangul; only non-ASCII scalars are decoded to tell. Walking the text as scalars,
    /// and making each word a slice before hashing it, were a third of shingling.
    static func scan(_ text: String) -> (mostlyCJK: Bool, wordHashes: [UInt64]) {
        var text = text
        return text.withUTF8 { bytes in
            var letters = 0, cjk = 0
            // At most one word per two bytes (and one slot to spare, written and not
            // counted), so the hashes are written without checks.
            let hashes = [UInt64](unsafeUninitializedCapacity: bytes.count / 2 + 2) { hashes, count in
                // The hash of the word under way; the basis between words.
                var hash = StableHash.fnv1aBasis
                var inWord = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        // ASCII, nearly every byte of most texts, without a branch: word
                        // boundaries come every few bytes and cannot be predicted.
                        let isLetter = (byte | 0x20) &- 0x61 < 26
                        let isWordByte = isLetter || byte &- 0x30 < 10
                        letters &+= isLetter ? 1 : 0
                        hashes[count] = hash
                        count &+= inWord && !isWordByte ? 1 : 0
                        let stepped = StableHash.fnv1aStep(hash, byte)
                        hash = isWordByte ? stepped : StableHash.fnv1aBasis
                        inWord = isWordByte
                        index &+= 1
                        continue
                    }
                    // A String's bytes are valid UTF-8.
                    let (scalar, length) = TextNormalizer.decodeScalar(bytes, at: index)
                    if isCommonCJKLetter(scalar.value) {
                        letters += 1
                        cjk += 1
                    } else if !TextNormalizer.isCommonPunctuation(scalar.value) && scalar.properties.isAlphabetic {
                        letters += 1
                        if CJKText.isIdeographic(scalar.value) { cjk += 1 }
                    }
                    for offset in index..<(index + length) { hash = StableHash.fnv1aStep(hash, bytes[offset]) }
                    inWord = true
                    index += length
                }
                if inWord {
                    hashes[count] = hash
                    count += 1
                }
            }
            return (letters > 0 && cjk * 5 >= letters, hashes)
        }
    }

    /// The tokens of text mostly in CJK: each letter and digit, hashed, in text order.
    /// One pass over the bytes: ASCII, the common CJK letters and the common
    /// punctuation (`TextNormalizer.isCommonPunctuation`) are told apart without
    /// Unicode's tables, which only the other scalars are looked up in. (Filtering the
    /// string's scalars by their properties was a sixth of a CJK import's reading
    /// threads.)
    static func characterHashes(_ text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { bytes in
            [UInt64](unsafeUninitializedCapacity: bytes.count) { hashes, count in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                            hashes[count] = StableHash.mix(UInt64(byte))
                            count += 1
                        }
                        index += 1
                        continue
                    }
                    let (scalar, length) = TextNormalizer.decodeScalar(bytes, at: index)
                    let value = scalar.value
                    if isCommonCJKLetter(value)
                        || (!TextNormalizer.isCommonPunctuation(value) && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil)) {
                        hashes[count] = StableHash.mix(UInt64(value))
                        count += 1
                    }
                    index += length
                }
            }
        }
    }

    /// The hash of every run of `width` tokens, in text order (`StableHash.combine` of
    /// the run); a text of at most `width` tokens is one shingle, an empty one none.
    static func windows(_ tokens: [UInt64], width: Int) -> [UInt64] {
        if tokens.count <= width { return tokens.isEmpty ? [] : [StableHash.combine(tokens)] }
        let start = StableHash.mix(0)  // combine's seed, mixed once for every window
        return tokens.withUnsafeBufferPointer { tokens in
            [UInt64](unsafeUninitializedCapacity: tokens.count - width + 1) { out, made in
                for first in 0...(tokens.count - width) {
                    var hash = start
                    for offset in first..<(first + width) { hash = StableHash.mix(hash ^ tokens[offset]) }
                    out[first] = hash
                }
                made = tokens.count - width + 1
            }
        }
    }

    /// The values sorted, each once. Shingle hashes are spread evenly over 64 bits, so
    /// they are dealt into about one bucket per value by their top bits and the nearly
    /// sorted result finished by insertion: linear time, where the standard library's
    /// sort was a fifth of shingling. Should the values crowd into a few buckets (they
    /// never do from a good hash), the standard sort is used instead.
    static func sortedDistinct(_ values: [UInt64]) -> [UInt64] {
        guard values.count >= 32 else { return dropRepeats(values.sorted()) }
        let bits = UInt64.bitWidth - (values.count - 1).leadingZeroBitCount
        let shift = UInt64(UInt64.bitWidth - bits)
        var starts = [Int](repeating: 0, count: (1 << bits) + 1)
        var crowded = false
        for value in values {
            let bucket = Int(truncatingIfNeeded: value >> shift)
            starts[bucket + 1] += 1
            if starts[bucket + 1] > 64 { crowded = true }
        }
        if crowded { return dropRepeats(values.sorted()) }
        for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
        var sorted = [UInt64](repeating: 0, count: values.count)
        for value in values {
            let bucket = Int(truncatingIfNeeded: value >> shift)
            sorted[starts[bucket]] = value
            starts[bucket] += 1
        }
        // Every value is at most a bucket away from its place.
        sorted.withUnsafeMutableBufferPointer { sorted in
            for index in 1..<sorted.count {
                let value = sorted[index]
                var place = index
                while place > 0 && sorted[place - 1] > value {
                    sorted[place] = sorted[place - 1]
                    place -= 1
                }
                sorted[place] = value
            }
        }
        return dropRepeats(sorted)
    }

    private static func dropRepeats(_ sorted: consuming [UInt64]) -> [UInt64] {
        var distinct = sorted
        var kept = 0
        for index in distinct.indices where kept == 0 || distinct[kept - 1] != distinct[index] {
            distinct[kept] = distinct[index]
            kept += 1
        }
        distinct.removeLast(distinct.count - kept)
        return distinct
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
