/// Words a light edit puts in place of others: common English words of every kind, so
/// an edited copy reads like a sub-editor's change rather than noise.
enum ReplacementWords {
    static let all: [String] = """
        about above across after again against almost along already also although always among
        another around away back because before behind being below beside best better between
        beyond both brief called came certain change clear close come common could country course
        daily data deal decided despite different during early effort either else enough entire
        even event every expected fact fell few final first following force former forward found
        full further gave given going good great group grew half hand hard head held help here
        high however important including increase instead issue just keep kind known large last
        late later latest least less level likely little local long made major make many matter
        might more most move much must national near nearly need never new next night number
        often once only open other over overall own part past people period place plan point
        possible power present press public quickly rather real recent record region report rest
        result return right round said same season second seen several share short should show
        side since small some soon still strong such support sure taken term than their there
        these third those though through time today together total toward under until usual
        various very view wanted week well were whether which while whole wider within without
        work world would year young
        """.split(whereSeparator: \.isWhitespace).map(String.init)
}
