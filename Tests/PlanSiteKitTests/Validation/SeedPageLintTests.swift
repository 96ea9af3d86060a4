import Foundation
import Testing

@testable import PlanSiteKit

/// `check` on the seed fixture site (Tests/Fixtures/sites/seed-site) with priority.md
/// holding the Improving Wellbeing page as published, mistakes and all
/// (Fixtures/seed/priority.md, from Tests/Fixtures/seed/improving-wellbeing.txt).
@Suite struct SeedPageLintTests {
    static let seedSite = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/sites/seed-site/content")

    static func seedDiagnostics() throws -> [Diagnostic] {
        let site = try ScratchSite(content: seedSite)
        defer { site.remove() }
        let seed = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("seed/priority.md"), encoding: .utf8)
        try site.write(seed, to: "content/priority.md")
        return site.check().report.diagnostics.filter { $0.location.path == "content/priority.md" }
    }

    @Test func reportsRepeatedWordVagueLinksAndFileNameAltText() throws {
        let found = try Self.seedDiagnostics()
        let lines = { (fragment: String) in found.filter { $0.message.contains(fragment) }.map(\.location.line) }
        #expect(lines("repeated word \"reaching reaching\"") == [15])
        #expect(lines("link text \"Find out more\"") == [43, 51, 59, 67])
        #expect(lines("alt text \"A blue png file with a black background.\"") == [33])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.count == 6, "nothing else on the seed page is wrong: \(found)")
    }

    @Test func repeatedWordColumnPointsAtTheWord() throws {
        let found = try Self.seedDiagnostics().first { $0.message.hasPrefix("repeated word") }
        let text = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("seed/priority.md"), encoding: .utf8)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false)[14]
        let column = try #require(line.range(of: "reaching reaching")).lowerBound
        #expect(found?.location.column == line.distance(from: line.startIndex, to: column) + 1)
    }

    @Test func strictTurnsThemIntoErrors() throws {
        let site = try ScratchSite(content: Self.seedSite)
        defer { site.remove() }
        try site.write(
            try String(contentsOf: TestPaths.fixtures.appendingPathComponent("seed/priority.md"), encoding: .utf8),
            to: "content/priority.md")
        let report = site.check(strict: true).report
        #expect(report.errors.filter { $0.location.path == "content/priority.md" }.count == 6)
    }
}
