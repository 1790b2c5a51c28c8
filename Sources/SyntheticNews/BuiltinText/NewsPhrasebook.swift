/// The words the built-in news writer is made of, apart from each topic's own: people,
/// places, and the sentence patterns every kind of story uses. Fixed runs between slots
/// are kept short (rarely over four words), so that two stories share a run of five
/// words only where the same slot happened to get the same words, as real news does.
enum NewsPhrasebook {
    static let firstNames = """
        Amara Anders Aylin Bruno Camila Chen Dario Deepa Elena Emeka Farid Greta Hana Hugo Ines
        Ivan Jana Joao Kaito Karin Laila Lars Lucia Mateo Mei Miriam Nadia Niko Oskar Priya
        Rafael Rosa Samir Sofia Tariq Tomas Ulla Vera Wen Yusuf Zofia Amit Beatriz Colm Dmitri
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let lastNames = """
        Abbott Adeyemi Alvarez Andersen Baptiste Berg Brennan Castillo Chowdhury Costa Dahl
        Delgado Eriksen Fischer Fonseca Gallagher Haddad Hartmann Ibrahim Jensen Kaplan Keller
        Kowalski Larsen Lindqvist Mahler Moreau Murphy Nakamura Novak Okafor Olsen Pereira
        Petrov Quinn Rahman Reyes Romano Sato Schmidt Silva Takahashi Torres Varga Vogel
        Wallace Weber Yilmaz Zhang Zielinski Ferreira Gupta Horvath Ivanova Lindgren Mensah
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// A city and the region it is in.
    static let places: [(city: String, region: String)] = [
        ("Valencia", "eastern Spain"), ("Porto", "northern Portugal"), ("Gdansk", "northern Poland"),
        ("Mombasa", "coastal Kenya"), ("Cebu", "the central Philippines"), ("Tampere", "southern Finland"),
        ("Kaunas", "central Lithuania"), ("Busan", "southeastern South Korea"), ("Curitiba", "southern Brazil"),
        ("Leeds", "northern England"), ("Perth", "Western Australia"), ("Halifax", "Nova Scotia"),
        ("Tucson", "southern Arizona"), ("Lyon", "southeastern France"), ("Bremen", "northern Germany"),
        ("Utrecht", "the central Netherlands"), ("Graz", "southern Austria"), ("Brno", "the Czech Republic"),
        ("Cluj", "northwestern Romania"), ("Izmir", "western Turkey"), ("Durban", "eastern South Africa"),
        ("Kochi", "southern India"), ("Da Nang", "central Vietnam"), ("Sapporo", "northern Japan"),
        ("Wellington", "New Zealand"), ("Quebec City", "eastern Canada"), ("Cordoba", "central Argentina"),
        ("Arequipa", "southern Peru"), ("Tallinn", "northern Estonia"), ("Aarhus", "central Denmark"),
        ("Bergen", "western Norway"), ("Galway", "western Ireland"), ("Aberdeen", "northeast Scotland"),
        ("Bologna", "northern Italy"), ("Thessaloniki", "northern Greece"), ("Plovdiv", "southern Bulgaria"),
        ("Kumasi", "central Ghana"), ("Penang", "northern Malaysia"), ("Surabaya", "East Java"),
        ("Chiang Mai", "northern Thailand"), ("Adelaide", "South Australia"), ("Winnipeg", "Manitoba"),
    ]

    static let adjectives = [
        "sharp", "modest", "steady", "unexpected", "gradual", "sudden", "welcome", "long-awaited",
        "significant", "slight", "marked", "surprising", "costly", "temporary", "painful", "overdue",
    ]

    static let timePhrases = [
        "[early|late] on {weekday}", "on {weekday} [morning|afternoon|evening]", "overnight", "on {date}",
        "earlier [in the week|this week]", "[at the end of|during] a [briefing|meeting]", "in a [briefing|statement] to reporters",
        "after a [meeting|session] of its board",
    ]

    static let events = [
        "a review [ordered|commissioned] by {org2}", "a [similar|bitter] row in {month}", "the [local|regional] elections in {month}",
        "a {adj} [rise|jump] in [costs|prices]", "[complaints|protests] from {group}", "a [court|tribunal] ruling in {month}",
        "talks with {org2} [broke down|stalled]", "{person3} [took office|was appointed]", "the budget [vote|debate] in {month}",
        "a [report|study] by {org2}", "a {adj} [fall|drop] in demand", "[last winter's|the autumn] storms",
    ]

    static let reactions = [
        "welcomed the [news|decision] but [wanted|asked for] more detail", "reacted with [caution|scepticism]",
        "[called for|demanded] a public meeting", "raised [concerns|questions] about the timetable",
        "asked for [written guarantees|a clear answer]", "[been waiting|waited] {n} months for [an answer|a decision]",
        "[started|set up] a petition [that gathered|signed by] {big} [signatures|people]",
        "written to {org1} to [object|complain]", "[largely|broadly] backed the [decision|plan]",
        "[remained|been] divided over the [plan|proposal]",
    ]

    static let experiences = [
        "[worked|been] in the sector for {n} years", "led a similar [project|scheme] in {city2}",
        "[advised|worked with] {org2} since {year0}", "campaigned on the issue for [a decade|{n} years]",
        "[studied|analysed] the figures for {org2}", "lived in {place} [all her life|since {year0}]",
        "represented {group} since {year0}",
    ]

    static let outcomes = [
        "[open to the public|open its doors]", "be [completed|finished]", "break even", "cut [waiting|journey] times by {n} percent",
        "[create|support] [about|some] {big} jobs", "[pay for itself|cover its costs]", "reach full [capacity|strength]", "be [reviewed|audited] by {org2}",
    ]

