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
/// At a chosen occurrence of a point, the process opens a FIFO for reading, which waits
/// until the test opens its other end (the test now knows where the process is), then
/// reads until the test closes it (go on) or kills the process.
public struct HoldPoints: Sendable {
    public enum Point: String, Sendable, CaseIterable {
        /// Right after an import commits a transaction (articles and ledger together).
        case afterCommit = "after-commit"
    }

    let fifo: String
    let occurrences: [Point: Set<Int>]

    /// `spec` names occurrences, counted from 1 within the process, as
    /// `after-commit#3,after-commit#7`; nil when it names none.
    public init?(spec: String, fifo: String) throws(HoldSpecError) {
        var occurrences: [Point: Set<Int>] = [:]
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: "#", maxSplits: 1)
            guard parts.count == 2, let point = Point(rawValue: String(parts[0])), let n = Int(parts[1]), n > 0 else {
                throw HoldSpecError(item: String(item))
            }
            occurrences[point, default: []].insert(n)
        }
        guard !occurrences.isEmpty, !fifo.isEmpty else { return nil }
        self.fifo = fifo
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
            if holds.occurrences[point]?.contains(n) == true { holds.wait() }
        }
    }

    private func wait() {
        var descriptor: Int32
        repeat { descriptor = open(fifo, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var byte: UInt8 = 0
        while true {
            let count = read(descriptor, &byte, 1)
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
