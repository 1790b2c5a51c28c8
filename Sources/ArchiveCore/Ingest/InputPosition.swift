/// A place in a dump: byte offset from the start of the file and 1-based line number.
public struct InputPosition: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var offset: Int64
    public var line: Int

    public init(offset: Int64, line: Int) {
        self.offset = offset
        self.line = line
    }

    public static let start = InputPosition(offset: 0, line: 1)

    public static func < (lhs: InputPosition, rhs: InputPosition) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "line \(line), byte \(offset)" }
}
