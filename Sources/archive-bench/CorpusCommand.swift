import ArgumentParser
import Dispatch
import Foundation

/// `archive-bench corpus`: writes the benchmark's dumps, the same rows for the reference
/// tools, the query words and what the archive should find, deterministically for a seed.
struct CorpusCommand: ParsableCommand {
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

    @Option(help: ArgumentHelp("Folder of the BBC CSV files (text,category).", valueName: "dir"))
    var source = "../shared/corpora/bbc"

    @Option(help: "Override the number of base records (for trying things out).")
    var records: Int?

    @Flag(help: "Generate even when the stamp says the corpus is there.")
    var force = false

    static let generatorVersion = 2

    func run() throws {
        let started = DispatchTime.now()
        let text = try SourceText.load(folder: source)
        let baseRecords = records ?? size.records
        let stamp = """
            archive-bench corpus v\(Self.generatorVersion)
            size=\(size.rawValue) records=\(baseRecords) files=\(size.files) seed=\(seed)
            source=\(text.origin)

            """
        let stampPath = out + "/STAMP"
        if !force, let existing = try? String(contentsOfFile: stampPath, encoding: .utf8), existing == stamp {
            print("corpus in \(out) is up to date (\(text.origin), seed \(seed))")
            return
        }
        let manager = FileManager.default
        for folder in ["dumps", "reference"] { try? manager.removeItem(atPath: out + "/" + folder) }
        for file in ["STAMP", "incremental.jsonl", "queries.json", "manifest.json"] { try? manager.removeItem(atPath: out + "/" + file) }
        try manager.createDirectory(atPath: out + "/dumps", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: out + "/reference", withIntermediateDirectories: true)

        let model = TextModel(source: text)
        let generator = ArticleGenerator(model: model, seed: seed)
        let lookup = TermStatistics.Lookup(model: model)
        let plan = CorpusPlan(baseRecords: baseRecords, files: size.files, seed: seed)
        log("source: \(text.origin); \(model.wordCount) distinct words, \(model.sequence.count) positions")

        let csv = try OutputFile(path: out + "/reference/base.csv")
        let json = try OutputFile(path: out + "/reference/base.jsonl")
        try csv.write(DumpEncoding.csvHeader)
        var statistics = TermStatistics(termCount: model.terms.count)
        var dumpBytes: [String: Int] = [:]
        var nextID = 1
        for dump in plan.base {
            let file = try OutputFile(path: out + "/dumps/" + dump.name)
            try generate(dump.records, firstID: nextID, text: dump.isText, generator: generator, lookup: lookup) { chunk in
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
        try generate(plan.incremental.records, firstID: 0, text: false, generator: generator, lookup: lookup, references: false) { chunk in
            try incremental.write(chunk.dump)
        }
        let incrementalBytes = try incremental.close()

        let queries = QuerySelection(statistics: statistics, model: model)
        try queries.json().write(toFile: out + "/queries.json", atomically: true, encoding: .utf8)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let manifest = Manifest(
            generator: Self.generatorVersion, size: size.rawValue, seed: seed, source: text.origin,
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

    struct Chunk {
        var dump: [UInt8] = []
        var csv: [UInt8] = []
        var json: [UInt8] = []
        var statistics: TermStatistics
    }

    /// Generates records in chunks on every core and hands the chunks over in order. One
    /// task of each wave writes the previous wave's chunks while the others generate.
    private func generate(_ records: [CorpusPlan.Record], firstID: Int, text: Bool, generator: ArticleGenerator,
                          lookup: TermStatistics.Lookup, references: Bool = true,
                          write: @escaping (Chunk) throws -> Void) throws {
        let chunkSize = 500
        let chunkCount = (records.count + chunkSize - 1) / chunkSize
        let wave = max(2, ProcessInfo.processInfo.activeProcessorCount) * 4
        let termCount = generator.model.terms.count
        let sink = ChunkSink(write)
        var pending: ChunkSlots?
        var first = 0
        while first < chunkCount || pending != nil {
            let count = min(wave, chunkCount - first)
            let results = ChunkSlots(count: count)
            let previous = pending
            let writerTasks = previous == nil ? 0 : 1
            let waveStart = first
            DispatchQueue.concurrentPerform(iterations: count + writerTasks) { task in
                if task < writerTasks {
                    sink.write(previous!)
                    return
                }
                let chunkIndex = waveStart + task - writerTasks
                let range = (chunkIndex * chunkSize)..<min(records.count, (chunkIndex + 1) * chunkSize)
                var chunk = Chunk(statistics: TermStatistics(termCount: references ? termCount : 0))
                chunk.dump.reserveCapacity(range.count * 4_000)
                if references {
                    chunk.csv.reserveCapacity(range.count * 4_000)
                    chunk.json.reserveCapacity(range.count * 4_000)
                }
                var article = GeneratedArticle()
                for index in range {
                    let record = records[index]
                    generator.make(original: record.original, kind: record.kind, salt: record.salt, into: &article)
                    if text {
                        DumpEncoding.appendText(article, to: &chunk.dump)
                    } else {
                        DumpEncoding.appendJSON(article, isoDates: false, to: &chunk.dump)
                    }
                    if references {
                        DumpEncoding.appendCSV(article, id: firstID + index, to: &chunk.csv)
                        DumpEncoding.appendJSON(article, isoDates: true, to: &chunk.json)
                        chunk.statistics.count(article.terms, lookup: lookup)
                    }
                }
                results.slots[task - writerTasks] = chunk
            }
            if let error = sink.error { throw error }
            pending = count > 0 ? results : nil
            first += count
        }
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data(("corpus: " + message + "\n").utf8))
    }
}

/// Where the threads of one wave leave their chunks: each writes only its own slot.
final class ChunkSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<CorpusCommand.Chunk?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// Takes the chunks of a wave, in order, on whichever thread runs the writing task.
final class ChunkSink: @unchecked Sendable {
    private let body: (CorpusCommand.Chunk) throws -> Void
    private(set) var error: Error?

    init(_ body: @escaping (CorpusCommand.Chunk) throws -> Void) {
        self.body = body
    }

    func write(_ chunks: ChunkSlots) {
        guard error == nil else { return }
        do {
            for chunk in chunks.slots { try body(chunk!) }
        } catch {
            self.error = error
        }
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
