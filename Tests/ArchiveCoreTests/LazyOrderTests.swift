import Testing
@testable import ArchiveCore

@Suite("LazyOrder")
struct LazyOrderTests {
    /// Scores with many ties, as a ranking window has, broken by id as the search does.
    static func matches(count: Int, seed: UInt64) -> [(id: Int64, score: Double)] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in (Int64(index), Double(random.next() % 7) - 3.5) }.shuffled(using: &random)
    }

    static func byRank(_ a: (id: Int64, score: Double), _ b: (id: Int64, score: Double)) -> Bool {
        a.score != b.score ? a.score < b.score : a.id < b.id
    }

    @Test("taken to the end, the elements come in the order sort(by:) gives", arguments: [0, 1, 2, 3, 10, 257, 10_000])
    func wholeOrder(count: Int) {
        let matches = Self.matches(count: count, seed: UInt64(count))
        var order = LazyOrder(matches, by: Self.byRank)
        var taken: [(id: Int64, score: Double)] = []
        while let next = order.next() { taken.append(next) }
        let sorted = matches.sorted(by: Self.byRank)
        #expect(taken.map(\.id) == sorted.map(\.id))
        #expect(order.next() == nil)
    }

    @Test("the first few taken are the least few")
    func firstFew() {
        let matches = Self.matches(count: 5_000, seed: 11)
        var order = LazyOrder(matches, by: Self.byRank)
        let first = (0..<25).compactMap { _ in order.next() }
        #expect(first.map(\.id) == matches.sorted(by: Self.byRank).prefix(25).map(\.id))
    }
}
