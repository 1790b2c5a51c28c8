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

    @Test("past the most runs a lookup should seek, they are due to be merged into one above them all, never while one is open")
    func mergeAll() {
        var runs = KeyRuns()
        for transaction in 1...KeyRuns.maximumRuns {
            _ = runs.write(transaction)
            runs.close()
            #expect(!runs.mergeIsDue)
        }
        _ = runs.write(100)
        #expect(!runs.mergeIsDue)
        runs.close()
        #expect(runs.mergeIsDue)
        let total = runs.rows
        let merged = runs.mergeAll()
        #expect(merged == Int64(KeyRuns.maximumRuns) + 2)
        #expect(runs.runs == [KeyRuns.Run(id: merged, rows: total)])
        #expect(!runs.mergeIsDue)
        #expect(runs.write(1) == merged + 1)
        runs.removeAll()
        #expect(runs.runs.isEmpty && runs.open == nil)
    }
}
