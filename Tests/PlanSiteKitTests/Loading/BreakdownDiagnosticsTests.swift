import Foundation
import Testing

@testable import PlanSiteKit

/// `breakdowns:` are checked as series are: every problem at its line and column, in one run.
@Suite("Breakdown schema errors")
struct BreakdownDiagnosticsTests {
    static let broken = """
        breakdowns:
          - dimension: ward
            period: "2016"
            colour: blue
            categories:
              - { category: North, value: 12 }
              - { category: north, value: 14 }
              - { category: South, value: 9, lower_ci: 11, upper_ci: 7 }
              - { category: East }
              - { category: West, value: null, note: "Suppressed" }
          - dimension: sex
            period: "2016"
            categories: Female
          - just a line
          - period: "2016"
            categories: [{ category: All, value: 3 }]

        """

    @Test func everyProblemIsReportedAtItsPosition() throws {
        let content = try TestPaths.copy(TestPaths.fixtureContent)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let file = content.appendingPathComponent("indicators/rough-sleeping.yml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let first = original.split(separator: "\n", omittingEmptySubsequences: false).count
        try (original + (original.hasSuffix("\n") ? "" : "\n") + Self.broken).write(to: file, atomically: true, encoding: .utf8)
        let result = TestBuild.run(content: content)
        let messages = result.report.sorted.filter { $0.location.path.hasSuffix("rough-sleeping.yml") }.map { d in
            "\(d.location.line - first + 1):\(d.location.column): \(d.message)"
        }
        #expect(
            messages == [
                "4:5: unknown field `colour` in breakdown",
                "7:21: category \"north\" appears twice in this breakdown (first at line \(first + 5))",
                "8:48: `lower_ci` (11) is above `upper_ci` (7)",
                "9:9: category \"East\" has no `value` and no `note`: give a number, or a `note` saying why there is none (suppressed, not available)",
                "13:17: `categories` must be a list of `{ category: …, value: … }` entries, at least one",
                "14:5: each breakdown must be a set of `key: value` lines with `dimension`, `period` and `categories`, found \"just a line\"",
                "15:5: breakdown is missing required field `dimension`",
            ])
    }
}
