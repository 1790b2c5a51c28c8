/// The verdicts of `archive check`, one per integrity check.
public struct CheckReport: Equatable, Sendable, Encodable {
    public var checks: [Finding]

    public var isOK: Bool { checks.allSatisfy(\.isOK) }

    public struct Finding: Equatable, Sendable, Encodable {
        public let name: String
        /// nil when the check passed.
        public let problem: String?
        /// What fixes it, when something does.
        public let remedy: String?

        public var isOK: Bool { problem == nil }

        enum CodingKeys: String, CodingKey { case name, ok, problem, remedy }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(isOK, forKey: .ok)
            try c.encode(problem, forKey: .problem)
            try c.encode(remedy, forKey: .remedy)
        }
    }

    enum CodingKeys: String, CodingKey { case ok, checks }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(isOK, forKey: .ok)
        try c.encode(checks, forKey: .checks)
    }
}
