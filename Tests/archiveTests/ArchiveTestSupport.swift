// Support for the end-to-end tests: they run the real `archive` binary (built by
// `swift build`) in a fresh temporary directory and look only at what it prints, its
// exit code and the files it leaves behind.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Where things are

enum Paths {
    /// Tests/archiveTests/ArchiveTestSupport.swift -> ../../ is the package root.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // archiveTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `.build/debug/archive`, unless $ARCHIVE_TEST_BINARY names another build (for runs
    /// with `--scratch-path`; a relative path is taken from the package root).
    static let binary: URL = {
        if let chosen = ProcessInfo.processInfo.environment["ARCHIVE_TEST_BINARY"], !chosen.isEmpty {
            return chosen.hasPrefix("/") ? URL(fileURLWithPath: chosen) : packageRoot.appendingPathComponent(chosen)
        }
        return packageRoot.appendingPathComponent(".build/debug/archive")
    }()
    static let sampleDump: URL = packageRoot.appendingPathComponent("samples/sample-dump.txt")

    /// How long a single run of a program may take before the test calls it hung, kills
    /// it and fails. Not a timing assertion: on a busy machine a debug build takes tens
    /// of seconds for the largest inputs here; only a hang comes near this.
    static let hangLimit: Double = 600

    /// The binary, or a failed test that says how to get it.
    static func requireBinary() throws -> URL {
        try #require(
            FileManager.default.isExecutableFile(atPath: binary.path),
            "no archive binary at \(binary.path): run `swift build` first (the end-to-end tests run the debug build)")
        return binary
    }
}

// MARK: - Running a program

/// What one run of a program did.
struct ProcessResult: CustomStringConvertible {
    var command: [String]
    var status: Int32
    var stdoutData: Data
    var stderrData: Data

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var stderr: String { String(decoding: stderrData, as: UTF8.self) }

    /// The non-empty lines of stderr.
    var stderrLines: [String] {
        stderr.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    }

    var description: String {
        let shownOut = stdout.count > 2_000 ? String(stdout.prefix(2_000)) + "…" : stdout
        return "$ \(command.joined(separator: " "))\nexit \(status)\nstdout: \(shownOut)\nstderr: \(stderr)"
    }
}

/// Lets a write to a pipe whose reader has gone fail with EPIPE instead of killing the
/// test process.
private let ignoreSIGPIPE: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
}()

