/// The keys under which an article is filed for near-duplicate lookup: one per LSH band
/// of its MinHash signature, plus one for its lead (its first shingles), which finds
/// copies cut short that share too few bands.
public struct CandidateKeys: Equatable, Sendable {
    public let bands: [Int64]
    public let lead: Int64?

    public static let bandCount = 16
    public static let rowsPerBand = 8
    /// How many shingles from the start of the body the lead key covers: 8 word
    /// shingles, 12 words; 32 character shingles, 36 characters, for Chinese, Japanese
    /// and Korean text. Eight of those covered 12 characters, and news in these
    /// languages opens the same way for longer than that (`新华社北京4月15日电`, `据国家
    /// 统计局公布的数据，`): every article opening alike was a candidate of every other,
    /// read back and compared in full on the writing thread (2,330 of 30,000 articles
    /// of the CJK benchmark had candidates, 220 without the lead key at all).
    public static func leadShingles(for unit: Shingles.Unit) -> Int {
        switch unit {
        case .words: return 8
        case .characters: return 32
        }
    }

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
        if shingles.lead.count >= Self.leadShingles(for: shingles.unit) {
            lead = Int64(bitPattern: StableHash.combine(shingles.lead, seed: 0x1EAD))
        } else {
            lead = nil
        }
    }

    public var all: [Int64] { bands + (lead.map { [$0] } ?? []) }
}
