import Foundation
import Testing

@testable import PlanSiteKit

/// A site written inline, built through the same pipeline as a folder, with no disk: the
/// content and templates are `MemoryFiles`, and every stage after loading reads only them.
@Suite struct MemorySiteTests {
    static let content: [String: String] = [
        "site.yml": """
        title: Tidy Town
        organisation: Example Council
        base_url: https://example.org/tidy/
        last_reviewed: 2026-01-15
        national_comparator: England
        """,
        "priority.md": "---\ntitle: Tidy Town\nsummary: Keeping the town tidy.\n---\nA tidy town is a healthier town.\n",
        "outcomes/cleaner-streets.md": """
        ---
        title: Cleaner streets
        summary: Streets with less litter.
        indicators: [litter]
        ---
        Litter surveys are done every spring.
        """,
        "indicators/litter.yml": """
        id: litter
        title: Streets with litter
        unit: "%"
        decimals: 1
        polarity: lower-is-better
        geography: Tidy Town
        series:
          - { period: "2021", value: 12.5 }
          - { period: "2023", value: 9.25 }
        source:
          publisher: Example Surveys
          title: Street survey
          url: https://example.org/survey
          licence: Open Government Licence v3.0
        """,
        "images/.drafts/old.svg": "<svg/>",
    ]

    /// The repository's templates, read once into memory like any other source.
    static func templates() throws -> MemoryFiles {
        var problems: [Diagnostic] = []
        let disk = DiskFiles(root: TestPaths.templates, displayPrefix: "templates/")
        var texts: [String: String] = [:]
        for path in disk.publishedFiles(in: "", problems: &problems) {
            texts[path] = String(decoding: try disk.bytes(path), as: UTF8.self)
        }
        #expect(problems.isEmpty)
        return MemoryFiles(texts, displayPrefix: "templates/")
    }

    @Test func anInlineSiteBuildsWithoutItsFolders() throws {
        let nowhere = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        var options = BuildOptions.testing(content: nowhere, templates: nowhere, output: nowhere)
        options.inMemory = (MemoryFiles(Self.content, displayPrefix: "content/"), try Self.templates())
        let result = BuildPipeline(options: options).run()
        #expect(!result.report.hasErrors, "\(result.report.diagnostics.map(\.description))")
        let files = try #require(result.files)
        let paths = Set(files.map(\.path))
        #expect(
            paths.isSuperset(of: ["index.html", "outcomes/cleaner-streets/index.html", "indicators/litter/index.html", "assets/site.css"]))
        #expect(!paths.contains { $0.contains(".drafts") })
        let page = try #require(files.first { $0.path == "indicators/litter/index.html" })
        #expect(
            String(decoding: page.contents, as: UTF8.self).contains("9.3%")
                || String(decoding: page.contents, as: UTF8.self).contains("9.25"))
    }

    @Test func aProblemInAnInlineFileIsReportedAtItsLine() throws {
        var content = Self.content
        content["indicators/litter.yml"] = content["indicators/litter.yml"]!.replacingOccurrences(of: "value: 9.25", with: "value: nine")
        let nowhere = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)")
        var options = BuildOptions.testing(content: nowhere, templates: nowhere, output: nowhere)
        options.inMemory = (MemoryFiles(content, displayPrefix: "content/"), try Self.templates())
        let result = BuildPipeline(options: options).run()
        let error = try #require(result.report.diagnostics.first { $0.severity == .error })
        #expect(error.location.path == "content/indicators/litter.yml")
        #expect(error.location.line == 9)
        #expect(result.files == nil)
    }
}
