/// Pair precision and recall: every two records of one story are a true pair; every two
/// records the archive put in one story are a predicted pair.
public struct PairScore: Equatable, Sendable {
    public var truePairs: Int
    public var predictedPairs: Int
    /// Predicted pairs that are true pairs.
    public var correctPairs: Int

    public init(truePairs: Int, predictedPairs: Int, correctPairs: Int) {
        self.truePairs = truePairs
        self.predictedPairs = predictedPairs
        self.correctPairs = correctPairs
    }

    /// 1 when nothing was predicted: no merge was wrong.
    public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
    public var recall: Double { truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs) }
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Pairs among `n` things.
    static func pairs(_ n: Int) -> Int { n * (n - 1) / 2 }
}
