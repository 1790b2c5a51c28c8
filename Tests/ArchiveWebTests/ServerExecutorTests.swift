import Dispatch
import Foundation
import Testing

/// The web tests rely on their servers making progress whatever the other suites do
/// with the cooperative threads (ServerExecutor); this holds all of those threads and
/// asks for a page.
@Suite("Web tests: servers on threads of their own")
struct ServerExecutorTests {
    @Test("a server answers while every thread of the cooperative pool is held")
    func answersWhilePoolIsHeld() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            // The pool has one thread per core; each of these holds one until released.
            let width = ProcessInfo.processInfo.activeProcessorCount
            let holding = DispatchSemaphore(value: 0)
            let release = DispatchSemaphore(value: 0)
            for _ in 0..<width {
                Task.detached {
                    holding.signal()
                    release.wait()
                }
            }
            // This waits on one of ServerExecutor's threads, never on the pool's. Other
            // suites may hold the pool for minutes first; a wait that never ends (this
            // body on the pool itself) fails instead of hanging the run.
            let allHeld = (0..<width).allSatisfy { _ in holding.wait(timeout: .now() + 600) == .success }
            defer { for _ in 0..<width { release.signal() } }
            try #require(allHeld, "the cooperative pool's threads were not all taken within 10 minutes")
            let answer = try await server.get("/api/search?q=harbour&limit=1")
            #expect(answer.status == 200)
            #expect((try answer.json() as? [String: Any])?["total"] as? Int == 3)
        }
    }
}
