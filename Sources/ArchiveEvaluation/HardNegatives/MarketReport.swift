import ArchiveCore
import SyntheticNews

/// Hard negatives of the third sort: the daily market report, written every trading day
/// to one template with that day's numbers, companies and sectors. Consecutive days share
/// every fixed phrase of the template and are still different stories.
struct MarketReport {
    private var rng: SplitMix64
    private var shanghai = 3_050.0
    private var shenzhen = 9_800.0
    private var chinext = 1_900.0
    private var turnover = 820.0
    private var day: ReleaseTime

    static let sectors = [
        "banking", "brokerage", "insurance", "liquor", "pharmaceutical", "semiconductor", "solar", "steel",
        "coal", "real estate", "automobile", "rare earth", "shipping", "tourism", "software", "power equipment",
    ]
    static let companies = [
        "Zhongtai Steel", "Hengrui Pharma", "Longji Solar", "Mingyang Wind", "Baotou Rare Earth", "Anhui Conch",
        "Haitong Securities", "Jiangsu Bank", "Sunwoda Electronic", "Luzhou Laojiao", "Cosco Shipping", "Sany Heavy",
        "Tongwei", "BYD", "Wanhua Chemical", "Ping An Insurance", "Zijin Mining", "Naura Technology", "Yili Industrial",
        "Great Wall Motor", "China Vanke", "Shenhua Energy", "Foxconn Industrial", "Huatai Securities",
    ]
    static let brokers = ["CITIC Securities", "Guotai Junan", "China Merchants Securities", "Everbright Securities", "Industrial Securities"]
    static let reasons = [
        "investors were waiting for {month} trade figures due later in the week",
        "expectations of further support for the property market lifted {sector} shares",
        "profit-taking after {n} straight days of gains weighed on the market",
        "a stronger yuan drew foreign money back into large-cap {sector} stocks",
        "weaker than expected factory data for {month} dampened risk appetite",
        "talk of new stimulus for consumption helped {sector} and {sector} names",
    ]

    init(seed: UInt64, firstDay: ReleaseTime) {
        rng = SplitMix64(seed: seed, "market-report".seedValue)
        day = firstDay
    }

    /// The report of the next trading day (weekends are skipped).
    mutating func next() -> NewsArticle {
        repeat { day = day.adding(days: 1) } while day.weekday == 0 || day.weekday == 6
        let weekday = ReleaseTime.weekdayNames[day.weekday]
        let sh = Self.move(&shanghai, rng: &rng), sz = Self.move(&shenzhen, rng: &rng), cn = Self.move(&chinext, rng: &rng)
        let previousTurnover = turnover
        turnover = max(400, turnover * (1 + (rng.unit() - 0.5) * 0.3))
        let up = sh >= 0
        let sectors = rng.shuffled(Self.sectors)
        let companies = rng.shuffled(Self.companies)
        var paragraphs = [
            "Chinese stocks closed \(up ? "higher" : "lower") on \(weekday), with the benchmark Shanghai Composite Index \(up ? "up" : "down") \(percent(sh)) percent at \(points(shanghai)) points.",
            "The Shenzhen Component Index \(sz >= 0 ? "rose" : "fell") \(percent(sz)) percent to \(points(shenzhen)), and the ChiNext Index, which tracks China's Nasdaq-style board of growth enterprises, \(cn >= 0 ? "gained" : "lost") \(percent(cn)) percent to close at \(points(chinext)).",
            "Combined turnover on the two bourses reached \(points(turnover)) billion yuan (about \(points(turnover / 7.1)) billion U.S. dollars), \(turnover >= previousTurnover ? "up" : "down") from \(points(previousTurnover)) billion yuan the previous trading day.",
            "Shares in the \(sectors[0]) and \(sectors[1]) sectors led the gains, with \(companies[0]) jumping \(percent(rng.unit() * 9 + 1)) percent and \(companies[1]) adding \(percent(rng.unit() * 5 + 0.5)) percent. \(PhraseTemplate.capitalized(sectors[2])) stocks were the biggest losers, as \(companies[2]) slid \(percent(rng.unit() * 6 + 0.5)) percent.",
        ]
        if rng.chance(0.7) {
            let reason = PhraseTemplate.expand(rng.pick(Self.reasons)) { slot in
                switch slot {
                case "sector": sectors[3 + rng.below(4)]
                case "month": ReleaseTime.monthNames[rng.below(12)]
                default: String(rng.between(3...8))
                }
            }
            paragraphs.append("Analysts at \(rng.pick(Self.brokers)) said \(reason).")
        }
        if rng.chance(0.6) {
            paragraphs.append("Northbound investors \(rng.chance(0.5) ? "bought" : "sold") a net \(percent(rng.unit() * 12 + 0.3)) billion yuan of A-shares through the stock connect programmes on \(weekday).")
        }
        if rng.chance(0.5) {
            paragraphs.append("In the bond market, the yield on the 10-year government bond \(rng.chance(0.5) ? "edged up" : "slipped") to \(percent(2.2 + rng.unit() * 0.6)) percent, while the yuan closed at \(DecimalText.fixed(7.0 + rng.unit() * 0.3, places: 4)) per dollar.")
        }
        let title = rng.pick([
            "China's stocks close \(up ? "higher" : "lower") on \(weekday)",
            "Chinese shares end \(up ? "up" : "down") as \(sectors[0]) stocks lead",
            "China stocks \(up ? "rise" : "fall") \(percent(sh)) pct at close",
        ])
        let released = day.adding(minutes: 15 * 60 + 20 + rng.below(40))
        return NewsArticle(title: title, body: paragraphs.joined(separator: "\n\n"), published: released.text,
                           tags: ["Markets", "China"])
    }

    /// Moves an index by up to 2 percent either way; returns the change in percent.
    private static func move(_ level: inout Double, rng: inout SplitMix64) -> Double {
        let change = (rng.unit() - 0.5) * 4
        level *= 1 + change / 100
        return change
    }

    private func percent(_ value: Double) -> String {
        DecimalText.fixed(abs(value), places: 2)
    }

    /// `3,051.27`
    private func points(_ value: Double) -> String {
        let text = DecimalText.fixed(value, places: 2)
        let point = text.firstIndex(of: ".")!
        return DecimalText.thousands(Int(text[..<point])!) + text[point...]
    }
}
