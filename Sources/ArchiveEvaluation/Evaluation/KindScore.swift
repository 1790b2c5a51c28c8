import SyntheticNews

/// How the archive did on one kind of copy.
public struct KindScore: Equatable, Sendable {
    public var kind: CopyKind
    /// Copies of this kind: each is one (original, copy) pair.
    public var pairs: Int
    /// Copies the archive put in their original's story.
    public var found: Int
    /// Predicted pairs with a copy of this kind on one side, and how many were right.
    public var predictedPartners: Int
    public var correctPartners: Int
    /// Copies read before their original, and how many of those were found: the order of
    /// arrival matters to a detector that links each new article to one story already in.
    public var readFirst = 0
    public var foundReadFirst = 0

    public var recall: Double { pairs == 0 ? 1 : Double(found) / Double(pairs) }
    /// Of the records merged with copies of this kind, the share of the same story.
    public var precision: Double { predictedPartners == 0 ? 1 : Double(correctPartners) / Double(predictedPartners) }
    public var missed: Int { pairs - found }
    public var missedReadFirst: Int { readFirst - foundReadFirst }
    /// Recall over the copies read after their original.
    public var recallOriginalFirst: Double {
        pairs == readFirst ? 1 : Double(found - foundReadFirst) / Double(pairs - readFirst)
    }
}
