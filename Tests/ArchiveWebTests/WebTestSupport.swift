import ArchiveCore
import CSQLite
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import ArchiveWeb

/// A fresh folder for one test, removed when the value goes away.
final class WebTemporaryDirectory: Sendable {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-web-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) -> String {
        let path = path(name)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// Imports `lines` (JSON Lines) through the façade, as `archive import` would.
func importJSONLines(_ lines: [String], name: String, into db: String, in directory: WebTemporaryDirectory) throws {
    let dump = directory.write(name, lines.joined(separator: "\n") + "\n")
    let archive = try Archive(path: db, mode: .write)
    defer { archive.close() }
    _ = try archive.importDumps([dump])
}

/// The archive every HTTP test reads: stories in three years, tags, a near-duplicate
/// pair, and an article whose every field is hostile.
enum WebFixture {
    static let lines = [
        #"{"title": "Harbour storm damages boats", "body": "High winds hit the coast overnight. Fishing boats in the harbour were damaged and two piers were closed.", "tags": ["Weather", "Coast"], "published": "2024-03-01 08:00", "url": "https://example.org/storm?a=1&b=2", "source": "Wire"}"#,
        #"{"title": "Council budget approved", "body": "The council met after the harbour storm and approved the budget for repairs to the piers.", "tags": ["Council"], "published": "2024-03-15"}"#,
        #"{"title": "Trade talks resume in Geneva", "body": "Negotiators met in Geneva to resume trade talks about tariffs on steel and grain.", "tags": ["Trade", "weather"], "published": "2023-04-02"}"#,
        #"{"title": "Solar farm opens on the reservoir", "body": "A floating solar farm opened on the old reservoir on Monday, the first of its kind in the region, and will power four thousand homes.", "tags": ["Energy"], "published": "2022-06-10"}"#,
        #"{"title": "Floating solar farm opens on reservoir", "body": "A floating solar farm opened on the old reservoir on Monday, the first of its kind in the region, and will power four thousand homes.", "tags": ["Energy"], "published": "2022-06-11"}"#,
        #"{"title": "Undated economy piece", "body": "The economy and economists and economic policy.", "tags": ["Economy"]}"#,
        #"{"title": "<script>alert('title')</script> Hostile harbour", "body": "\"><img src=x onerror=alert('body')> harbour <b>bold</b>", "tags": ["<i>tag</i>", "\"><svg onload=alert('tag')>"], "published": "2024-05-01", "url": "javascript:alert('url')", "source": "<script>src</script>"}"#,
    ]

    static func make(in directory: WebTemporaryDirectory) throws -> String {
        let db = directory.path("web.db")
        try importJSONLines(lines, name: "fixture.jsonl", into: db, in: directory)
        return db
    }
}

/// One HTTP answer.
struct WebResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
}

/// The real server on a free loopback port, in this process, reached over TCP with
/// URLSession; stopped by `stop()`.
final class RunningServer: Sendable {
    let port: Int
    private let server: WebServer
    private let task: Task<Void, any Error>
    private let session: URLSession

    static func start(_ configuration: ServeConfiguration) async throws -> RunningServer {
        var configuration = configuration
        configuration.port = 0
        let server = try WebServer(configuration: configuration, logger: .quiet)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task(executorPreference: ServerExecutor.shared) {
            defer { continuation.finish() }
            try await server.run(handlingSignals: false) { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw URLError(.cannotConnectToHost)
        }
        return RunningServer(port: port, server: server, task: task)
    }

    private init(port: Int, server: WebServer, task: Task<Void, any Error>) {
        self.port = port
        self.server = server
        self.task = task
        let configuration = URLSessionConfiguration.ephemeral
        // Not a limit any test asserts, only a margin: a request that truly hangs still
        // fails, after 10 minutes (a handler once waited past 60 s on the cooperative
        // threads, before the servers had threads of their own: ServerExecutor).
        configuration.timeoutIntervalForRequest = 600
        session = URLSession(configuration: configuration)
    }

    func url(_ path: String) -> URL { URL(string: "http://127.0.0.1:\(port)\(path)")! }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> WebResponse {
        var request = URLRequest(url: url(path))
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await send(request)
    }

    func post(_ path: String, form: String, headers: [String: String] = [:]) async throws -> WebResponse {
        var request = URLRequest(url: url(path))
        request.httpMethod = "POST"
        request.httpBody = Data(form.utf8)
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await send(request)
    }

    private func send(_ request: URLRequest) async throws -> WebResponse {
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers["\(name)"] = "\(value)" }
        return WebResponse(status: http.statusCode, headers: headers, body: data)
    }

    func stop() async throws {
        await server.stop()
        try await task.value
        session.invalidateAndCancel()
    }
}

/// Runs `body` against a server over the fixture archive (or `db`), always stopping it.
func withServer<T>(_ directory: WebTemporaryDirectory, db: String? = nil,
                   configure: (inout ServeConfiguration) -> Void = { _ in },
                   _ body: (RunningServer) async throws -> T) async throws -> T {
    let path = try db ?? WebFixture.make(in: directory)
    var configuration = ServeConfiguration(databasePath: path)
    // A margin like the client's timeout (an export was once cut at the 30 s limit, when
    // its handler waited on the cooperative threads). The test of that limit sets its own.
    configuration.idleTimeout = .seconds(600)
    configure(&configuration)
    let server = try await RunningServer.start(configuration)
    do {
        // The test's own requests, and its waits on them, off the cooperative threads too.
        let result = try await withTaskExecutorPreference(ServerExecutor.shared) { try await body(server) }
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// Collects an export's bytes in memory.
final class MemorySink: ByteSink {
    var bytes: [UInt8] = []
    func append(_ byte: UInt8) { bytes.append(byte) }
    func append(contentsOf buffer: UnsafeRawBufferPointer) { bytes.append(contentsOf: buffer) }
    func write(_ text: String) throws { bytes.append(contentsOf: text.utf8) }
    func flushIfFull() throws {}
}

import Logging

extension Logger {
    /// Warnings and errors only: the tests' output stays readable.
    static var quiet: Logger {
        var logger = Logger(label: "archive.serve.test")
        logger.logLevel = .warning
        return logger
    }
}

/// Percent-encodes a query parameter's value.
func encoded(_ text: String) -> String { QueryString.encode(text) }

/// Another program's connection holding an archive's exclusive lock (`BEGIN EXCLUSIVE`
/// on a file in rollback-journal mode): every reader is kept out until `release()`.
final class ExclusiveLockHolder {
    private var handle: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
              sqlite3_exec(handle, "BEGIN EXCLUSIVE", nil, nil, nil) == SQLITE_OK else {
            let message = String(cString: sqlite3_errmsg(handle))
            sqlite3_close_v2(handle)
            throw LockError(message: message)
        }
    }

    struct LockError: Error { let message: String }

    static func setJournalMode(_ mode: String, path: String) throws {
        let holder = try ExclusiveLockHolder(path: path)
        sqlite3_exec(holder.handle, "ROLLBACK", nil, nil, nil)
        guard sqlite3_exec(holder.handle, "PRAGMA journal_mode = \(mode)", nil, nil, nil) == SQLITE_OK else {
            throw LockError(message: String(cString: sqlite3_errmsg(holder.handle)))
        }
        holder.release()
    }

    func release() {
        sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
        sqlite3_close_v2(handle)
        handle = nil
    }

    deinit { if handle != nil { release() } }
}
