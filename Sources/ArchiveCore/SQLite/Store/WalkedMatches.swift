/// The newest matches of a query that a ranking window walked, newest first, and whether
/// they are all of them. A count or a page's facets asked in the same read go on from
/// there (`CoveredMatches.newest`) instead of stepping through the same matches again.
struct WalkedMatches {
    let ids: [Int64]
    /// True when the window held every match.
    let complete: Bool
}
