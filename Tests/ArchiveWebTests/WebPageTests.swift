import ArchiveCore
import Foundation
import Testing
@testable import ArchiveWeb

/// Every page and API route of the real server, over TCP, against a real archive file.
@Suite("Web: pages and API")
struct WebPageTests {
    @Test("search page: hits with marked snippets, facets with counts, paging, export links; no query: newest")
    func searchPage() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let page = try await server.get("/?q=harbour")
            #expect(page.status == 200)
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(page.text.contains(">Harbour storm damages boats</a>"))
            #expect(page.text.contains("<mark>harbour</mark>"))
            #expect(page.text.contains("3 articles"))
            // Facets of this query: Weather on one harbour article here (the other Weather is trade talks).
            #expect(page.text.contains(#"<ul id="tag-facets">"#))
            #expect(page.text.contains(#"tag=Council">Council</a> 1</li>"#))
            #expect(page.text.contains(#"since=2024&amp;until=2024">2024</a> 3</li>"#))
            #expect(page.text.contains(#"href="/export.csv?q=harbour""#))
            #expect(page.text.contains(#"href="/export.jsonl?q=harbour""#))

            let paged = try await server.get("/?q=harbour&limit=1")
            #expect(paged.text.contains(#"href="/?q=harbour&amp;limit=1&amp;offset=1""#))
            let second = try await server.get("/?q=harbour&limit=1&offset=1")
            #expect(second.text.contains("showing 2–2"))
            #expect(second.text.contains(#"rel="prev""#))

            let filtered = try await server.get("/?q=harbour&tag=council")
            #expect(filtered.text.contains("1 article;"))
            #expect(filtered.text.contains(#"<ul id="filters">"#))

