import Foundation
import Testing

/// What `build` prints (progress, --quiet, --verbose) and what --drafts lets in.
@Suite struct BuildFlagsTests {
    @Test func pipedOutputIsOneSummaryLine() throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Plansite.run(["build"], in: folder)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Built ") == true)
    }

    @Test func quietPrintsNothingAndVerboseTimesEveryStep() throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quiet = try Plansite.run(["build", "--quiet"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        let verbose = try Plansite.run(["build", "--verbose"], in: folder)
        let lines = verbose.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("[1/5] Load: content and templates (") == true)
        #expect(lines.contains { $0.hasPrefix("[3/5] Validate: ") && $0.contains(" indicators (") })
        #expect(lines.contains { $0.hasPrefix("[5/5] Write: ") && $0.hasSuffix(" s)") })
        #expect(lines.last?.hasPrefix("Built ") == true)
    }

    /// A terminal gets "[n/5] Stage" lines; `script` gives the build a pseudo-terminal.
    @Test(.enabled(if: Plansite.canRunInTerminal))
    func terminalShowsEachStep() throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Plansite.runInTerminal(["build"], in: folder)
        #expect(run.status == 0)
        for step in ["[1/5] Load", "[2/5] Assemble", "[3/5] Validate", "[4/5] Render", "[5/5] Write", "Built "] {
            #expect(run.stdout.contains(step), "missing \(step) in \(run.stdout)")
        }
    }

    @Test func draftPagesAreLeftOutUnlessAskedFor() throws {
        let folder = try Plansite.copyOfSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = "---\ntitle: Plans in progress\nsummary: Not ready yet.\ndraft: true\n---\n\nNot ready.\n"
        try draft.write(to: folder.appendingPathComponent("content/pages/plans-in-progress.md"), atomically: true, encoding: .utf8)
        let page = folder.appendingPathComponent("site/plans-in-progress/index.html")
        let sitemap = folder.appendingPathComponent("site/sitemap.xml")

        #expect(try Plansite.run(["build"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: page.path))
        #expect(try !String(contentsOf: sitemap, encoding: .utf8).contains("plans-in-progress"))

        #expect(try Plansite.run(["build", "--drafts"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: page.path))
        #expect(try String(contentsOf: sitemap, encoding: .utf8).contains("plans-in-progress"))
    }
}
