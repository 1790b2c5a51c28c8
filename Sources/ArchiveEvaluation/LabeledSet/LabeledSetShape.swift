/// How big a labeled set is and how it is mixed: how many originals, how many of them
/// are repeated and in how many ways, how many hard negatives of each sort, and how
/// much goes into the second dump file.
public struct LabeledSetShape: Equatable, Sendable {
    public var originals: Int
    /// The share of originals that get no copy at all, as most stories in a dump.
    public var storiesWithoutCopies: Double
    /// For each other original, the chance of each kind of copy.
    public var copyChance: Double
    public var boilerplateGroups: Int
    public var leadGroups: Int
    /// Stories per boilerplate or lead group.
    public var groupSize: ClosedRange<Int>
    /// Daily market reports: consecutive trading days of one template.
    public var marketDays: Int
    /// The share of copies written to the second dump file instead of the first.
    public var secondFileShare: Double

    public init(originals: Int, storiesWithoutCopies: Double, copyChance: Double, boilerplateGroups: Int,
                leadGroups: Int, groupSize: ClosedRange<Int>, marketDays: Int, secondFileShare: Double) {
        self.originals = originals
        self.storiesWithoutCopies = storiesWithoutCopies
        self.copyChance = copyChance
        self.boilerplateGroups = boilerplateGroups
        self.leadGroups = leadGroups
        self.groupSize = groupSize
        self.marketDays = marketDays
        self.secondFileShare = secondFileShare
    }

    /// The evaluation's set: a fifth of the stories alone, the rest with about four
    /// copies each (3 in 10 of the 15 kinds), 30 days of market reports.
    public static func standard(originals: Int) -> LabeledSetShape {
        LabeledSetShape(originals: originals, storiesWithoutCopies: 0.2, copyChance: 0.3, boilerplateGroups: 30,
                        leadGroups: 20, groupSize: 3...5, marketDays: 30, secondFileShare: 0.25)
    }

    /// The test suite's set: a few hundred records, every story with about eight copies
    /// so that each kind has some 25 pairs.
    public static let small = LabeledSetShape(
        originals: 48, storiesWithoutCopies: 0, copyChance: 0.55, boilerplateGroups: 4, leadGroups: 4,
        groupSize: 3...4, marketDays: 30, secondFileShare: 0.25)

    /// Stories the hard negatives are built from, beyond the originals: the largest
    /// groups are provided for, so the count does not depend on the draw.
    public var negativeBases: Int { (boilerplateGroups + leadGroups) * groupSize.upperBound }

    /// All the source stories the set needs.
    public var sourceStories: Int { originals + negativeBases }
}
