/// How the values of a read-only query's rows are shown: as text in tables and CSV,
/// as JSON values in objects keyed by column name (in the statement's column order).
extension SQLValue {
    /// The value as text; nil for NULL. Blobs are shown in hex.
    public var text: String? {
        switch self {
        case .null: return nil
        case .integer(let n): return String(n)
        case .real(let x): return "\(x)"
        case .text(let s): return s
        case .blob(let bytes): return Self.hex(bytes)
        }
    }

    /// The value as a JSON literal.
    public var json: String {
        switch self {
        case .null: return "null"
        case .integer(let n): return String(n)
        case .real(let x): return x.isFinite ? "\(x)" : "null"
        case .text(let s): return JSONText.string(s)
        case .blob(let bytes): return JSONText.string(Self.hex(bytes))
        }
    }

    /// One row as a JSON object, members in column order.
    public static func jsonObject(columns: [String], values: [SQLValue]) -> String {
        "{" + zip(columns, values).map { JSONText.string($0) + ":" + $1.json }.joined(separator: ",") + "}"
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
