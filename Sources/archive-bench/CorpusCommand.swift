import ArgumentParser
import Dispatch
import Foundation
import SyntheticNews

/// `archive-bench corpus`: writes the benchmark's dumps, the same rows for the reference
/// tools, the query words and what the archive should find, deterministically for a seed.
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate the benchmark corpus (skipped when the folder already holds it).",
        discussion: """
            Writes DIR/dumps/base-NN.{txt,jsonl} (the first import), DIR/incremental.jsonl, \
            DIR/reference/base.csv and base.jsonl (the same rows for sqlite3 and sqlite-utils), \
            DIR/queries.json, DIR/manifest.json and DIR/STAMP.
            """)

    enum Size: String, ExpressibleByArgument, CaseIterable {
        case quick, full
        var records: Int { self == .quick ? 30_000 : 1_000_000 }
        var files: Int { self == .quick ? 6 : 20 }
    }

    @Option(help: "quick (~30,000 articles) or full (~1,000,000 articles).")
    var size: Size = .quick

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Option(help: "Seed: the same seed gives the same corpus.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Folder of the BBC CSV files (text,category); built-in stories when they are not there.", valueName: "dir"))
    var source = CorpusFolder.bbc

    @Option(help: "Override the number of base records (for trying things out).")
    var records: Int?

    @Flag(help: "Generate even when the stamp says the corpus is there.")
    var force = false

    static let generatorVersion = 3
    /// Stories of the built-in writer the word chain learns from when the BBC corpus is
    /// absent: some 320,000 words (the corpus has 780,000); more add few new words.
    static let builtinStories = 1_000

    func run() async throws {
        let started = DispatchTime.now()
        let choice = CorpusChoice.auto.resolved(folder: source)
        let sources = try SourceStories.load(choice, folder: source, count: choice == .builtin ? Self.builtinStories : .max, seed: seed)
        let origin = "\(sources.name) (\(sources.stories.count) stories)"
        let baseRecords = records ?? size.records
        let stamp = """
            archive-bench corpus v\(Self.generatorVersion)
            size=\(size.rawValue) records=\(baseRecords) files=\(size.files) seed=\(seed)
            source=\(origin)

            """
        let stampPath = out + "/STAMP"
        if !force, let existing = try? String(contentsOfFile: stampPath, encoding: .utf8), existing == stamp {
            print("corpus in \(out) is up to date (\(origin), seed \(seed))")
            return
        }
        let manager = FileManager.default
        for folder in ["dumps", "reference"] { try? manager.removeItem(atPath: out + "/" + folder) }
        for file in ["STAMP", "incremental.jsonl", "queries.json", "manifest.json"] { try? manager.removeItem(atPath: out + "/" + file) }
        try manager.createDirectory(atPath: out + "/dumps", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: out + "/reference", withIntermediateDirectories: true)

        let model = TextModel(stories: sources.stories)
        let generator = ArticleGenerator(model: model, seed: seed)
        let lookup = TermStatistics.Lookup(model: model)
        let plan = CorpusPlan(baseRecords: baseRecords, files: size.files, seed: seed)
        log("source: \(origin); \(model.wordCount) distinct words, \(model.positionCount) positions")

        let csv = try OutputFile(path: out + "/reference/base.csv")
        let json = try OutputFile(path: out + "/reference/base.jsonl")
        try csv.write(DumpEncoding.csvHeader)
        var statistics = TermStatistics(termCount: model.terms.count)
        var dumpBytes: [String: Int] = [:]
        var nextID = 1
        for dump in plan.base {
            let file = try OutputFile(path: out + "/dumps/" + dump.name)
            try await generate(dump.records, firstID: nextID, text: dump.isText, generator: generator, lookup: lookup) { chunk in
                try file.write(chunk.dump)
                try csv.write(chunk.csv)
                try json.write(chunk.json)
                statistics.merge(chunk.statistics)
            }
            nextID += dump.records.count
            dumpBytes["dumps/" + dump.name] = try file.close()
            log("wrote dumps/\(dump.name): \(dump.records.count) records")
        }
        let csvBytes = try csv.close()
        let jsonBytes = try json.close()
        let incremental = try OutputFile(path: out + "/" + plan.incremental.name)
        try await generate(plan.incremental.records, firstID: 0, text: false, generator: generator, lookup: lookup, references: false) { chunk in
            try incremental.write(chunk.dump)
        }
        let incrementalBytes = try incremental.close()

        let queries = QuerySelection(statistics: statistics, model: model)
        try queries.json().write(toFile: out + "/queries.json", atomically: true, encoding: .utf8)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let manifest = Manifest(
            generator: Self.generatorVersion, size: size.rawValue, seed: seed, source: origin,
            baseFiles: plan.base.map { "dumps/" + $0.name }, baseBytes: dumpBytes.values.reduce(0, +), fileBytes: dumpBytes,
            incrementalFile: plan.incremental.name, incrementalBytes: incrementalBytes,
            referenceCSV: "reference/base.csv", referenceCSVBytes: csvBytes,
            referenceJSONL: "reference/base.jsonl", referenceJSONLBytes: jsonBytes,
            baseOriginals: plan.baseOriginals, expected: plan.expected, seconds: (seconds * 10).rounded() / 10)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: out + "/manifest.json"))
        try stamp.write(toFile: stampPath, atomically: true, encoding: .utf8)
        log(String(format: "corpus written in %.1f s: %d base records (%.0f MB), %d incremental", seconds,
                   plan.expected.baseRecords, Double(manifest.baseBytes) / 1e6, plan.expected.incrementalRecords))
    }

    struct Manifest: Codable {
        var generator: Int
        var size: String
        var seed: UInt64
        var source: String
        var baseFiles: [String]
        var baseBytes: Int
        var fileBytes: [String: Int]
        var incrementalFile: String
        var incrementalBytes: Int
        var referenceCSV: String
        var referenceCSVBytes: Int
        var referenceJSONL: String
        var referenceJSONLBytes: Int
        var baseOriginals: Int
        var expected: CorpusPlan.Expected
        var seconds: Double
    }

    struct Chunk: Sendable {
        var dump: [UInt8] = []
        var csv: [UInt8] = []
        var json: [UInt8] = []
        var statistics: TermStatistics
    }

    /// Generates records in chunks on every core and hands the chunks to `write` in
    /// order, on this task, while the next ones are generated. At most `inFlight` chunks
    /// are generated or waiting for an earlier one at a time, which bounds the memory.
    private func generate(_ records: [CorpusPlan.Record], firstID: Int, text: Bool, generator: ArticleGenerator,
                          lookup: TermStatistics.Lookup, references: Bool = true,
                          write: (Chunk) throws -> Void) async throws {
        let chunkSize = 500
        let chunkCount = (records.count + chunkSize - 1) / chunkSize
        let inFlight = max(2, ProcessInfo.processInfo.activeProcessorCount) * 4
        try await withThrowingTaskGroup(of: (Int, Chunk).self) { group in
            var started = 0
            func start() {
                let index = started
                let range = (index * chunkSize)..<min(records.count, (index + 1) * chunkSize)
                group.addTask {
                    (index, Self.chunk(records[range], firstID: firstID + range.lowerBound, text: text,
                                       generator: generator, lookup: lookup, references: references))
                }
                started += 1
            }
            while started < min(chunkCount, inFlight) { start() }
            var done: [Int: Chunk] = [:]
            var written = 0
            while let (index, chunk) = try await group.next() {
                done[index] = chunk
                while let next = done.removeValue(forKey: written) {
                    try write(next)
                    written += 1
                    if started < chunkCount { start() }
                }
            }
        }
    }

    /// The dump bytes of `records` (ids from `firstID`), and with `references` their rows
    /// for the reference tools and their terms counted.
    private static func chunk(_ records: ArraySlice<CorpusPlan.Record>, firstID: Int, text: Bool, generator: ArticleGenerator,
                              lookup: TermStatistics.Lookup, references: Bool) -> Chunk {
        var chunk = Chunk(statistics: TermStatistics(termCount: references ? generator.model.terms.count : 0))
        chunk.dump.reserveCapacity(records.count * 4_000)
        if references {
            chunk.csv.reserveCapacity(records.count * 4_000)
            chunk.json.reserveCapacity(records.count * 4_000)
        }
        for (offset, record) in records.enumerated() {
            guard let article = generator.make(original: record.original, kind: record.kind, copyNumber: record.copyNumber) else {
                preconditionFailure("CorpusPlan plants only copies every article can have, not \(record.kind)")
            }
            if text {
                DumpEncoding.appendText(article, to: &chunk.dump)
            } else {
                DumpEncoding.appendJSON(article, isoDates: false, to: &chunk.dump)
            }
            if references {
                DumpEncoding.appendCSV(article, id: firstID + offset, to: &chunk.csv)
                DumpEncoding.appendJSON(article, isoDates: true, to: &chunk.json)
                chunk.statistics.count(article.terms, lookup: lookup)
            }
        }
        return chunk
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data(("corpus: " + message + "\n").utf8))
    }
}

/// A file written through stdio's buffer.
final class OutputFile {
    private var handle: UnsafeMutablePointer<FILE>?
    private var bytes = 0
    let path: String

    init(path: String) throws {
        self.path = path
        guard let handle = fopen(path, "wb") else { throw BenchError("cannot create \(path)") }
        setvbuf(handle, nil, _IOFBF, 1 << 20)
        self.handle = handle
    }

    func write(_ data: [UInt8]) throws {
        guard !data.isEmpty else { return }
        let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == data.count else { throw BenchError("cannot write \(path) (disk full?)") }
        bytes += written
    }

    /// Closes the file; returns its size.
    func close() throws -> Int {
        if let handle {
            guard fclose(handle) == 0 else { throw BenchError("cannot write \(path)") }
        }
        handle = nil
        return bytes
    }

    deinit { if let handle { fclose(handle) } }
}
