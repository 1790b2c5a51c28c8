/// What one language's generated news is made of: words by kind, title and sentence
/// patterns, units for numbers, tags, and how a sentence ends.
struct CJKPhrasebook: Sendable {
    /// Words by the slot name the patterns use (`place`, `noun`, `verb`, ...).
    var words: [String: [String]]
    var titles: [CJKTemplate]
    var sentences: [CJKTemplate]
    /// Units after a number (`%`, `亿元`, `億円`, `억 원`).
    var units: [String]
    /// Topic tags; each at most 8 letters, so the text format's header can glue the
    /// first one to the title after its sentence end.
    var tags: [String]
    /// How many `given` parts follow a surname in a person's name (`王` + `小明`;
    /// `佐藤` + `翔太`; `김` + `민` + `준`).
    var givenParts: ClosedRange<Int>
    /// The usual sentence end, and the occasional exclamation.
    var end: String
    var exclamation: String
    /// Latin words CJK news writes as they are (`5G`, `AI`, `GDP`).
    static let latinWords = ["5G", "AI", "GDP", "CPI", "ETF", "IT", "App", "VR", "CEO", "LED", "EV", "AR"]

    init(words: [String: String], titles: [String], sentences: [String], units: [String], tags: [String],
         givenParts: ClosedRange<Int>, end: String, exclamation: String) {
        // Each word once, in the order written.
        self.words = words.mapValues { list in
            var seen: Set<String> = []
            return list.split(whereSeparator: \.isWhitespace).map(String.init).filter { seen.insert($0).inserted }
        }
        self.givenParts = givenParts
        self.titles = titles.map(CJKTemplate.init)
        self.sentences = sentences.map(CJKTemplate.init)
        self.units = units
        self.tags = tags
        self.end = end
        self.exclamation = exclamation
    }
}
