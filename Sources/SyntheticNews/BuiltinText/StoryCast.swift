import ArchiveCore

/// Who and what one built-in story is about: fixed for the story (its place, people,
/// organisations, subject, date), so that its sentences keep referring to the same
/// things, as a real report does; other slots are drawn afresh at each use.
struct StoryCast {
    struct Person {
        let first: String
        let last: String
        let role: String
    }

    let topic: NewsTopic
    let place: String
    let region: String
    let otherCity: String
    let people: [Person]
    let organisations: [String]
    let subject: String
    let otherSubject: String
    let project: String
    let released: ReleaseTime
    let currency: String
    let earlierYear: Int
    private(set) var rng: SplitMix64

    init(topic: NewsTopic, released: ReleaseTime, rng: SplitMix64) {
        var rng = rng
        self.topic = topic
        let places = rng.shuffled(NewsPhrasebook.places)
        place = places[0].city
        region = places[0].region
        otherCity = places[1].city
        let lastNames = rng.shuffled(NewsPhrasebook.lastNames)
        let roles = rng.shuffled(topic.roles)
        people = (0..<3).map { Person(first: rng.pick(NewsPhrasebook.firstNames), last: lastNames[$0], role: roles[$0 % roles.count]) }
        let subjects = rng.shuffled(topic.subjects)
        subject = subjects[0]
        otherSubject = subjects[1]
        let organisations = rng.shuffled(topic.organisations).prefix(2)
        let project = rng.pick(topic.projects)
        self.released = released
        currency = rng.pick(["dollars", "euros", "pounds"])
        earlierYear = released.civil.year - rng.between(2...9)
        // Organisations and projects may name the story's places, a size or a year: the
        // same all through the story ("a 120-bed hospital wing", "the 2025 marathon").
        let fixed = ["place": place, "region": region, "city2": otherCity, "n": String(rng.between(20...240)),
                     "year": String(released.civil.year + 1)]
        self.rng = rng
        let local = { (pattern: String) in PhraseTemplate.expand(pattern) { fixed[$0] ?? "" } }
        self.organisations = organisations.map(local)
        self.project = local(project)
    }

    /// The text of one slot.
    mutating func fill(_ slot: String) -> String {
        switch slot {
        case "place": return place
        case "region": return region
        case "city2": return otherCity
        case "person1", "person2", "person3": return name(slot, full: true)
        case "last1", "last2", "last3": return name(slot, full: false)
        case "role1", "role2", "role3": return people[index(slot)].role
        case "org1": return organisations[0]
        case "org2": return organisations[1]
        case "subject": return subject
        case "subject2": return otherSubject
        case "project": return project
        case "weekday": return ReleaseTime.weekdayNames[released.weekday]
        case "date": return "\(released.civil.day) \(ReleaseTime.monthNames[released.civil.month - 1])"
        case "year": return String(released.civil.year + rng.between(1...3))
        case "year0": return String(earlierYear)
        case "month": return rng.pick(ReleaseTime.monthNames)
        case "n": return String(rng.between(2...40))
        case "big": return DecimalText.thousands(rng.between(120...98_000))
        case "pct": return "\(rng.between(0...9)).\(rng.between(1...9)) percent"
        case "money": return "\(rng.between(2...900)) million \(currency)"
        case "ordinal": return rng.pick(["second", "third", "fourth", "fifth", "sixth"])
        case "movement": return rng.pick(["rise", "fall", "slip", "surge", "stall", "recover"])
        case "moved": return rng.pick(["rose", "fell", "slipped", "surged", "stalled", "recovered"])
        case "fact": return rng.pick(topic.facts)
        case "group": return rng.pick(topic.groups)
        case "quote": return rng.pick(NewsPhrasebook.quotes)
        case "adj": return rng.pick(NewsPhrasebook.adjectives)
        case "timephrase": return rng.pick(NewsPhrasebook.timePhrases)
        case "event": return rng.pick(NewsPhrasebook.events)
        case "reaction": return rng.pick(NewsPhrasebook.reactions)
        case "experience": return rng.pick(NewsPhrasebook.experiences)
        case "outcome": return rng.pick(NewsPhrasebook.outcomes)
        case "criticism": return rng.pick(NewsPhrasebook.criticisms)
        case "plan": return rng.pick(NewsPhrasebook.plans)
        case "uncertain": return rng.pick(NewsPhrasebook.uncertainties)
        case "answer": return rng.pick(NewsPhrasebook.answers)
        case "history": return rng.pick(NewsPhrasebook.histories)
        case "report": return rng.pick(NewsPhrasebook.reports)
        case "concern": return rng.pick(NewsPhrasebook.concerns)
        case "orgclause": return rng.pick(NewsPhrasebook.orgClauses)
        default: preconditionFailure("the built-in phrasebook uses an unknown slot {\(slot)}")
        }
    }

    /// `pattern` with every slot filled, its first letter a capital.
    mutating func sentence(_ pattern: String) -> String {
        // Wordings are drawn from a stream of their own: one generator cannot be lent to
        // both closures at once.
        var choices = SplitMix64(seed: rng.next())
        return PhraseTemplate.capitalized(PhraseTemplate.expand(pattern, choose: { choices.below($0) }) { fill($0) })
    }

    private func index(_ slot: String) -> Int { Int(String(slot.last!))! - 1 }

    private func name(_ slot: String, full: Bool) -> String {
        let person = people[index(slot)]
        return full ? "\(person.first) \(person.last)" : person.last
    }
}
