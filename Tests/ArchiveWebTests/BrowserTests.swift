import ArchiveCore
import Foundation
import Testing
@testable import ArchiveWeb

/// A real browser on the real server: headless Chromium (Debian's `chromium`) loads the
/// search page, submits a query (the form is GET, so submitting it is loading its URL),
/// opens an article from the results, and reads what is on screen from the rendered DOM.
/// Screenshots are taken each time; with ARCHIVE_SCREENSHOTS=1 they are saved to
/// docs/screenshots/ (`make screenshots`), which the README shows.
@Suite("Web: in a browser")
struct BrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("search, submit a query, open an article: what a person sees",
          .enabled(if: chromium != nil, "headless Chromium is not installed: run `scripts/ensure-deps.sh test` as root (apt-get install -y chromium)"))
    func searchAndOpen() async throws {
        let directory = WebTemporaryDirectory()
        let db = directory.path("sample.db")
        let archive = try Archive(path: db, mode: .write)
        _ = try archive.importDumps([Self.packageRoot.appendingPathComponent("samples/sample-dump.txt").path])
        archive.close()
        let browser = Browser(path: try #require(Self.chromium), profile: directory.path("profile"))
        let shots = directory.path("screenshots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)

        try await withServer(directory, db: db) { server in
            let home = try await browser.dom(server.url("/"))
            #expect(home.contains("<h1>Newest articles</h1>"))
            #expect(home.contains(#"<input type="search" name="q""#))

            // What submitting the form with "solar reservoir" typed in loads.
            let searchURL = server.url("/?q=solar+reservoir&since=&until=")
            let results = try await browser.dom(searchURL)
            #expect(results.contains("Harbour city opens its first floating solar farm on the old reservoir."))
            #expect(results.contains("<mark>solar</mark>"))
            let articlePath = try #require(results.firstMatch(of: /href="(\/articles\/\d+)"/).map { String($0.1) })

            let article = try await browser.dom(server.url(articlePath))
            #expect(article.contains(#"<h1 id="title">Harbour city opens its first floating solar farm on the old reservoir.</h1>"#))
            #expect(article.contains("sample-dump.txt"))

            try await browser.screenshot(searchURL, to: shots + "/search.png")
            try await browser.screenshot(server.url(articlePath), to: shots + "/article.png")
            try await browser.screenshot(server.url("/stats"), to: shots + "/stats.png")
        }
        for name in ["search.png", "article.png", "stats.png"] {
            let bytes = try #require(FileManager.default.contents(atPath: shots + "/" + name))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG")
            if ProcessInfo.processInfo.environment["ARCHIVE_SCREENSHOTS"] == "1" {
                let folder = Self.packageRoot.appendingPathComponent("docs/screenshots")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let target = folder.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(atPath: shots + "/" + name, toPath: target.path)
            }
        }
    }
}

/// Headless Chromium, run once per page.
struct Browser {
    let path: String
    let profile: String

    func dom(_ url: URL) async throws -> String {
        String(decoding: try await run(["--dump-dom", url.absoluteString]), as: UTF8.self)
    }

    func screenshot(_ url: URL, to file: String) async throws {
        _ = try await run(["--screenshot=\(file)", "--window-size=1100,760", "--hide-scrollbars", url.absoluteString])
    }

    /// Runs Chromium to its end on a thread of its own, not one of the test's pool.
    private func run(_ arguments: [String]) async throws -> Data {
        let executable = URL(fileURLWithPath: path)
        let fullArguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(profile)"] + arguments
        let (data, status) = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<(Data, Int32), any Error>) in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = executable
                process.arguments = fullArguments
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                    // Read while it runs: a DOM larger than the pipe's buffer would otherwise stall it.
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: (data, process.terminationStatus))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        #expect(status == 0, "chromium \(arguments.last ?? "")")
        return data
    }
}
