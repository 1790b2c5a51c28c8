import ArchiveCore
import Foundation
import Testing
@testable import ArchiveWeb
#if canImport(Glibc)
import Glibc
#endif

/// Clients that ask for an export and then take nothing must not hold the server's
/// worker threads for ever.
@Suite("Web: slow clients")
struct SlowClientTests {
    /// Asks for `path` on a socket whose receive buffer is tiny, and never reads: the
    /// server's send buffer fills at once and its writer waits on the client.
    static func stalledRequest(_ path: String, port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        var size: Int32 = 2_048
        setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        // A server that never answers fails the test instead of hanging it.
        var patience = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &patience, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        #expect(send(socket, request, request.count, 0) == request.count)
        // The status line comes with the first chunk: the export is running on a worker.
        var head = [UInt8](repeating: 0, count: 12)
        #expect(recv(socket, &head, head.count, Int32(MSG_WAITALL)) == head.count)
        #expect(String(decoding: head, as: UTF8.self) == "HTTP/1.1 200")
        return socket
    }

    @Test("more clients than workers stall on exports: each is given up after the stall limit, and searches answer")
    func stalledExports() async throws {
        let directory = WebTemporaryDirectory()
        let db = directory.path("big.db")
        // About 16 MB of CSV: far more than a socket's buffers hold for a reader who takes nothing.
        let filler = String(repeating: "The harbour board met again about the piers and the ferry timetable. ", count: 110)
        try importJSONLines((0..<2_000).map { #"{"title": "Harbour report \#($0)", "body": "\#($0) \#(filler)"}"# },
                            name: "big.jsonl", into: db, in: directory)
        try await withServer(directory, db: db, configure: {
            $0.workerThreads = 2
            $0.idleTimeout = .seconds(1)
        }) { server in
            // Each export starts (its status line arrives) only on a free worker: the
            // third one proves that a worker held by a stalled client was given back.
            let sockets = try (0..<3).map { _ in try Self.stalledRequest("/export.csv?all_versions=1", port: server.port) }
            defer { for socket in sockets { close(socket) } }
            let search = try await server.get("/api/search?q=harbour&limit=1")
            #expect(search.status == 200)
            // The bodies are alike: all but one article are versions of one story.
            let export = try await server.get("/export.csv?q=%22report+1999%22&all_versions=1")
            #expect(export.status == 200)
            #expect(export.text.contains("Harbour report 1999"))
        }
    }
}