    static let criticisms = [
        "has already cost {money} more than [planned|budgeted]", "was [pushed|rushed] through without proper consultation",
        "ignores the needs of {group}", "will take [years|a decade] to show results", "relies on [figures|data] from {year0}",
        "favours {city2} over {place}", "does little for {group} in {region}",
    ]

    static let plans = [
        "it would publish a [full|detailed] timetable in {month}", "a second phase would [follow|begin] in {year}",
        "talks with {org2} would [continue|resume] [next week|in {month}]", "more [funding|money] would be sought from {org2}",
        "{group} would be [consulted|heard] before any final decision", "a public inquiry was [not ruled out|still possible]",
    ]

    static let uncertainties = [
        "{project} would go ahead [before|in] {month}", "{org2} would [back|support] the plan",
        "{group} would be [compensated|paid back]", "the figures for {month} would be [revised|corrected]",
        "{person2} would [stay in|keep] the post", "the money would come from {org2}",
    ]

    static let answers = [
        "it was too [early|soon] to say", "the matter was for {org2} to decide", "talks were going [well|to plan]",
        "every option remained on the table", "{group} had been kept [informed|up to date]",
        "the figures [spoke for themselves|were clear]",
    ]

    static let histories = [
        "a population of [about|around|nearly] {big}", "long [depended on|relied on] {subject2}", "seen {n} similar plans [fail|collapse] since {year0}",
        "grown [quickly|steadily] over the [past|last] {n} years", "been [hit hard|badly affected] by {event}", "a reputation for {subject2}",
    ]

    static let reports = [
        "its next quarterly report", "a fuller assessment", "revised figures", "the results of a survey of {big} {group}",
        "a consultation paper", "its annual review",
    ]

    static let concerns = [
        "the cost", "the delays", "[criticism|complaints] from {group}", "the timing", "the figures for {month}",
        "claims by {org2}", "the {adj} change",
    ]

    static let orgClauses = [
        "has [tracked|followed] the issue since {year0}", "represents {big} members", "is [funded|backed] by {org1}",
        "had warned of the risk in {month}", "speaks for {group} across {region}",
    ]

    static let quotes = [
        "We have [listened to|heard from|talked to] {group} and this is what they [asked for|wanted|told us]",
        "[Nobody|No one] expected {subject} to [move|change|shift] this [quickly|fast|far]",
        "This is a {adj} step, but there is [more|a lot more|plenty more] to do in {place}",
        "We will not know the [full|whole|real] picture until {month}[| at the earliest]",
        "The people of {place} [deserve|are owed|expect] [better than this|a proper answer|more than promises]",
        "It has been a [difficult|hard|long] year for {group}, and they [need|want|deserve] [certainty|clarity|answers]",
        "[Our job now|The task now|What we must do now] is to [make sure|ensure] {project} [delivers what was promised|keeps its promises|is done properly]",
        "I would be [surprised|amazed|disappointed] if {subject} did not [improve|recover|pick up] by {month}",
        "We [warned|told] {org2} about this {n} months ago[|, and nothing happened]",
        "There is no [quick|easy] fix, but the direction is [right|the right one|clear]",
        "What matters is what happens [on the ground|in practice|day to day] in {region}",
        "If the [money|funding] is there, {project} can be [ready|running|finished] by {year}",
    ]

    /// Sentences any story may use; topic facts and the story's cast fill them.
    static let sentences = [
        "{Org1} said {timephrase} that {fact}.",
        "“{quote},” {person1}, {role1} at {org1}, [told reporters|said] in {place}.",
        "{Person2}, who has {experience}, said {group} in {place} had {reaction}.",
        "The figures were [published|released] {timephrase} by {org2}, which {orgclause}.",
        "According to {org2}, {fact}, [while|and] {fact}.",
        "{Group} in {region} have {reaction} since {month}.",
        "[Officials|Planners|Managers] [expect|hope|want] {project} to {outcome} by {year}[, at a cost of| for| on a budget of] [about|around|nearly] {money}.",
        "{Last1} said the [plan|decision] would be [looked at again|reviewed|revisited] in {month}, after {event}.",
        "[Critics|Opponents] say {project} {criticism}.",
        "{Person3}, {role3}, said: “{quote}.”",
        "In a statement, {org1} said {fact} and that {plan}.",
        "The {adj} change comes {n} months after {event}.",
        "[About|Some|Nearly] {big} {group} [took part in|answered] a survey by {org2}, and {n} percent [said|named] {subject} [mattered most|as their main worry].",
        "{Place}, which has {history}, is one of {n} areas [covered by|included in] {project}.",
        "It was not clear {timephrase} whether {uncertain}.",
        "{Org2} is [due|expected] to publish {report} in {month}.",
        "[Earlier this year|In {month}|Last month|Since {month}], {fact}.",
        "Asked about {concern}, {last2} said {answer}.",
        "{Last1} [added|noted] that {fact}.",
        "“{quote},” [said|added] {last2}.",
        "{Group} say {subject} has been a [worry|concern|problem] [since|ever since] {event}.",
        "The [debate|argument|row] over {project} has [split opinion|divided people|caused tension] in {region} for {n} months.",
        "[Local media|Newspapers] in {place} reported that {fact}.",
        "[A spokesperson|A spokesman|A spokeswoman] for {org2} [declined to comment on|would not discuss] {concern}, [saying only|adding only|and said] that {answer}.",
        "{Last3} told a meeting of {group} [on {weekday}|this week|last week] that {plan}.",
        "[Supporters|Backers] argue {project} could {outcome} sooner if {org2} agreed.",
        "By comparison, {city2} saw {subject2} change by {pct} over the same period.",
        "[Data|Figures] from {org2} show {fact}.",
    ]
}
