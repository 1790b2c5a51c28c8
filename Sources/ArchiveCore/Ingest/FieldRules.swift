/// How the fields of JSON Lines and CSV records are found beyond the names
/// `RecordField` knows: the names one dump's maker chose (`--map title=hed`), and whether
/// a record without a title takes one from its body (`--title-from-body`).
public struct FieldRules: Sendable, Equatable {
    /// The member or column that holds each mapped field, as given.
    public private(set) var mapped: [RecordField: String] = [:]
    /// Mapped names without case, for matching.
    private var fieldsByName: [String: RecordField] = [:]
    /// A record with a body but no title gets the body's first sentence as its title
    /// (`FirstSentence`), with a warning; off, it is refused, and so is a CSV file
    /// without a title column.
    public var titleFromBody = false

    public init(titleFromBody: Bool = false) {
        self.titleFromBody = titleFromBody
    }

    /// Why a mapping cannot be used, worded for the person who wrote it.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// `FIELD=NAME`, as `archive import --map` takes it.
    public mutating func map(_ assignment: String) throws(Invalid) {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw Invalid(message: "\"\(assignment)\" is not FIELD=NAME (e.g. title=headline)")
        }
        let fieldName = assignment[..<equals].trimmingWhitespace.lowercased()
        guard let field = RecordField.mappable.first(where: { $0.rawValue == fieldName }) else {
            let known = RecordField.mappable.map(\.rawValue).joined(separator: ", ")
            throw Invalid(message: "unknown field \"\(assignment[..<equals])\" in \"\(assignment)\"; the fields are \(known)")
        }
        try map(field, to: String(assignment[assignment.index(after: equals)...]))
    }

    /// Says that the member or column `name` holds `field`, instead of the names
    /// `RecordField` knows for it. One field, one name: anything else is ambiguous.
    public mutating func map(_ field: RecordField, to name: String) throws(Invalid) {
        let name = name.trimmingWhitespace
        guard !name.isEmpty else { throw Invalid(message: "no name given for \(field.rawValue) (FIELD=NAME)") }
        guard mapped[field] == nil else {
            throw Invalid(message: "\(field.rawValue) is mapped twice (to \"\(mapped[field]!)\" and \"\(name)\")")
        }
        if let other = fieldsByName[name.lowercased()] {
            throw Invalid(message: "\"\(name)\" is mapped to both \(other.rawValue) and \(field.rawValue)")
        }
        mapped[field] = name
        fieldsByName[name.lowercased()] = field
    }

    /// The field a member or column of this name fills, and its rank among the names
    /// of that field (0 is preferred; -1 a mapped name, which is the only name of its
    /// field). A mapped name fills its field and no other; nil: none.
    func field(named name: String) -> (field: RecordField, rank: Int)? {
        if !fieldsByName.isEmpty, let field = fieldsByName[name.lowercased()] { return (field, -1) }
        guard let (field, rank) = RecordField.lookup(name), mapped[field] == nil else { return nil }
        return (field, rank)
    }
}
