import Foundation
import Testing

/// `plansite new DIR`: a council's first site builds and passes the strict check as written
/// (the browser audit of it runs in `make test`), and never overwrites a site.
@Suite("plansite new") struct NewCommandTests {
    @Test func theStarterSiteBuildsAndPassesTheStrictCheck() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Plansite.run(["new", folder.path, "--templates", Plansite.templates.path], in: Plansite.packageRoot)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Wrote a starter site into"))
        for file in [
            "content/site.yml", "content/priority.md", "content/pages/accessibility.md",
            "content/pages/about-the-data.md", "templates/layout.mustache",
        ] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file)")
        }
        let check = try Plansite.run(["check", "--strict"], in: folder)
        #expect(check.status == 0 && (check.stdout + check.stderr).contains("0 errors, 0 warnings"), "\(check.stderr)")
        let build = try Plansite.run(["build"], in: folder)
        #expect(build.status == 0, "\(build.stderr)")
        let home = try String(contentsOf: folder.appendingPathComponent("site/index.html"), encoding: .utf8)
        #expect(home.contains("More litter bins"))
    }

    @Test func anExistingSiteIsNeverOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: Ours\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        let run = try Plansite.run(["new", folder.path], in: Plansite.packageRoot)
        #expect(run.status == 2)
        #expect(run.stderr.contains("already exists; choose a new folder, so no content is overwritten"))
        #expect(try String(contentsOf: content.appendingPathComponent("site.yml"), encoding: .utf8) == "title: Ours\n")
    }
}
