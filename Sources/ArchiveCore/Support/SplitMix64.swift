/// The one source of reproducible randomness (test sets, benchmark corpora, tests):
/// SplitMix64 (Steele, Lea, Flood 2014). Written out, with our own ways to draw from it,
/// because the standard library's `Int.random(in:using:)` and `shuffle(using:)` are free
/// to change their algorithms between Swift versions, and a labeled set or a corpus must
/// be the same bytes on every toolchain. (It is also a `RandomNumberGenerator`, for tests
/// that need no such promise.)
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one part of a test set (a story, a copy of it), derived from the
    /// set's seed and the part's names, so that each part comes out the same whatever
    /// else is generated, and in whatever order.
    public init(seed: UInt64, _ parts: UInt64...) {
        var mixed = Self.mix(seed)
        for part in parts { mixed = Self.mix(mixed ^ part) }
        state = mixed
    }

    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    public mutating func next() -> UInt64 {
        state = state &+ Self.golden
        return Self.finalize(state)
    }

    /// One step of the generator from `value`: for deriving seeds.
    public static func mix(_ value: UInt64) -> UInt64 {
        StableHash.mix(value)
    }

    private static func finalize(_ value: UInt64) -> UInt64 {
        StableHash.mix(value &- golden)
    }

    /// A whole number in 0..<bound (multiply-high; the bias, under 2^-40 for our bounds,
    /// does not matter for test data).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    public mutating func between(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A number in [0, 1) with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// Fisher-Yates.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, below(index + 1))
        }
    }

    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var copy = items
        shuffle(&copy)
        return copy
    }

    /// `count` different positions out of 0..<total, ascending.
    public mutating func positions(_ count: Int, of total: Int) -> [Int] {
        precondition(count <= total)
        var all = Array(0..<total)
        // A partial Fisher-Yates: only the first `count` places are drawn.
        for index in 0..<count {
            all.swapAt(index, index + below(total - index))
        }
        return all.prefix(count).sorted()
    }
}

extension String {
    /// A stable 64-bit name for seeding (FNV-1a): `Hasher` is seeded per process.
    public var seedValue: UInt64 { StableHash.fnv1a(utf8) }
}
