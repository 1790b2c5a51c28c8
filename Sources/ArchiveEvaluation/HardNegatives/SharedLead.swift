import SyntheticNews

/// Hard negatives of the second sort: different stories opening with the same lead
/// sentence (a briefing's stock opening, an editor's note, a roundup's first line).
/// Their first words, which a cut-short copy also keeps, are the same; the rest is not.
enum SharedLead {
    static let sentences = [
        "The State Council Information Office held a press conference in the capital this morning to brief journalists on the latest official figures and policies.",
        "Here is a summary of the main stories from around the region this morning, compiled by our overnight news team from wire reports and local sources.",
        "The following report is based on information released by officials at a briefing for journalists earlier today, and some details could not be independently verified.",
        "Editor's note: this story has been updated with new information as it became available throughout the day, including comments from officials and people affected.",
        "Authorities announced the measures at a crowded news conference in the capital in the afternoon, as pressure grew for a clear response from the government.",
        "As the week draws to a close, our correspondents look back at the events that shaped the news and at what may come next for the people involved.",
    ]

    /// Each story with `sentence` put before its first paragraph's first sentence.
    static func group(_ stories: [NewsArticle], sentence: String) -> [NewsArticle] {
        stories.map { story in
            var copy = story
            copy.body = sentence + " " + story.body
            return copy
        }
    }
}
