/// `archive search` read without ArgumentParser, for the plain argument lists scripts send.
///
/// Why: ArgumentParser finds every option by reflection, and the Swift runtime's first
/// look-up of each type and conformance scans all of the binary's 6,000 conformance
/// records; with perf, that parse was a third of a whole-process search of a small
/// archive (README, Performance, "Start-up"). Search is what scripts run in loops.
///
/// Only a plain, valid list is read here: the word `search`, one query (starting with `-` only
/// after `--`), and each option of `search` at most once (`--tag` any number of times) as
/// `--name value`. Anything else returns nil and goes to ArgumentParser: help, `--name=value`,
/// an unknown or repeated option, a value starting with `-`, a bad number or format, a limit
/// below 1. So every message, error and exit code stays the parser's own, and the tests
/// hold both parsers to the same `SearchInvocation` for the lists read here.
enum QuickSearchParser {
    /// The search `arguments` (without the program's name) ask for, or nil to use ArgumentParser.
    static func invocation(_ arguments: [String]) -> SearchInvocation? {
        guard arguments.first == "search" else { return nil }
        var search = SearchInvocation(query: "")
        var query: String?
        // An array, not a Set: a Set<String> costs a conformance scan at start-up.
        var seen: [String] = []
        var optionsEnded = false
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" && !optionsEnded {
                optionsEnded = true
                continue
            }
            guard !optionsEnded && looksLikeOption(word) else {
                guard query == nil else { return nil }
                query = word
                continue
            }
            guard word == "--tag" || !seen.contains(word) else { return nil }
            seen.append(word)
            switch word {
            case "--raw": search.filters.raw = true; continue
            case "--all-versions": search.filters.allVersions = true; continue
            case "--rank-all": search.rankAll = true; continue
            default: break
            }
            guard index < arguments.count, !looksLikeOption(arguments[index]) else { return nil }
            let value = arguments[index]
            index += 1
            switch word {
            case "--db": search.db = value
            case "--since": search.filters.since = value
            case "--until": search.filters.until = value
            case "--tag": search.filters.tags.append(value)
            case "--limit":
                guard let limit = Int(value) else { return nil }
                search.limit = limit
            case "--offset":
                guard let offset = Int(value) else { return nil }
                search.offset = offset
            case "--format":
                guard let format = HitFormat(rawValue: value) else { return nil }
                search.format = format
            default:
                return nil
            }
        }
        guard let query, (try? search.validate()) != nil else { return nil }
        search.query = query
        return search
    }

    /// Judged on the first byte, more widely than any parser would: a word starting with a
    /// dash and a combining mark is left to ArgumentParser too.
    private static func looksLikeOption(_ word: String) -> Bool {
        word.utf8.first == UInt8(ascii: "-")
    }
}
