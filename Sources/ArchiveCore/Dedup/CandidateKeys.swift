/// The keys under which an article is filed for near-duplicate lookup: one per LSH band
/// of its MinHash signature, plus one for its lead (its first shingles), which finds
/// copies cut short that share too few bands.
public struct CandidateKeys: Equatable, Sendable {
    public let bands: [Int64]
    public let lead: Int64?

    public static let bandCount = 16
    public static let rowsPerBand = 8
    /// The lead key covers this many shingles from the start of the body.
    public static let leadShingles = 8

    public init(_ shingles: Shingles) {
        self.init(signature: MinHash(shingles), shingles: shingles)
    }

    public init(signature: MinHash, shingles: Shingles) {
        precondition(signature.values.count == Self.bandCount * Self.rowsPerBand)
        bands = (0..<Self.bandCount).map { band in
            let rows = signature.values[(band * Self.rowsPerBand)..<((band + 1) * Self.rowsPerBand)]
            return Int64(bitPattern: StableHash.combine(rows.map(UInt64.init), seed: UInt64(band)))
        }
        // A lead needs enough shingles to say something: a whole short text would make
        // every short notice a candidate of every other.
        if shingles.lead.count >= Self.leadShingles {
            lead = Int64(bitPattern: StableHash.combine(shingles.lead, seed: 0x1EAD))
        } else {
            lead = nil
        }
    }

    public var all: [Int64] { bands + (lead.map { [$0] } ?? []) }
}
