/// One value as SQLite stores it.
public enum SQLValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(nilLiteral: ()) { self = .null }
}

extension Optional where Wrapped == String {
    var sqliteValue: SQLValue { map(SQLValue.text) ?? .null }
}

extension SQLValue {
    /// Article ids as one JSON array, for a statement to read through `json_each(?)`:
    /// a list of any length in one bound value.
    static func jsonIDs<IDs: Sequence<Int64>>(_ ids: IDs) -> SQLValue {
        .text("[" + ids.map(String.init).joined(separator: ",") + "]")
    }
}
