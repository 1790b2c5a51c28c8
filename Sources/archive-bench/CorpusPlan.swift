import ArchiveCore
import SyntheticNews

/// Which record goes where: the base dumps (most of the articles, several files, text and
/// JSON Lines alternating, later files repeating a few articles of earlier ones) and the
/// incremental dump (3% of the base, 30% of it exact copies of base articles).
struct CorpusPlan {
    struct Record: Sendable {
        var original: Int
        var kind: RecordKind
        /// Seeds the changes of a copy; unique per record.
        var copyNumber: UInt64
    }

    struct Dump {
        var name: String
        var isText: Bool
        var records: [Record]
    }

    var base: [Dump]
    var incremental: Dump
    var baseOriginals: Int
    var expected: Expected

    struct Expected: Codable {
        var baseRecords = 0
        var baseExactCopies = 0
        var baseNearDuplicates = 0
        /// The near duplicates by kind of copy (its label).
        var baseVersions: [String: Int] = [:]
        var incrementalRecords = 0
        var incrementalExactCopies = 0
    }

    /// Shares of a later base file that repeat earlier articles.
    static let exactShare = 0.02
    static let versionShare = 0.01
    static let incrementalShare = 0.03
    static let incrementalOverlap = 0.30
    /// The near-duplicate versions planted: kinds every article can have, each one the
    /// evaluation holds the archive to a recall of 0.98 on.
    static let versionKinds: [CopyKind] = [.headlinePrefix, .wordEdits(percent: 1), .truncation(percent: 80)]

    /// `versionKinds`: the near-duplicate versions to plant (the CJK corpus leaves out
    /// word edits, which change only Latin words).
    init(baseRecords: Int, files: Int, seed: UInt64, versionKinds: [CopyKind] = Self.versionKinds) {
        var random = SplitMix64(seed: seed, "corpus-plan".seedValue)
        var expected = Expected()
        var nextOriginal = 0
        var base: [Dump] = []
        var versioned: Set<Int> = []
        for file in 0..<files {
            let count = baseRecords / files + (file < baseRecords % files ? 1 : 0)
            let earlier = nextOriginal
            var records: [Record] = []
            records.reserveCapacity(count)
            for slot in 0..<count {
                let copyNumber = UInt64(file) << 32 | UInt64(slot)
                let draw = random.unit()
                if earlier > 0 && draw < Self.exactShare {
                    records.append(Record(original: random.below(earlier), kind: .copy(.exact), copyNumber: copyNumber))
                    expected.baseExactCopies += 1
                } else if earlier > 0 && draw < Self.exactShare + Self.versionShare {
                    let kind = random.pick(versionKinds)
                    // One version per original: two cut at the same place would be exact copies.
                    var original = random.below(earlier)
                    while versioned.contains(original) { original = random.below(earlier) }
                    versioned.insert(original)
                    records.append(Record(original: original, kind: .copy(kind), copyNumber: copyNumber))
                    expected.baseNearDuplicates += 1
                    expected.baseVersions[kind.label, default: 0] += 1
                } else {
                    records.append(Record(original: nextOriginal, kind: .original, copyNumber: copyNumber))
                    nextOriginal += 1
                }
            }
            let isText = file % 2 == 0
            base.append(Dump(name: String(format2: file) + (isText ? ".txt" : ".jsonl"), isText: isText, records: records))
            expected.baseRecords += count
        }
        let baseOriginals = nextOriginal
        let incrementalCount = max(1, Int((Double(baseRecords) * Self.incrementalShare).rounded()))
        var incremental: [Record] = []
        for slot in 0..<incrementalCount {
            let copyNumber = UInt64(0xFFFF) << 32 | UInt64(slot)
            if random.chance(Self.incrementalOverlap) {
                incremental.append(Record(original: random.below(baseOriginals), kind: .copy(.exact), copyNumber: copyNumber))
                expected.incrementalExactCopies += 1
            } else {
                incremental.append(Record(original: nextOriginal, kind: .original, copyNumber: copyNumber))
                nextOriginal += 1
            }
        }
        expected.incrementalRecords = incrementalCount
        self.base = base
        self.incremental = Dump(name: "incremental.jsonl", isText: false, records: incremental)
        self.baseOriginals = baseOriginals
        self.expected = expected
    }
}

extension String {
    /// `base-07`.
    init(format2 file: Int) {
        self = "base-" + (file < 10 ? "0" : "") + String(file)
    }
}
