import ArchiveCore
import Foundation
import Testing
@testable import ArchiveWeb

/// The server's safety rules: the token, escaping of hostile text, the SQL guard and
/// time limit, bounded inputs, and reading while an import writes.
@Suite("Web: safety")
struct WebSafetyTests {
    static let token = "s3cret-Token_42"

    @Test("a non-loopback host without a token is refused before anything listens; loopback needs none")
    func tokenRule() throws {
        let directory = WebTemporaryDirectory()
        let db = try WebFixture.make(in: directory)
        for host in ["0.0.0.0", "192.0.2.7", "::", "example.org"] {
            #expect(throws: ServeRefusal.tokenNeeded(host: host)) {
                _ = try WebServer(configuration: ServeConfiguration(databasePath: db, host: host))
            }
        }
        #expect(throws: ServeRefusal.weakToken) {
            _ = try WebServer(configuration: ServeConfiguration(databasePath: db, host: "0.0.0.0", token: "short"))
        }
        #expect(ServeRefusal.tokenNeeded(host: "0.0.0.0").description.contains("--token"))
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { #expect(ServeConfiguration.isLoopback(host)) }
        _ = try WebServer(configuration: ServeConfiguration(databasePath: db, host: "0.0.0.0", token: Self.token))
    }

    @Test("with a token: 401 without it or with a wrong one, 200 with the bearer or the login cookie; /healthz open")
    func tokenRequired() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory, configure: { $0.token = Self.token }) { server in
            let page = try await server.get("/")
            #expect(page.status == 401)
            #expect(page.text.contains(#"<form method="post" action="/login">"#))
            let api = try await server.get("/api/search?q=harbour")
            #expect(api.status == 401)
            #expect((try api.json() as? [String: Any])?["error"] != nil)
            #expect(try await server.get("/export.csv").status == 401)
            #expect(try await server.get("/api/sql?sql=SELECT+1").status == 401)
            #expect(try await server.get("/api/search?q=harbour", headers: ["Authorization": "Bearer wrong-token"]).status == 401)
            #expect(try await server.get("/api/search?q=harbour", headers: ["Authorization": "Bearer \(Self.token)"]).status == 200)
            #expect(try await server.get("/healthz").status == 200)

            #expect(try await server.get("/", headers: ["Cookie": "archive_token=nope"]).status == 401)
            #expect(try await server.get("/", headers: ["Cookie": "archive_token=\(Self.token)"]).status == 200)
            #expect(try await server.post("/login", form: "token=wrong-token").status == 401)
            // The right token: a cookie, and the redirect to / that follows it is let in.
            let loggedIn = try await server.post("/login", form: "token=\(encoded(Self.token))")
            #expect(loggedIn.status == 200)
            #expect(loggedIn.text.contains("<h1>Newest articles</h1>"))
        }
    }

    @Test("hostile titles, bodies, tags, sources, URLs, queries and SQL results are shown as text; only http(s) links")
    func escaping() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let archive = try Archive(path: directory.path("web.db"), mode: .read)
            defer { archive.close() }
            let hostile = try #require(try archive.search(try ArticleFilter(query: SearchQuery("hostile")), limit: 1).hits.first)
            var pages: [(String, WebResponse)] = []
            for path in ["/?q=harbour", "/", "/?q=hostile", "/articles/\(hostile.id)", "/stats", "/?tag=%3Ci%3Etag%3C%2Fi%3E"] {
                pages.append((path, try await server.get(path)))
            }
            let echoed = "<script>alert('q')</script>\"><img src=x onerror=alert('q')>"
            pages.append(("query echo", try await server.get("/?q=" + encoded(echoed))))
            pages.append(("sql", try await server.get("/sql?sql=" + encoded(#"SELECT '<script>alert(1)</script>' AS "<img src=x onerror=alert(2)>", title, tags, url FROM articles"#))))
            for (name, page) in pages {
                #expect(page.status == 200, "\(name)")
                let html = page.text
                #expect(!html.contains("<script"), "\(name)")
                #expect(!html.contains("<img"), "\(name)")
                #expect(!html.contains("<svg onload"), "\(name)")
                #expect(!html.contains("<i>tag"), "\(name)")
                #expect(!html.contains("<b>bold"), "\(name)")
                #expect(!html.contains("href=\"javascript:"), "\(name)")
            }
            let article = try #require(pages.first { $0.0.hasPrefix("/articles/") }?.1.text)
            #expect(article.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Hostile harbour"))
            #expect(article.contains("&quot;&gt;&lt;img src=x onerror=alert(&#39;body&#39;)&gt;"))
            #expect(article.contains(#"<td id="url">javascript:alert(&#39;url&#39;)</td>"#), "shown, not linked")
            #expect(article.contains("&lt;i&gt;tag&lt;/i&gt;"))
            let query = try #require(pages.first { $0.0 == "query echo" }?.1.text)
            #expect(query.contains("value=\"&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;&quot;&gt;&lt;img"))
            let sql = try #require(pages.first { $0.0 == "sql" }?.1.text)
            #expect(sql.contains("<th>&lt;img src=x onerror=alert(2)&gt;</th>"))
            #expect(sql.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
            #expect(SafeLink.isFollowable("https://example.org/x"))
            for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x", "/relative", "http://"] {
                #expect(!SafeLink.isFollowable(url), "\(url)")
            }
        }
    }

    @Test("SQL: a write is refused (400) and the archive is untouched; rows as the CLI's JSON and CSV; the page shows a table")
    func sqlGuard() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory, configure: { $0.sqlPageRows = 10 }) { server in
            for statement in ["DELETE FROM articles", "DROP TABLE articles", "UPDATE articles SET title = 'x'",
                              "ATTACH DATABASE '/tmp/x.db' AS x", "PRAGMA journal_mode = DELETE", "INSERT INTO articles(title) VALUES ('x')"] {
                let refused = try await server.get("/api/sql?sql=" + encoded(statement))
                #expect(refused.status == 400, "\(statement)")
                #expect(((try refused.json() as? [String: Any])?["error"] as? String)?.hasPrefix("refused") == true, "\(statement)")
                let page = try await server.get("/sql?sql=" + encoded(statement))
                #expect(page.status == 400)
                #expect(page.text.contains(#"<p class="error" id="sql-error">refused"#))
            }
            #expect(try await server.get("/api/sql?sql=" + encoded("SELEC nonsense")).status == 400)
            #expect(try await server.get("/api/sql").status == 400)

            let rows = try await server.get("/api/sql?sql=" + encoded("SELECT id, title FROM articles WHERE id <= 2 ORDER BY id"))
            #expect(rows.status == 200)
            #expect(rows.text == "[\n{\"id\":1,\"title\":\"Harbour storm damages boats\"},\n{\"id\":2,\"title\":\"Council budget approved\"}\n]\n")
            #expect(try await server.get("/api/sql?sql=" + encoded("SELECT 1 WHERE 0")).text == "[]\n")
            let csv = try await server.get("/sql.csv?sql=" + encoded("SELECT id, title FROM articles WHERE id <= 2 ORDER BY id"))
            #expect(csv.text == "id,title\r\n1,Harbour storm damages boats\r\n2,Council budget approved\r\n")
            let page = try await server.get("/sql?sql=" + encoded("SELECT count(*) AS n FROM articles"))
            #expect(page.text.contains("<th>n</th></tr><tr><td>7</td></tr>"))
            #expect(page.text.contains(#"href="/sql.csv?sql=SELECT%20count%28%2A%29%20AS%20n%20FROM%20articles""#))
            let cut = try await server.get("/sql?sql=" + encoded("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 50) SELECT x FROM c"))
            #expect(cut.text.contains(#"<p class="meta" id="cut">Only the first 10 rows"#))
        } 
        let archive = try Archive(path: directory.path("web.db"), mode: .read)
        defer { archive.close() }
        #expect(try archive.count(try ArticleFilter(allVersions: true)) == 7)
    }

    @Test("a runaway query is stopped at the time limit while /healthz and a search still answer")
    func sqlTimeLimit() async throws {
        let directory = WebTemporaryDirectory()
        let gate = Gate()
        try await withServer(directory, configure: {
            $0.sqlTimeLimit = .milliseconds(300)
            $0.statementAccepted = { gate.arriveAndWait() }
        }) { server in
            let runaway = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c"
            let stopped = Task(executorPreference: ServerExecutor.shared) { try await server.get("/api/sql?sql=" + encoded(runaway)) }
            // The statement is accepted and held on its worker: the requests below overlap it for certain.
            await gate.arrival()
            #expect(try await server.get("/healthz").status == 200)
            #expect(try await server.get("/api/search?q=harbour").status == 200)
            gate.release()
            let answer = try await stopped.value
            #expect(answer.status == 400)
            #expect(((try answer.json() as? [String: Any])?["error"] as? String)?.contains("time limit of 0.3 s") == true)
            // The runaway's connection was given back: SQL still runs.
            #expect(try await server.get("/api/sql?sql=SELECT+1+AS+one").text == "[\n{\"one\":1}\n]\n")
        }
    }

    @Test("bounded inputs: 400 for a long query, a bad limit, offset or date; 413 for a large body or URL")
    func limits() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            for path in ["/api/search?q=" + String(repeating: "a", count: 501), "/api/search?q=x&limit=0", "/api/search?q=x&limit=101",
                         "/api/search?q=x&offset=-1", "/api/search?q=x&offset=10001", "/api/search?q=x&since=tomorrow",
                         "/api/search?q=%21%21%21", "/export.csv?until=2024-13"] {
                let answer = try await server.get(path)
                #expect(answer.status == 400, "\(path)")
                #expect((try answer.json() as? [String: Any])?["error"] is String, "\(path)")
            }
            #expect(try await server.get("/?q=x&limit=abc").status == 400)
            let body = try await server.post("/login", form: "token=" + String(repeating: "x", count: 5000))
            #expect(body.status == 413)
            // Under the decoder's limit the router's check answers; over it, the channel's.
            for size in [12 * 1024, 40 * 1024] {
                let url = try await server.get("/api/search?q=x&pad=" + String(repeating: "y", count: size))
                #expect(url.status == 413, "a URL of \(size) bytes")
                #expect(((try url.json() as? [String: Any])?["error"] as? String)?.contains("too") == true, "a URL of \(size) bytes")
            }
            #expect(try await server.get("/healthz").status == 200, "the server still answers")
        }
    }

    @Test("503 with a JSON error while another program holds the archive locked beyond the wait; answers again after")
    func busyArchive() async throws {
        let directory = WebTemporaryDirectory()
        let db = try WebFixture.make(in: directory)
        // In WAL mode (every archive `archive import` writes) only a WAL recovery keeps
        // readers out, and a test cannot hold one still. In rollback-journal mode a
        // writer's exclusive lock does, and SQLite reports busy to the readers the same way.
        try ExclusiveLockHolder.setJournalMode("DELETE", path: db)
        try await withServer(directory, db: db, configure: { $0.busyTimeout = .milliseconds(200) }) { server in
            #expect(try await server.get("/api/search?q=harbour").status == 200)
            let holder = try ExclusiveLockHolder(path: db)
            for path in ["/api/search?q=storm", "/api/articles/1", "/api/sql?sql=SELECT+count(*)+FROM+articles", "/?q=storm"] {
                let answer = try await server.get(path)
                #expect(answer.status == 503, "\(path)")
                #expect(answer.text.contains("the archive is busy; try again shortly"), "\(path)")
            }
            #expect(try await server.get("/healthz").status == 200)
            holder.release()
            #expect(try await server.get("/api/search?q=storm").status == 200)
        }
    }

    @Test("serving while an import writes: a new article is found without a restart")
    func importWhileServing() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let before = try #require(try await server.get("/api/search?q=zeppelin").json() as? [String: Any])
            #expect(before["total"] as? Int == 0)
            try importJSONLines([#"{"title": "Zeppelin lands in the harbour", "body": "A zeppelin landed in the harbour at dawn.", "tags": ["Air"], "published": "2024-06-01"}"#],
                                name: "later.jsonl", into: directory.path("web.db"), in: directory)
            let after = try #require(try await server.get("/api/search?q=zeppelin").json() as? [String: Any])
            #expect(after["total"] as? Int == 1)
            #expect(try await server.get("/").text.contains("Zeppelin lands in the harbour"))
            #expect(try await server.get("/export.csv?q=zeppelin").text.contains("Zeppelin lands"))
        }
    }
}

/// Holds the first worker thread that arrives at a point until the test lets it go, and
/// tells the test when it has arrived; later arrivals pass.
final class Gate: @unchecked Sendable {
    // Safe: `used` is read and written only with `lock` held; the semaphores are thread-safe.
    private let lock = NSLock()
    private var used = false
    private let arrived = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    /// On the worker thread.
    func arriveAndWait() {
        lock.lock()
        let first = !used
        used = true
        lock.unlock()
        guard first else { return }
        arrived.signal()
        released.wait()
    }

    /// In the test: waits (off the test's own thread) until the worker has arrived.
    func arrival() async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.arrived.wait()
                continuation.resume()
            }
        }
    }

    func release() { released.signal() }
}
