#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Test-only places where a writing command stops and waits, so that a test can kill
/// it at an exact moment or make a second command overlap with it, whatever the speed
/// of the machine (README, "Development"). Off unless the command is asked for them.
///
/// The test makes a folder with two FIFOs. At a chosen occurrence of a point the
/// process writes `POINT#N` and a newline to `arrived` (the test now knows where it
/// is), then opens `release` and reads it until the test closes its end (go on) or
/// kills the process. Two FIFOs, so an arrival is never mistaken for the end of the
/// last hold.
public struct HoldPoints: Sendable {
    public enum Point: String, Sendable, CaseIterable {
        /// Right after an import commits a transaction (articles and ledger together).
        case afterCommit = "after-commit"
        /// Inside an import's transaction, its writes made, right before it commits.
        case beforeCommit = "before-commit"
    }

    let folder: String
    let occurrences: [Point: Set<Int>]

    /// `spec` names occurrences, counted from 1 within the process, as
    /// `after-commit#3,after-commit#7`; nil when it names none.
    public init?(spec: String, folder: String) throws(HoldSpecError) {
        var occurrences: [Point: Set<Int>] = [:]
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: "#", maxSplits: 1)
            guard parts.count == 2, let point = Point(rawValue: String(parts[0])), let n = Int(parts[1]), n > 0 else {
                throw HoldSpecError(item: String(item))
            }
            occurrences[point, default: []].insert(n)
        }
        guard !occurrences.isEmpty, !folder.isEmpty else { return nil }
        self.folder = folder
        self.occurrences = occurrences
    }

    /// Counts the arrivals of one process; owned by the one thread that reaches them.
    public final class Counter {
        let holds: HoldPoints?
        private var reached: [Point: Int] = [:]

        public init(_ holds: HoldPoints?) { self.holds = holds }

        /// Stops here if this occurrence of `point` was asked for.
        func reach(_ point: Point) {
            guard let holds else { return }
            let n = reached[point, default: 0] + 1
            reached[point] = n
            if holds.occurrences[point]?.contains(n) == true { holds.wait(at: "\(point.rawValue)#\(n)") }
        }
    }

    private func wait(at occurrence: String) {
        let arrived = open(folder + "/arrived", O_WRONLY | O_CLOEXEC)
        guard arrived >= 0 else { return }
        let line = Array((occurrence + "\n").utf8)
        _ = line.withUnsafeBytes { write(arrived, $0.baseAddress, $0.count) }
        close(arrived)
        var release: Int32
        repeat { release = open(folder + "/release", O_RDONLY | O_CLOEXEC) } while release < 0 && errno == EINTR
        guard release >= 0 else { return }
        defer { close(release) }
        var byte: UInt8 = 0
        while true {
            let count = read(release, &byte, 1)
            if count == 0 || (count < 0 && errno != EINTR) { return }
        }
    }
}

public struct HoldSpecError: Error, CustomStringConvertible {
    public let item: String
    public var description: String {
        "hold point '\(item)' is not POINT#N with POINT one of \(HoldPoints.Point.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}
