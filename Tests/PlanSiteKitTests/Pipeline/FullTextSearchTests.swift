import Foundation
import Testing

@testable import PlanSiteKit

/// `full_text_search: true` in site.yml: the build runs Pagefind over the written indicator
/// pages before the site is swapped in. These tests stand a small script in for Pagefind,
/// which records how it was asked and writes what Pagefind writes; the browser test
/// (Tests/audit/test_finder.py) types into a site indexed by the real Pagefind.
@Suite struct FullTextSearchTests {
    /// The mini site with search on, and the line `full_text_search` is written on.
    private func searchSite(_ name: String = #function) throws -> (content: URL, line: Int) {
        let content = try TestPaths.copy(TestPaths.miniSite, name: name)
        let siteFile = content.appendingPathComponent("site.yml")
        var text = try String(contentsOf: siteFile, encoding: .utf8)
        if !text.hasSuffix("\n") { text += "\n" }
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try (text + "full_text_search: true\n").write(to: siteFile, atomically: true, encoding: .utf8)
        return (content, line)
    }

    /// A stand-in for Pagefind: writes its arguments to `args.txt` beside itself, then `body`.
    private func program(_ body: String, _ name: String = #function) throws -> URL {
        let folder = TestPaths.scratch(name + "-program")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("pagefind")
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"\(folder.path)/args.txt\"\n\(body)\n".write(
            to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    @Test func theIndicatorPagesAreIndexedBeforeTheSiteIsSwappedIn() throws {
        let (content, _) = try searchSite()
        let pagefind = try program(
            """
            site="$2"
            mkdir -p "$site/pagefind"
            test -f "$site/indicators/litter/index.html" || exit 9
            echo 'export async function search() {}' > "$site/pagefind/pagefind.js"
            echo ui > "$site/pagefind/pagefind-ui.js"
            echo ui > "$site/pagefind/pagefind-component-ui.css"
            """)
        let output = TestPaths.scratch().appendingPathComponent("site")
        var options = BuildOptions.testing(content: content, output: output)
        options.pagefind = pagefind.path
        let (result, summary) = try BuildPipeline(options: options).build()
        #expect(summary != nil, "\(result.report.diagnostics)")

        let args = try String(contentsOf: pagefind.deletingLastPathComponent().appendingPathComponent("args.txt"), encoding: .utf8)
        let asked = args.split(separator: "\n").map(String.init)
        #expect(asked.first == "--site")
        #expect(asked.contains("indicators/*/index.html"), "only the indicator pages: \(asked)")
        #expect(asked.contains("--root-selector") && asked.contains("main"), "only their main content: \(asked)")

        let bundle = output.appendingPathComponent("pagefind")
        #expect(FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind.js").path))
        #expect(
            !FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind-ui.js").path),
            "unused interfaces are not published")
        #expect(!FileManager.default.fileExists(atPath: bundle.appendingPathComponent("pagefind-component-ui.css").path))
        let finder = try String(contentsOf: output.appendingPathComponent("indicators/index.html"), encoding: .utf8)
        #expect(finder.contains("data-full-text=\"../pagefind/pagefind.js\""))
    }

    @Test func withoutPagefindTheBuildSaysWhereAndHowAndPublishesNothing() throws {
        let (content, line) = try searchSite()
        let output = TestPaths.scratch().appendingPathComponent("site")
        _ = try BuildPipeline(options: .testing(content: TestPaths.miniSite, output: output)).build()
        let before = snapshotTree(output)
        var options = BuildOptions.testing(content: content, output: output)
        options.pagefind = nil
        let (result, summary) = try BuildPipeline(options: options).build()
        #expect(summary == nil)
        let error = try #require(result.report.diagnostics.first { $0.message.contains("Pagefind") })
        #expect(error.severity == .error)
        #expect(error.location.path.hasSuffix("site.yml") && error.location.line == line && error.location.column == 19)
        #expect(error.message.contains("make site") && error.message.contains("PLANSITE_PAGEFIND"))
        #expect(snapshotTree(output) == before)
    }

    @Test func aPagefindThatFailsLeavesThePublishedSiteAlone() throws {
        let (content, _) = try searchSite()
        let output = TestPaths.scratch().appendingPathComponent("site")
        _ = try BuildPipeline(options: .testing(content: TestPaths.miniSite, output: output)).build()
        let before = snapshotTree(output)
        var options = BuildOptions.testing(content: content, output: output)
        options.pagefind = try program("echo 'Error: no pages' >&2\nexit 3").path
        #expect {
            try BuildPipeline(options: options).build()
        } throws: { error in
            "\(error)".contains("no pages") && "\(error)".contains("exit 3")
        }
        #expect(snapshotTree(output) == before)
    }

    @Test func offByDefault() throws {
        let files = try #require(BuildPipeline(options: .testing(content: TestPaths.miniSite)).run().files)
        let finder = try #require(files.first { $0.path == "indicators/index.html" })
        #expect(!String(decoding: finder.contents, as: UTF8.self).contains("data-full-text"))
        #expect(!files.contains { $0.path.hasPrefix(Route.fullTextSearchFolder) })
    }

    @Test func theFinderGetsEveryPluralFormOfItsLanguage() throws {
        let english = try #require(BuildPipeline(options: .testing(content: TestPaths.miniSite)).run().files)
        let page = String(decoding: try #require(english.first { $0.path == "indicators/index.html" }).contents, as: UTF8.self)
        #expect(page.contains("data-status-one=\"{count} indicator matches\" data-status-other=\"{count} indicators match\""))

        let forms: [PluralCategory: [WordEntry.Piece]] = [
            .zero: [.placeholder("count"), .text(" dangosydd")], .one: [.placeholder("count"), .text(" dangosydd")],
            .two: [.placeholder("count"), .text(" ddangosydd")], .few: [.placeholder("count"), .text(" dangosydd")],
            .many: [.placeholder("count"), .text(" dangosydd")], .other: [.placeholder("count"), .text(" dangosydd")],
        ]
        let welsh = Words(language: "cy", entries: ["finder_status": WordEntry(forms: forms, isPlural: true)])
        let said = welsh.forms(.finderStatus)
        #expect(said.map(\.category) == [.zero, .one, .two, .few, .many, .other])
        #expect(said.first { $0.category == .two }?.text == "{count} ddangosydd")
    }
}
