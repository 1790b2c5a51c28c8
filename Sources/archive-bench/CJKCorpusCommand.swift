import ArgumentParser
import Dispatch
import Foundation
import SyntheticNews

/// `archive-bench cjk-corpus`: the CJK part of `make bench`. Writes generated Chinese,
/// Japanese and Korean articles (`CJKStories`) as text dumps, with exact copies and
/// near-duplicate versions planted as in the English corpus, and the query sets.
struct CJKCorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cjk-corpus",
        abstract: "Generate the CJK benchmark corpus (skipped when the folder already holds it).",
        discussion: """
            Writes DIR/dumps/cjk-NN.txt, DIR/queries.json (one-, two- and four-character \
            query sets), DIR/manifest.json and DIR/STAMP.
            """)

    @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
    var out: String

    @Option(help: "Records in all the dumps together.")
    var records = 100_000

    @Option(help: "Number of dump files.")
    var files = 6

    @Option(help: "Seed: the same seed gives the same corpus.")
    var seed: UInt64 = 1

    @Flag(help: "Generate even when the stamp says the corpus is there.")
    var force = false

    static let generatorVersion = 2
    /// Copies every CJK article can have: the copy makers that work on any text. Word
    /// edits change only Latin words, so they would make exact copies here.
    static let versionKinds: [CopyKind] = [.headlinePrefix, .truncation(percent: 80)]
    /// Articles the query sets are chosen from: every n-th original, about 2,000.
    static let sampleSize = 2_000

    struct Manifest: Codable {
        var generator: Int
        var seed: UInt64
        var files: [String]
        var fileBytes: [String: Int]
        var bytes: Int
        var records: Int
        var exactCopies: Int
        var nearDuplicates: Int
        var versions: [String: Int]
        var languages: [String: Int]
        var seconds: Double
    }

    func run() async throws {
        let started = DispatchTime.now()
        let stamp = "archive-bench cjk-corpus v\(Self.generatorVersion)\nrecords=\(records) files=\(files) seed=\(seed)\n"
        let stampPath = out + "/STAMP"
        if !force, let existing = try? String(contentsOfFile: stampPath, encoding: .utf8), existing == stamp {
            print("corpus in \(out) is up to date (seed \(seed))")
            return
        }
        let manager = FileManager.default
        try? manager.removeItem(atPath: out + "/dumps")
        for file in ["STAMP", "queries.json", "manifest.json"] { try? manager.removeItem(atPath: out + "/" + file) }
        try manager.createDirectory(atPath: out + "/dumps", withIntermediateDirectories: true)

        let plan = CorpusPlan(baseRecords: records, files: files, seed: seed, versionKinds: Self.versionKinds)
        let stories = CJKStories(seed: seed)
        var fileBytes: [String: Int] = [:]
        var names: [String] = []
        var languages: [String: Int] = [:]
        for (number, dump) in plan.base.enumerated() {
            let name = "dumps/cjk-" + (number < 10 ? "0" : "") + String(number) + ".txt"
            let file = try OutputFile(path: out + "/" + name)
            for chunk in await Self.chunks(of: dump.records, stories: stories) {
                try file.write(chunk.bytes)
                for (language, count) in chunk.languages { languages[language.rawValue, default: 0] += count }
            }
            fileBytes[name] = try file.close()
            names.append(name)
            log("wrote \(name): \(dump.records.count) records")
        }

        let step = max(1, plan.baseOriginals / Self.sampleSize)
        let sample = stride(from: 0, to: plan.baseOriginals, by: step).map(stories.story)
        let queries = CJKQuerySelection(sample: sample)
        try queries.json(records: records).write(toFile: out + "/queries.json", atomically: true, encoding: .utf8)

        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let manifest = Manifest(
            generator: Self.generatorVersion, seed: seed, files: names, fileBytes: fileBytes, bytes: fileBytes.values.reduce(0, +),
            records: plan.expected.baseRecords, exactCopies: plan.expected.baseExactCopies,
            nearDuplicates: plan.expected.baseNearDuplicates, versions: plan.expected.baseVersions,
            languages: languages, seconds: (seconds * 10).rounded() / 10)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: URL(fileURLWithPath: out + "/manifest.json"))
        try stamp.write(toFile: stampPath, atomically: true, encoding: .utf8)
        log(String(format: "CJK corpus written in %.1f s: %d records (%.0f MB), %d queries", seconds, manifest.records,
                   Double(manifest.bytes) / 1e6, queries.queries.count))
    }

    struct Chunk: Sendable {
        var bytes: [UInt8] = []
        var languages: [CJKLanguage: Int] = [:]
    }

    /// The dump bytes of `records`, made in chunks of 500 on every core, in order. A
    /// file's records are at most a few tens of MB, so they are held until written.
    static func chunks(of records: [CorpusPlan.Record], stories: CJKStories) async -> [Chunk] {
        let size = 500
        let count = (records.count + size - 1) / size
        return await withTaskGroup(of: (Int, Chunk).self) { group in
            for index in 0..<count {
                let slice = records[(index * size)..<min(records.count, (index + 1) * size)]
                group.addTask { (index, Self.chunk(slice, stories: stories)) }
            }
            var done = [Chunk](repeating: Chunk(), count: count)
            for await (index, chunk) in group { done[index] = chunk }
            return done
        }
    }

    static func chunk(_ records: ArraySlice<CorpusPlan.Record>, stories: CJKStories) -> Chunk {
        var chunk = Chunk()
        chunk.bytes.reserveCapacity(records.count * 3_500)
        for record in records {
            var story = stories.story(record.original)
            if case .copy(let kind) = record.kind {
                guard let copy = kind.make(from: story.article, seed: stories.seed, number: record.copyNumber) else {
                    preconditionFailure("\(kind.label) applies to every article")
                }
                story.article = copy
            }
            CJKDumpText.append(story, to: &chunk.bytes)
            chunk.languages[story.language, default: 0] += 1
        }
        return chunk
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data(("cjk-corpus: " + message + "\n").utf8))
    }
}
