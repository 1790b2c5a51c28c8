import ArchiveCore
import Foundation

/// What near-duplicate detection adds to an import: the same dumps imported into fresh
/// archives with and without it, alternately (so that a warm or busy machine favours
/// neither), `runs` times each; medians are compared.
public struct ImportTiming: Equatable, Sendable {
    public var withDetection: [Double]
    public var withoutDetection: [Double]

    public var medianWith: Double { Self.median(withDetection) }
    public var medianWithout: Double { Self.median(withoutDetection) }
    public var added: Double { medianWith - medianWithout }
    public var ratio: Double { medianWithout > 0 ? medianWith / medianWithout : 0 }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Imports `paths` `runs` times each way into archives made in `directory` and removed
    /// after. `inspect` is given the first archive imported with detection, while open;
    /// with `keepInspected` that one stays, as `archive.db`, for a look with `archive`.
    public static func measure(paths: [String], runs: Int, directory: String, keepInspected: Bool = false,
                               inspect: (Archive, ImportSummary) throws -> Void) throws -> ImportTiming {
        var timing = ImportTiming(withDetection: [], withoutDetection: [])
        for run in 0..<max(1, runs) {
            // Even runs start without detection, odd ones with it.
            for detect in run % 2 == 0 ? [false, true] : [true, false] {
                let kept = keepInspected && detect && timing.withDetection.isEmpty
                let name = kept ? "archive.db" : "timing-\(run)-\(detect ? "with" : "without").db"
                let path = (directory as NSString).appendingPathComponent(name)
                let (seconds, summary, archive) = try importOnce(paths: paths, into: path, nearDuplicates: detect)
                defer {
                    archive.close()
                    if !kept {
                        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                    }
                }
                if detect {
                    timing.withDetection.append(seconds)
                    if timing.withDetection.count == 1 { try inspect(archive, summary) }
                } else {
                    timing.withoutDetection.append(seconds)
                }
            }
        }
        return timing
    }

    /// The import alone is timed: making the archive (schema, migrations) is not.
    static func importOnce(paths: [String], into path: String, nearDuplicates: Bool) throws -> (Double, ImportSummary, Archive) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let archive = try Archive(path: path, mode: .write)
        let clock = ContinuousClock()
        var summary = ImportSummary()
        let elapsed = try clock.measure {
            summary = try archive.importDumps(paths, options: ImportOptions(nearDuplicates: nearDuplicates))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return (seconds, summary, archive)
    }
}
