/// One field of news for the built-in writer: what its stories are about, who speaks in
/// them, the facts they report (clause patterns with slots) and how they are headlined.
struct NewsTopic: Sendable {
    let tag: String
    /// Noun phrases a story of this topic is about.
    let subjects: [String]
    /// Clauses stating a fact; no capital, no full stop.
    let facts: [String]
    /// What the officials in such a story are building, changing or proposing.
    let projects: [String]
    /// Bodies that speak; `{place}` makes them local.
    let organisations: [String]
    let roles: [String]
    /// The people affected.
    let groups: [String]
    let headlines: [String]
    /// First sentences of the first paragraph.
    let leads: [String]
}