/// Runs `executable` to its end. Standard input gets `stdin` (or /dev/null); stdout and
/// stderr are read together with poll(2), so neither pipe can fill up and block the
/// child however much it writes.
func runProcess(
    _ executable: URL, _ arguments: [String], stdin: Data? = nil,
    environment: [String: String], directory: URL
) throws -> ProcessResult {
    _ = ignoreSIGPIPE
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe: Pipe? = stdin == nil ? nil : Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe ?? FileHandle.nullDevice
    try process.run()

    var output = Data()
    var errors = Data()
    var input = [UInt8](stdin ?? Data())
    var written = 0
    let outFD = outPipe.fileHandleForReading.fileDescriptor
    let errFD = errPipe.fileHandleForReading.fileDescriptor
    var inFD: Int32 = -1
    if let inPipe {
        inFD = inPipe.fileHandleForWriting.fileDescriptor
        _ = fcntl(inFD, F_SETFL, fcntl(inFD, F_GETFL) | O_NONBLOCK)
        if input.isEmpty {
            try inPipe.fileHandleForWriting.close()
            inFD = -1
        }
    }
    var outOpen = true
    var errOpen = true
    var buffer = [UInt8](repeating: 0, count: 65_536)
    // Not a timing assertion: only a guard so that a hung binary fails the test
    // instead of hanging the whole suite.
    let giveUp = Date().addingTimeInterval(Paths.hangLimit)

    func drain(_ fd: Int32, into data: inout Data) -> Bool {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
            return true
        }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        return false  // end of file (or an error: stop reading either way)
    }

    while outOpen || errOpen || inFD >= 0 {
        var fds: [pollfd] = []
        if outOpen { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
        if errOpen { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
        if inFD >= 0 { fds.append(pollfd(fd: inFD, events: Int16(POLLOUT), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), 1_000)
        if ready < 0 && errno != EINTR { break }
        if Date() > giveUp {
            process.terminate()
            Issue.record("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) did not finish; killed it")
            break
        }
        for entry in fds where entry.revents != 0 {
            if entry.fd == outFD {
                outOpen = drain(outFD, into: &output)
            } else if entry.fd == errFD {
                errOpen = drain(errFD, into: &errors)
            } else if entry.fd == inFD, let inPipe {
                let count = input[written...].withUnsafeBytes { write(inFD, $0.baseAddress, $0.count) }
                if count > 0 { written += count }
                let failed = count < 0 && errno != EAGAIN && errno != EINTR
                if written == input.count || failed {
                    try inPipe.fileHandleForWriting.close()
                    inFD = -1
                    input = []
                }
            }
        }
    }
    process.waitUntilExit()
    return ProcessResult(
        command: [executable.lastPathComponent] + arguments, status: process.terminationStatus,
        stdoutData: output, stderrData: errors)
}

// MARK: - A temporary directory per test

/// Runs `body` with a fresh, empty temporary directory that is removed afterwards,
/// whatever happens.
func withSandbox<T>(_ body: (Sandbox) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("archive-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // Symlink-free, so paths compare with what the tool stores (it resolves symlinks).
    let resolved = directory.resolvingSymlinksInPath()
    defer { try? FileManager.default.removeItem(at: resolved) }
    return try body(Sandbox(directory: resolved))
}

/// A temporary directory with an archive in it (`archive.db` unless told otherwise).
struct Sandbox {
    let directory: URL

    /// The archive most tests use.
    var db: String { path("archive.db") }

    func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = path(name)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func append(_ name: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path(name)))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func read(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(name)))
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: path(name))
    }

    /// The names in the directory, sorted.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    /// Copies the bundled sample dump in, and returns its path here.
    @discardableResult
    func copySample(as name: String = "sample-dump.txt") throws -> String {
        try FileManager.default.copyItem(at: Paths.sampleDump, to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    /// The test process's environment, without ARCHIVE_DB (tests say which archive they
    /// mean) or ARCHIVE_PARSER (tests that compare the readings of arguments set it), plus
    /// `overrides`.
    static func environment(_ overrides: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["ARCHIVE_DB"] = nil
        environment["ARCHIVE_PARSER"] = nil
        environment.merge(overrides) { $1 }
        return environment
    }

    /// Runs `archive SUBCOMMAND --db DB REST...` in this directory. `db` defaults to
    /// `self.db`; `--db` goes right after the subcommand so that REST may hold `--`.
    func archive(
        _ arguments: String..., db: String? = nil, stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        var full = arguments
        full.insert(contentsOf: ["--db", db ?? self.db], at: min(1, full.count))
        return try archiveWithoutDB(full, stdin: stdin, environment: environment)
    }

    /// Runs `archive` with exactly these arguments (no `--db` added).
    func archiveWithoutDB(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        try runProcess(
            try Paths.requireBinary(), arguments, stdin: stdin,
            environment: Self.environment(environment), directory: directory)
    }

    /// `archive sql STATEMENT --format json`, decoded; fails the test on a non-zero exit.
    func sqlRows(_ statement: String, db: String? = nil) throws -> [[String: Any]] {
        let result = try archive("sql", statement, "--format", "json", db: db)
        try #require(result.status == 0, "\(result)")
        return try jsonArray(result.stdout)
    }

    /// `archive sql ... --format json` output as text, for comparing two archives.
    func sqlJSONText(_ statement: String, db: String? = nil) throws -> String {
        let result = try archive("sql", statement, "--format", "json", db: db)
        try #require(result.status == 0, "\(result)")
        return result.stdout
    }

    func articleCount(db: String? = nil) throws -> Int {
        let rows = try sqlRows("SELECT count(*) AS n FROM articles", db: db)
        return try #require(rows.first?["n"] as? Int)
    }

    /// Imports, insisting on success, and returns the `--json` summary.
    @discardableResult
    func importJSON(_ paths: String..., db: String? = nil, extra: [String] = [], expectStatus: Int32 = 0) throws
        -> ImportSummaryJSON
    {
        let result = try archiveWithoutDB(["import"] + paths + ["--db", db ?? self.db, "--json"] + extra)
        try #require(result.status == expectStatus, "\(result)")
        return try decode(ImportSummaryJSON.self, result.stdout)
    }

    /// The bundled sample imported into `db`; returns the summary.
    @discardableResult
    func importSample(db: String? = nil) throws -> ImportSummaryJSON {
        let dump = exists("sample-dump.txt") ? path("sample-dump.txt") : try copySample()
        return try importJSON(dump, db: db)
    }
}

// MARK: - JSON

struct JSONShapeError: Error, CustomStringConvertible {
    let description: String
}

func jsonValue(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try jsonValue(text) as? [String: Any] else {
        throw JSONShapeError(description: "expected one JSON object, got: \(text.prefix(300))")
    }
    return object
}

func jsonArray(_ text: String) throws -> [[String: Any]] {
    guard let array = try jsonValue(text) as? [[String: Any]] else {
        throw JSONShapeError(description: "expected a JSON array of objects, got: \(text.prefix(300))")
    }
    return array
}

func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

/// `import --json`. Decoding as Int fails on a fractional number, so this also checks
/// that the counters are integers.
struct ImportSummaryJSON: Decodable, Equatable {
    var files: Int
    var files_skipped: Int
    var files_failed: Int
    var records: Int
    var inserted: Int
    var duplicates: Int
    var near_duplicates: Int
    var errors: Int
    var warnings: Int
    var bytes: Int
    var seconds: Double
}

/// One search hit (`search --format json`).
struct SearchHitJSON: Decodable {
    var id: Int
    var title: String
    var published: String?
    var tags: [String]
    var snippet: String
    var rank: Double
    var url: String?
    var source: String?
    var authors: [String]
}

/// `show --format json`.
struct ShowJSON: Decodable {
    struct Seen: Decodable {
        var path: String
        var line: Int
        var byte_offset: Int
        var seen_at: String
    }
    var id: Int
    var title: String
    var published: String?
    var tags: [String]
    var snippet: String
    var rank: Double?
    var body: String
    var url: String?
    var source: String?
    var authors: [String]
    var published_raw: String?
    var header: String?
    var imported_at: String
    var seen: [Seen]
}

/// `stats --json`.
struct StatsJSON: Decodable {
    struct TagCount: Decodable, Equatable {
        var tag: String
        var count: Int
    }
    var articles: Int
    var duplicates_seen: Int
    var files: Int
    var files_incomplete: Int
    var import_errors: Int
    var earliest: String?
    var latest: String?
    var undated: Int
    var top_tags: [TagCount]
    var file_bytes: Int
}

// MARK: - The bundled sample

/// What samples/sample-dump.txt holds: 8 records, 7 articles (the solar farm twice).
enum Sample {
    static let solar = "Harbour city opens its first floating solar farm on the old reservoir."
    static let drought = "Drought forces farmers to sell cattle early as feed prices climb."
    static let library = "City library extends opening hours after student petition."
    /// No sentence end before the first ` | `, so the whole lead stays in the title.
    static let railPrefix = "New comment: Why the rail strike talks keep failing"
    static let canyon = "Scientists map the deep-sea canyon off the southern coast in unprecedented detail!"
    static let football = "Football club unveils plans for a new stadium by the river."
    static let hospital = "Hospital trial cuts waiting times for hip operations by a third."

    /// A short name for a sample title, so expectations read well.
    static func name(_ title: String) -> String {
        switch title {
        case solar: return "solar"
        case drought: return "drought"
        case library: return "library"
        case canyon: return "canyon"
        case football: return "football"
        case hospital: return "hospital"
        default: return title.hasPrefix(railPrefix) ? "rail" : title
        }
    }

    /// Two complete articles in the text dump format, with titles not in the sample.
    static let twoNewArticles = """

        Lighthouse keepers return to the northern cape after fifty years. Coast | Heritage
        Lighthouse keepers return to the northern cape after fifty years. Coast | Heritage

        Release time:2024-03-14 10:00

        A heritage trust has hired two keepers to live at the northern cape lighthouse again, the first since it was automated.

        Visitors will be able to climb the tower on weekends from May.

        Bakers protest rising flour prices outside parliament. Food | Prices
        Bakers protest rising flour prices outside parliament. Food | Prices

        Release time:Mar 15, 2024 11:30 AM

        Hundreds of bakers gathered outside parliament on Friday to demand help with the cost of flour and energy.

        """
}

// MARK: - Python

enum Python {
    /// python3 from PATH (the acceptance check for CSV uses Python's csv module).
    static func python3(_ arguments: [String], stdin: Data? = nil, in directory: URL) throws -> ProcessResult {
        try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, stdin: stdin,
            environment: ProcessInfo.processInfo.environment, directory: directory)
    }

    /// The interpreter for the sqlite-utils / Datasette checks: $ARCHIVE_TEST_PYTHON, else
    /// the package's .build-venv (scripts/test-tools.sh makes it), else none.
    static let toolsPython: URL? = {
        if let chosen = ProcessInfo.processInfo.environment["ARCHIVE_TEST_PYTHON"], !chosen.isEmpty {
            return URL(fileURLWithPath: chosen)
        }
        let venv = Paths.packageRoot.appendingPathComponent(".build-venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
    }()

    /// Whether the tools interpreter exists and can import `module`.
    static func toolsPythonCanImport(_ module: String) -> Bool {
        guard let python = toolsPython else { return false }
        let result = try? runProcess(
            python, ["-c", "import \(module)"], environment: ProcessInfo.processInfo.environment,
            directory: FileManager.default.temporaryDirectory)
        return result?.status == 0
    }
}
