import ArgumentParser
import Testing

@testable import archive

/// `archive search` has two readers of its arguments: ArgumentParser, and a quick one for
/// plain lists that skips building the parser. They must never disagree: every list the
/// quick one reads must give ArgumentParser's search, and every other list must go to
/// ArgumentParser.
@Suite("the quick reading of `archive search`")
struct QuickSearchParserTests {
    /// What ArgumentParser makes of `arguments`, or nil when it refuses them or reads another command.
    static func argumentParser(_ arguments: [String]) -> SearchInvocation? {
        guard let command = try? ArchiveCommand.parseAsRoot(arguments), let search = command as? SearchCommand else {
            return nil
        }
        return search.invocation
    }

    static let plainLists: [[String]] = [
        ["search", "solar"],
        ["search", "solar reservoir", "--db", "a.db"],
        ["search", "--db", "/tmp/x y.db", "solar"],
        ["search", "solar", "--limit", "3", "--offset", "6"],
        ["search", "solar", "--limit", "+7"],
        ["search", "--format", "json", "solar"],
        ["search", "solar", "--format", "jsonl"],
        ["search", "solar", "--format", "csv"],
        ["search", "solar", "--format", "table"],
        ["search", "\"told the\"", "--raw"],
        ["search", "solar", "--since", "2024", "--until", "2024-06-30"],
        ["search", "solar", "--tag", "Energy", "--tag", "China", "--tag", ""],
        ["search", "solar", "--all-versions", "--rank-all", "--raw"],
        ["search", "--db", "a.db", "--", "-solar"],
        ["search", "--", "--limit"],
        ["search", "--limit", "5", "--", "solar"],
        ["search", ""],
        ["search", "北京 机器人", "--tag", "科技"],
        ["search", "help"],
        ["search", "search"],
        ["search", "solar", "--offset", "0"],
    ]

    @Test("every plain list is read as ArgumentParser reads it", arguments: plainLists)
    func plainListsAgree(arguments: [String]) throws {
        let quick = try #require(QuickSearchParser.invocation(arguments), "the quick parser refused \(arguments)")
        #expect(quick == Self.argumentParser(arguments), "\(arguments)")
    }

    static let otherLists: [[String]] = [
        [],
        ["search"],
        ["search", "--help"],
        ["search", "-h"],
        ["search", "solar", "--version"],
        ["search", "solar", "--limit", "0"],
        ["search", "solar", "--limit", "three"],
        ["search", "solar", "--limit", "-2"],
        ["search", "solar", "--offset", "-1"],
        ["search", "solar", "--format", "xml"],
        ["search", "solar", "--format", "JSON"],
        ["search", "solar", "reservoir"],
        ["search", "solar", "--tag"],
        ["search", "solar", "--tag", "-x"],
        ["search", "solar", "--db"],
        ["search", "solar", "--db=a.db"],
        ["search", "solar", "--limit", "3", "--limit", "4"],
        ["search", "solar", "--raw", "--raw"],
        ["search", "solar", "--bogus"],
        ["search", "-solar"],
        ["search", "-"],
        ["search", "-\u{301}solar"],
        ["search", "--", "solar", "--", "x"],
        ["search", "--", "solar", "reservoir"],
        ["export", "solar"],
        ["show", "1"],
        ["--db", "a.db", "search", "solar"],
        ["SEARCH", "solar"],
    ]

    @Test("every other list is left to ArgumentParser", arguments: otherLists)
    func otherListsGoToArgumentParser(arguments: [String]) {
        #expect(QuickSearchParser.invocation(arguments) == nil, "\(arguments)")
    }

    @Test("ArgumentParser reads some of the lists left to it, so they must work there")
    func leftListsStillWork() {
        #expect(Self.argumentParser(["search", "solar", "--db=a.db"])?.db == "a.db")
        #expect(Self.argumentParser(["search", "solar", "--limit", "0"]) == nil)
        #expect(Self.argumentParser(["search", "solar", "--format", "xml"]) == nil)
    }
}
