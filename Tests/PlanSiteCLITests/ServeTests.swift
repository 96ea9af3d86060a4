import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `plansite serve` end to end: the built binary on a temporary copy of the seed
/// fixture site, so edits here never touch the repository's own files.
/// Every wait is bounded, so even a failing run ends well inside 30 s.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ServeTests {
    @Test func servesRebuildsShowsErrorsRecoversAndStopsOnCtrlC() async throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeTestSupport.launch(["serve", "--port", "0"], in: folder)
        defer { server.stop() }
        let base = try await server.waitForLine(containing: "Serving ", timeout: 10)
            .split(separator: " ")[1].description

        let first = try await fetch(base)
        #expect(first.status == 200)
        #expect(first.body.contains("data-plansite-preview"))

        // An edit shows up within 2 s: 100 ms polling plus one debug build.
        let home = folder.appendingPathComponent("content/priority.md")
        try replace("title: ", with: "title: Zebra crossing ", in: home)
        let edited = try await poll(base, within: 2) { $0.status == 200 && $0.body.contains("Zebra crossing") }
        #expect(edited != nil, "edited title not served within 2 s")

        // A warning, which CI's strict check refuses, shows on every page with its file and line.
        let original = try String(contentsOf: home, encoding: .utf8)
        try (original + "\nThe the figures are new.\n").write(to: home, atomically: true, encoding: .utf8)
        let warned = try await poll(base, within: 4) { $0.body.contains("Preview: 1 warning") }
        #expect(warned?.status == 200)
        #expect(warned?.body.contains("content/priority.md:") == true)
        #expect(warned?.body.contains("plansite check --strict") == true)
        try original.write(to: home, atomically: true, encoding: .utf8)
        let clean = try await poll(base, within: 4) { $0.status == 200 && !$0.body.contains("Preview: ") }
        #expect(clean != nil, "the banner stayed after the warning was fixed")

        // A broken file gives the error page, with the user's text escaped.
        let broken = folder.appendingPathComponent("content/pages/broken.md")
        try "---\ntitle: Broken\nsummary: x\norder: <script>alert(1)</script>\n---\nText\n".write(
            to: broken, atomically: true, encoding: .utf8)
        let failed = try await poll(base, within: 4) { $0.status == 500 }
        #expect(failed?.body.contains("Build failed") == true)
        #expect(failed?.body.contains("content/pages/broken.md") == true)
        #expect(failed?.body.contains("&lt;script&gt;alert(1)") == true)
        #expect(failed?.body.contains("<script>alert(1)") == false)
        let asset = try await fetch(base + "assets/site.css")
        #expect(asset.status == 200, "the last good build's files are still served")

        // Mending it recovers without a restart.
        try FileManager.default.removeItem(at: broken)
        let mended = try await poll(base, within: 4) { $0.status == 200 && $0.body.contains("Zebra crossing") }
        #expect(mended != nil, "did not recover after the file was mended")

        // Ctrl-C stops it cleanly and leaves nothing running.
        let status = try await server.interrupt(timeout: 4)
        #expect(status == 0)
        #expect(server.output.contains("Stopped."))
        #expect(ServeTestSupport.processesMentioning(folder.path).isEmpty)
        await #expect(throws: (any Error).self) { _ = try await fetch(base) }
    }

    @Test func eventStreamAnnouncesEachBuild() async throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeTestSupport.launch(["serve", "--port", "0"], in: folder)
        defer { server.stop() }
        let line = try await server.waitForLine(containing: "Serving ", timeout: 10)
        let port = try #require(line.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) })
        let events = try EventReader(port: UInt16(port), path: "/__plansite/events")
        defer { events.close() }
        #expect(try events.read(until: "data: 1\n\n", timeout: 5))
        try replace("title: ", with: "title: Changed ", in: folder.appendingPathComponent("content/priority.md"))
        #expect(try events.read(until: "data: 2\n\n", timeout: 5))
    }

    @Test func builtSiteHasNoPreviewScript() throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Plansite.run(["build"], in: folder)
        #expect(run.status == 0)
        let site = folder.appendingPathComponent("site")
        let files = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        #expect(files.count > 10)
        for file in files where !file.hasDirectoryPath {
            let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
            for marker in ["__plansite", "data-plansite-preview", "EventSource"] {
                #expect(!text.contains(marker), "\(file.lastPathComponent) contains \(marker)")
            }
        }
    }

    // MARK: helpers

    struct Page: Sendable {
        var status: Int
        var body: String
    }

    func fetch(_ address: String) async throws -> Page {
        var request = URLRequest(url: URL(string: address)!, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 2)
        request.httpMethod = "GET"
        let (data, response) = try await URLSession.shared.data(for: request)
        return Page(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }

    /// Fetches every 100 ms until `done` holds or the time is up.
    func poll(_ address: String, within seconds: Double, until done: (Page) -> Bool) async throws -> Page? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let page = try? await fetch(address), done(page) { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let range = text.range(of: old) else { throw CocoaError(.fileReadCorruptFile) }
        try text.replacingCharacters(in: range, with: new).write(to: file, atomically: false, encoding: .utf8)
    }
}
