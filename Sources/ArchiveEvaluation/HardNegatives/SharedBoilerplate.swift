import SyntheticNews

/// Hard negatives of the first sort: different stories that end in the same standard
/// closing paragraph (a disclaimer, an "about us", a sign-up plea), as agency and
/// newspaper feeds append them. They share 40-60 words and nothing else.
enum SharedBoilerplate {
    static let paragraphs = [
        """
        This article was produced by the newsroom with help from our regional correspondents. It may not be \
        reproduced, broadcast, rewritten or redistributed in any form without prior written permission. For \
        licensing enquiries, corrections or complaints about this story, contact the editorial standards desk, \
        which aims to reply to every message within two working days.
        """,
        """
        About the agency: founded in 1931, the agency runs bureaus in more than 180 countries and regions and \
        publishes news in fifteen languages around the clock. Its reporters, photographers and editors supply \
        newspapers, broadcasters and websites with text, pictures and video, and subscribers can find the full \
        schedule of coverage on the client portal.
        """,
        """
        Readers who have been affected by the issues raised in this story can find support and advice through the \
        national helpline, which is free, confidential and open every day of the year. Trained volunteers answer \
        calls and messages in several languages, and a list of local support groups is available on the \
        helpline's website.
        """,
        """
        Disclaimer: the views of the people quoted in this report are their own and do not necessarily reflect \
        the position of the publisher. Figures are provisional and may be revised as new data become available. \
        Nothing in this article is financial, legal or investment advice, and readers should consult a qualified \
        adviser before acting on it.
        """,
        """
        Follow our live coverage throughout the day for the latest updates, pictures and reaction from our \
        correspondents. Sign up to the morning briefing to receive the most important stories in your inbox before \
        breakfast, and download our app to get breaking news alerts on your phone as soon as they happen.
        """,
        """
        Copyright notice: all text, photographs and graphics in this story are protected by copyright and remain \
        the property of the publisher and its licensors. Quotation of short extracts is permitted for review and \
        reporting, provided the source is credited in full. Automated collection of this material for training or \
        indexing is not permitted.
        """,
    ]

    /// Each story with `paragraph` added as its last paragraph.
    static func group(_ stories: [NewsArticle], paragraph: String) -> [NewsArticle] {
        stories.map { story in
            var copy = story
            copy.body = story.body + "\n\n" + paragraph
            return copy
        }
    }
}
