import Testing
@testable import ArchiveCore

@Suite("Runs of candidate keys")
struct KeyRunsTests {
    @Test("a transaction's writes share one run, numbered above every other; the next transaction starts another")
    func oneRunPerTransaction() {
        var runs = KeyRuns([KeyRuns.Run(id: 4, rows: 10)])
        #expect(runs.write(3) == 5)
        #expect(runs.write(2) == 5)
        #expect(runs.open == 5)
        runs.close()
        #expect(runs.open == nil)
        #expect(runs.write(1) == 6)
        runs.close()
        #expect(runs.runs == [KeyRuns.Run(id: 4, rows: 10), KeyRuns.Run(id: 5, rows: 5), KeyRuns.Run(id: 6, rows: 1)])
        #expect(runs.rows == 16)
        var empty = KeyRuns()
        #expect(empty.write(7) == 1)
    }

    @Test("past 16 runs, or past the row limit, the runs are due to move into near_keys, never while one is open")
    func moveIsDue() {
        var runs = KeyRuns()
        for transaction in 1...KeyRuns.maximumRuns {
            _ = runs.write(transaction)
            runs.close()
            #expect(!runs.moveIsDue(rowLimit: 1_000))
        }
        _ = runs.write(100)
        #expect(!runs.moveIsDue(rowLimit: 1_000))
        runs.close()
        #expect(runs.moveIsDue(rowLimit: 1_000))
        var few = KeyRuns([KeyRuns.Run(id: 1, rows: 600)])
        #expect(!few.moveIsDue(rowLimit: 1_000))
        _ = few.write(401)
        #expect(!few.moveIsDue(rowLimit: 1_000))
        few.close()
        #expect(few.moveIsDue(rowLimit: 1_000))
        few.removeAll()
        #expect(few.runs.isEmpty && few.open == nil && few.write(1) == 1)
    }

    @Test("moving the runs into near_keys merges them as SQLite reads them, without sorting them")
    func moveWithoutSorting() throws {
        let directory = TemporaryDirectory()
        let connection = try Connection(path: directory.path("a.db"))
        defer { connection.close() }
        try Migrator().migrate(connection)
        var plan: [String] = []
        try connection.prepare("EXPLAIN QUERY PLAN " + NearDuplicateIndex.moveRuns([3, 5, 8])).forEachRow { plan.append($0.string(3)) }
        #expect(plan.filter { $0.hasPrefix("MERGE") }.count == 2, "\(plan)")
        #expect(plan.filter { $0.contains("near_keys_recent USING PRIMARY KEY (run=?)") }.count == 3, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
    }
}
