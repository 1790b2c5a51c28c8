import ArchiveCore

/// The tags of a generated article: its category, capitalised, and one to three topics,
/// as the news sites that fill the dumps tag theirs.
enum GeneratedTags {
    static let topics: [String: [String]] = [
        "business": ["Economy", "Markets", "Trade", "Banking", "Jobs", "Companies", "Oil", "Retail", "Interest Rates"],
        "entertainment": ["Film", "Music", "Television", "Theatre", "Awards", "Books", "Celebrity", "Box Office"],
        "politics": ["Elections", "Parliament", "Government", "Europe", "Immigration", "Taxation", "Policing", "Labour"],
        "sport": ["Football", "Rugby", "Tennis", "Athletics", "Cricket", "Olympics", "Boxing", "Six Nations"],
        "tech": ["Internet", "Mobile", "Gaming", "Security", "Software", "Broadband", "Gadgets", "Artificial Intelligence"],
    ]
    static let generalTopics = ["World", "UK", "Analysis", "Features", "Asia", "Africa", "Americas", "Health"]

    static func tags(category: String, random: inout SplitMix64) -> [String] {
        var tags = [category.prefix(1).uppercased() + category.dropFirst()]
        let pool = (topics[category] ?? []) + generalTopics
        let wanted = 1 + random.below(3)
        while tags.count <= wanted {
            let topic = pool[random.below(pool.count)]
            if !tags.contains(topic) { tags.append(topic) }
        }
        return tags
    }
}