            let newest = try await server.get("/")
            #expect(newest.text.contains("<h1>Newest articles</h1>"))
            let order = ["Hostile harbour", "Council budget approved", "Harbour storm damages boats", "Trade talks resume"]
            let positions = order.map { newest.text.range(of: $0)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil })
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "newest first")
            #expect(newest.text.contains(#"<ul id="year-facets">"#))

            let years = try await server.get("/?since=2023&until=2023")
            #expect(years.text.contains("1 article;"))
            #expect(years.text.contains("Trade talks resume"))
        }
    }

    @Test("/api/search: the CLI's hit objects, total, and next until the last page; filters and all_versions")
    func searchAPI() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let answer = try await server.get("/api/search?q=harbour&limit=2")
            #expect(answer.status == 200)
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            let object = try #require(try answer.json() as? [String: Any])
            let hits = try #require(object["hits"] as? [[String: Any]])
            #expect(hits.count == 2)
            #expect(Set(hits[0].keys) == ["id", "title", "published", "tags", "snippet", "rank", "url", "source", "authors"])
            #expect((hits[0]["snippet"] as? String)?.contains("**") == true)
            #expect(object["total"] as? Int == 3)
            let next = try #require(object["next"] as? String)
            #expect(next == "/api/search?q=harbour&limit=2&offset=2")
            let last = try #require(try await server.get(next).json() as? [String: Any])
            #expect((last["hits"] as? [Any])?.count == 1)
            #expect(last["next"] is NSNull)

            // The same hits the façade gives (the CLI's `search --format json`).
            let archive = try Archive(path: directory.path("web.db"), mode: .read)
            defer { archive.close() }
            let expected = try archive.search(try ArticleFilter(query: SearchQuery("harbour")), limit: 2).hits
            #expect(expected.count == 2)
            for hit in expected { #expect(answer.text.contains(try WireJSON.string(hit))) }

            let tagged = try #require(try await server.get("/api/search?q=harbour&tag=Weather").json() as? [String: Any])
            #expect(tagged["total"] as? Int == 1)
            let dated = try #require(try await server.get("/api/search?q=harbour&since=2024-03-10&until=2024-03").json() as? [String: Any])
            #expect(((dated["hits"] as? [[String: Any]])?.first?["title"] as? String) == "Council budget approved")

            let canonical = try #require(try await server.get("/api/search?q=reservoir").json() as? [String: Any])
            let everyVersion = try #require(try await server.get("/api/search?q=reservoir&all_versions=1").json() as? [String: Any])
            #expect(canonical["total"] as? Int == 1)
            #expect(everyVersion["total"] as? Int == 2)

            let newest = try #require(try await server.get("/api/search?limit=1").json() as? [String: Any])
            let first = try #require((newest["hits"] as? [[String: Any]])?.first)
            #expect(first["rank"] is NSNull)
            #expect(newest["total"] as? Int == 6)
        }
    }

    @Test("--count-limit: past it the total is null (\"more than N\" on the page), next pages still come, years of the newest N")
    func countLimit() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory, configure: { $0.countLimit = 2 }) { server in
            // harbour matches 3 articles: past the limit of 2.
            let broad = try #require(try await server.get("/api/search?q=harbour&limit=1").json() as? [String: Any])
            #expect(broad["total"] is NSNull)
            #expect(broad["next"] as? String == "/api/search?q=harbour&limit=1&offset=1")
            let last = try #require(try await server.get("/api/search?q=harbour&limit=1&offset=2").json() as? [String: Any])
            #expect((last["hits"] as? [Any])?.count == 1)
            #expect(last["next"] as? String == "/api/search?q=harbour&limit=1&offset=3")
            let beyond = try #require(try await server.get("/api/search?q=harbour&limit=1&offset=3").json() as? [String: Any])
            #expect((beyond["hits"] as? [Any])?.isEmpty == true)
            #expect(beyond["next"] is NSNull)
            // Within the limit the total is exact.
            let narrow = try #require(try await server.get("/api/search?q=reservoir&all_versions=1").json() as? [String: Any])
            #expect(narrow["total"] as? Int == 2)

            let page = try await server.get("/?q=harbour")
            #expect(page.text.contains("More than 2 articles"))
            #expect(page.text.contains("id=\"year-sample\">among the newest 2 articles"))
            let exact = try await server.get("/?q=reservoir&all_versions=1")
            #expect(exact.text.contains("2 articles"))
            #expect(!exact.text.contains("year-sample"))
        }
        // Without a limit every match is counted.
        try await withServer(WebTemporaryDirectory(), configure: { $0.countLimit = nil }) { server in
            let all = try #require(try await server.get("/api/search?q=harbour&limit=1").json() as? [String: Any])
            #expect(all["total"] as? Int == 3)
        }
    }

    @Test("raw=1: FTS5 syntax as `archive search --raw` (phrases, OR), kept by the paging links; a syntax error is a 400")
    func rawQueries() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            func total(_ path: String) async throws -> Int? {
                (try await server.get(path).json() as? [String: Any])?["total"] as? Int
            }
            // A phrase holds its words in its order; plain mode wants each word anywhere.
            #expect(try await total("/api/search?q=%22storm+harbour%22") == 2)
            #expect(try await total("/api/search?q=%22storm+harbour%22&raw=1") == 0)
            #expect(try await total("/api/search?q=%22harbour+storm%22&raw=1") == 2)
            #expect(try await total("/api/search?q=geneva+OR+reservoir&raw=1") == 2)
            let next = try #require(try await server.get("/api/search?q=harbour+OR+geneva&raw=1&limit=1").json() as? [String: Any])
            #expect(next["next"] as? String == "/api/search?q=harbour%20OR%20geneva&raw=1&limit=1&offset=1")
            let wrong = try await server.get("/api/search?q=%22unclosed&raw=1")
            #expect(wrong.status == 400)
            #expect(((try wrong.json() as? [String: Any])?["error"] as? String)?.contains("invalid search query") == true)
            let page = try await server.get("/?q=%22harbour+storm%22&raw=1")
            #expect(page.text.contains("name=\"raw\" value=\"1\" checked"))
        }
    }

    @Test("article page and /api/articles: the article, its metadata, sightings, versions with a word diff; 404 when unknown")
    func articles() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let archive = try Archive(path: directory.path("web.db"), mode: .read)
            defer { archive.close() }
            let reservoir = try archive.search(try ArticleFilter(query: SearchQuery("reservoir"), allVersions: true), limit: 2).hits
            let id = try #require(reservoir.first?.id)
            let article = try #require(try archive.article(id: id))
            #expect(!article.versions.isEmpty, "the fixture's two solar stories are versions of one story")

            let json = try await server.get("/api/articles/\(id)")
            #expect(json.status == 200)
            #expect(json.text == (try WireJSON.string(article)) + "\n")

            let page = try await server.get("/articles/\(id)")
            #expect(page.status == 200)
            #expect(page.text.contains(#"<h1 id="title">\#(article.title)</h1>"#))
            #expect(page.text.contains(#"<table id="sightings">"#))
            #expect(page.text.contains("fixture.jsonl"))
            #expect(page.text.contains(#"<div id="versions">"#))
            #expect(page.text.contains("<del>") || page.text.contains("<ins>"), "the titles differ, word by word")

            let storm = try #require(try archive.search(try ArticleFilter(query: SearchQuery("storm damages")), limit: 1).hits.first)
            let stormPage = try await server.get("/articles/\(storm.id)")
            #expect(stormPage.text.contains(#"<a href="https://example.org/storm?a=1&amp;b=2" rel="noopener noreferrer nofollow">"#))

            let missing = try await server.get("/api/articles/99999")
            #expect(missing.status == 404)
            #expect((try missing.json() as? [String: Any])?["error"] as? String == "no article with id 99999")
            #expect(try await server.get("/articles/99999").status == 404)
            #expect(try await server.get("/articles/abc").status == 404)
            #expect(try await server.get("/no/such/page").status == 404)
        }
    }

    @Test("stories page by page: the range shown, previous and next links, a bad offset is a 400")
    func storyPaging() async throws {
        let directory = WebTemporaryDirectory()
        let db = directory.path("stories.db")
        // Three stories: the first with three versions, the others with two.
        let texts = ["The river council voted to rebuild the old stone bridge after the spring floods damaged its arches and closed the road to the market town for weeks",
                     "Farmers in the valley said the dry summer had cut the grain harvest by a third and asked the ministry for help with feed prices before winter",
                     "The museum reopened its library wing with a new reading room, after two years of repairs paid for by a local trust and a national lottery grant"]
        var lines: [String] = []
        for (index, text) in texts.enumerated() {
            for version in 0..<(index == 0 ? 3 : 2) {
                lines.append(#"{"title": "Story \#(index) version \#(version)", "body": "\#(text) \#(String(repeating: "!", count: version)).", "published": "2024-01-0\#(index + 1)"}"#)
            }
        }
        try importJSONLines(lines, name: "stories.jsonl", into: db, in: directory)
        let archive = try Archive(path: db, mode: .read)
        let all = try archive.stories()
        #expect(all.map(\.members.count) == [3, 2, 2])
        #expect(try archive.stories(limit: 1, offset: 1) == [all[1]])
        archive.close()
        try await withServer(directory, db: db) { server in
            let first = try await server.get("/stories")
            #expect(first.text.contains("stories 1 to 3"))
            #expect(!first.text.contains(#"rel="next""#) && !first.text.contains(#"rel="prev""#))
            let second = try await server.get("/stories?offset=1")
            #expect(second.status == 200)
            #expect(second.text.contains("stories 2 to 3"))
            #expect(second.text.contains(#"<a rel="prev" href="/stories?offset=0">"#))
            #expect(!second.text.contains("Story 0 version 0"))
            #expect(try await server.get("/stories?offset=9").text.contains("No stories this far"))
            #expect(try await server.get("/stories?offset=-1").status == 400)
            #expect(try await server.get("/stories?offset=x").status == 400)
        }
    }

    @Test("stories, stats (with both charts), healthz, the stylesheet and the security headers")
    func overviews() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let stories = try await server.get("/stories")
            #expect(stories.status == 200)
            #expect(stories.text.contains(#"<table id="stories">"#))
            #expect(stories.text.contains("olar farm opens on"))

            let stats = try await server.get("/stats")
            #expect(stats.status == 200)
            #expect(stats.text.contains(#"<th>articles</th><td>7</td>"#))
            #expect(stats.text.contains(#"<svg id="per-month""#))
            #expect(stats.text.contains("<title>2024-03: 2</title>"))
            #expect(stats.text.contains(#"<svg id="top-tags""#))

            let health = try await server.get("/healthz")
            #expect(health.status == 200)
            #expect(health.text == "ok")
            let css = try await server.get("/style.css")
            #expect(css.header("Content-Type")?.hasPrefix("text/css") == true)

            let policy = try #require(stats.header("Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            #expect(!policy.contains("script-src"), "no script may run at all")
            #expect(stats.header("X-Content-Type-Options") == "nosniff")
        }
    }

    @Test("exports stream the bytes Archive.export writes for the same filters, CSV and JSON Lines")
    func exports() async throws {
        let directory = WebTemporaryDirectory()
        try await withServer(directory) { server in
            let archive = try Archive(path: directory.path("web.db"), mode: .read)
            defer { archive.close() }
            let cases: [(String, ArticleFilter)] = [
                ("", try ArticleFilter()),
                ("q=harbour", try ArticleFilter(query: SearchQuery("harbour"))),
                ("q=harbour&tag=weather", try ArticleFilter(query: SearchQuery("harbour"), tags: ["weather"])),
                ("since=2023&until=2024-03", try ArticleFilter(since: "2023", until: "2024-03")),
                ("q=reservoir&all_versions=1", try ArticleFilter(query: SearchQuery("reservoir"), allVersions: true)),
            ]
            for (parameters, filter) in cases {
                for (path, format) in [("/export.csv", ExportFormat.csv), ("/export.jsonl", .jsonl)] {
                    let expected = MemorySink()
                    try archive.export(filter, as: format, to: expected)
                    let got = try await server.get(parameters.isEmpty ? path : path + "?" + parameters)
                    #expect(got.status == 200)
                    #expect(Array(got.body) == expected.bytes, "\(path)?\(parameters)")
                    #expect(got.header("Content-Disposition")?.hasPrefix("attachment") == true)
                }
            }
        }
    }

    @Test("a large export streams in many chunks and still equals Archive.export")
    func largeExport() async throws {
        let directory = WebTemporaryDirectory()
        let db = directory.path("large.db")
        let filler = String(repeating: "words of a long body ", count: 40)
        let lines = (0..<600).map { #"{"title": "Story number \#($0)", "body": "Story \#($0): \#(filler)", "tags": ["Bulk"]}"# }
        try importJSONLines(lines, name: "large.jsonl", into: db, in: directory)
        try await withServer(directory, db: db) { server in
            let archive = try Archive(path: db, mode: .read)
            defer { archive.close() }
            let expected = MemorySink()
            try archive.export(try ArticleFilter(), as: .jsonl, to: expected)
            #expect(expected.bytes.count > 4 * ChunkPipe.chunkSize, "more chunks than the pipe holds at once")
            let got = try await server.get("/export.jsonl")
            #expect(Array(got.body) == expected.bytes)
        }
    }
}
