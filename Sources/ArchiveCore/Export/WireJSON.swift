/// The one JSON encoding of the archive's view types, shared by every front end (the
/// CLI's `--format json`, a web layer). Keys come out in the order a type encodes them
/// (Foundation's JSONEncoder on Linux does not keep it); a missing value is `null`, never
/// a missing key (so a synthesized `Encodable` writes every key the README lists);
/// strings and numbers are written by `JSONText`.
public enum WireJSON {
    public static func string<Value: Encodable>(_ value: Value) throws -> String {
        let root = Slot()
        try value.encode(to: WireEncoder(slot: root, codingPath: []))
        var text = ""
        root.render(into: &text)
        return text
    }

    /// An array of values, one element a line (the layout `--format json` has always had).
    public static func lines<Value: Encodable>(_ values: [Value]) throws -> String {
        "[" + (try values.map { try string($0) }).joined(separator: ",\n") + "]"
    }
}

/// A place in the tree being built; filled when its value is encoded.
private final class Slot {
    enum Node {
        case literal(String)
        case object(ObjectNode)
        case array(ArrayNode)
    }

    var node: Node = .literal("null")

    init() {}
    init(_ literal: String) { node = .literal(literal) }

    func render(into text: inout String) {
        switch node {
        case .literal(let literal):
            text += literal
        case .object(let object):
            text += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { text += "," }
                text += JSONText.string(member.key)
                text += ":"
                member.slot.render(into: &text)
            }
            text += "}"
        case .array(let array):
            text += "["
            for (index, item) in array.items.enumerated() {
                if index > 0 { text += "," }
                item.render(into: &text)
            }
            text += "]"
        }
    }

    var object: ObjectNode {
        if case .object(let object) = node { return object }
        let object = ObjectNode()
        node = .object(object)
        return object
    }

    var array: ArrayNode {
        if case .array(let array) = node { return array }
        let array = ArrayNode()
        node = .array(array)
        return array
    }
}

private final class ObjectNode {
    var members: [(key: String, slot: Slot)] = []
}

private final class ArrayNode {
    var items: [Slot] = []
}

/// The literal text of each scalar JSON value.
private enum Literal {
    static func of(_ value: Bool) -> String { value ? "true" : "false" }
    static func of(_ value: Double) -> String { JSONText.number(value) }
    static func of<Integer: BinaryInteger>(_ value: Integer) -> String { String(value) }
}

private struct WireEncoder: Encoder {
    let slot: Slot
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWire<Key>(object: slot.object, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        UnkeyedWire(array: slot.array, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleWire(slot: slot, codingPath: codingPath)
    }
}

private struct KeyedWire<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ObjectNode
    let codingPath: [CodingKey]

    private func add(_ literal: String, _ key: Key) { object.members.append((key.stringValue, Slot(literal))) }

    mutating func encodeNil(forKey key: Key) throws { add("null", key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(JSONText.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(Literal.of(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(Literal.of(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(Literal.of(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let slot = Slot()
        object.members.append((key.stringValue, slot))
        try value.encode(to: WireEncoder(slot: slot, codingPath: codingPath + [key]))
    }

    // Synthesized conformances call these for optionals: nil is written as null.
    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let slot = Slot()
        object.members.append((key.stringValue, slot))
        return KeyedEncodingContainer(KeyedWire<NestedKey>(object: slot.object, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let slot = Slot()
        object.members.append((key.stringValue, slot))
        return UnkeyedWire(array: slot.array, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { WireEncoder(slot: Slot(), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        let slot = Slot()
        object.members.append((key.stringValue, slot))
        return WireEncoder(slot: slot, codingPath: codingPath + [key])
    }
}

/// Writes each scalar as its JSON literal: what an unkeyed container (the next element)
/// and a single-value container (the value) do alike.
private protocol LiteralWriting {
    mutating func put(_ literal: String)
}

extension LiteralWriting {
    mutating func encodeNil() throws { put("null") }
    mutating func encode(_ value: Bool) throws { put(Literal.of(value)) }
    mutating func encode(_ value: String) throws { put(JSONText.string(value)) }
    mutating func encode(_ value: Double) throws { put(Literal.of(value)) }
    mutating func encode(_ value: Float) throws { put(Literal.of(Double(value))) }
    mutating func encode(_ value: Int) throws { put(Literal.of(value)) }
    mutating func encode(_ value: Int8) throws { put(Literal.of(value)) }
    mutating func encode(_ value: Int16) throws { put(Literal.of(value)) }
    mutating func encode(_ value: Int32) throws { put(Literal.of(value)) }
    mutating func encode(_ value: Int64) throws { put(Literal.of(value)) }
    mutating func encode(_ value: UInt) throws { put(Literal.of(value)) }
    mutating func encode(_ value: UInt8) throws { put(Literal.of(value)) }
    mutating func encode(_ value: UInt16) throws { put(Literal.of(value)) }
    mutating func encode(_ value: UInt32) throws { put(Literal.of(value)) }
    mutating func encode(_ value: UInt64) throws { put(Literal.of(value)) }
}

private struct UnkeyedWire: UnkeyedEncodingContainer, LiteralWriting {
    let array: ArrayNode
    let codingPath: [CodingKey]
    var count: Int { array.items.count }

    mutating func put(_ literal: String) { array.items.append(Slot(literal)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let slot = Slot()
        array.items.append(slot)
        try value.encode(to: WireEncoder(slot: slot, codingPath: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let slot = Slot()
        array.items.append(slot)
        return KeyedEncodingContainer(KeyedWire<NestedKey>(object: slot.object, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let slot = Slot()
        array.items.append(slot)
        return UnkeyedWire(array: slot.array, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder {
        let slot = Slot()
        array.items.append(slot)
        return WireEncoder(slot: slot, codingPath: codingPath)
    }
}

private struct SingleWire: SingleValueEncodingContainer, LiteralWriting {
    let slot: Slot
    let codingPath: [CodingKey]

    mutating func put(_ literal: String) { slot.node = .literal(literal) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: WireEncoder(slot: slot, codingPath: codingPath))
    }
}
