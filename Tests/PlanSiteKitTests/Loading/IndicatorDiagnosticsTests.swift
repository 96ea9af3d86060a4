import Foundation
import Testing

@testable import PlanSiteKit

/// A broken indicator file, built through the whole pipeline on a copy of the
/// fixture site: every problem reported with file, line and column in one run, and
/// the previous site left exactly as it was.
@Suite("Indicator schema errors")
struct IndicatorDiagnosticsTests {
    static let expected = [
        "content/indicators/rough-sleeping.yml:1:5: error: `id` is \"rough-sleepers\" but the file is named rough-sleeping.yml; they must match",
        "content/indicators/rough-sleeping.yml:5:11: error: `polarity` must be one of higher-is-better, lower-is-better, no-judgement, found \"lower-is-worse\"",
        "content/indicators/rough-sleeping.yml:9:30: error: `value` must be a number, found \"n/a\"",
        "content/indicators/rough-sleeping.yml:10:44: error: `lower_ci` (40) is above `upper_ci` (30)",
        "content/indicators/rough-sleeping.yml:12:15: error: period \"2015\" appears twice in series (first at line 11)",
    ]

    @Test func everyProblemIsReportedAtItsPositionAndTheSiteIsKept() throws {
        let folder = TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        let output = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: TestPaths.fixtureContent, to: content)
        var options = BuildOptions(contentFolder: content, templatesFolder: TestPaths.templates, outputFolder: output)
        options.contentDisplay = "content/"
        let (first, summary) = try BuildPipeline(options: options).build()
        #expect(first.report.errors.isEmpty && summary != nil)
        let before = snapshotTree(output)
        #expect(!before.isEmpty)

        let broken = content.appendingPathComponent("indicators/rough-sleeping.yml")
        try FileManager.default.removeItem(at: broken)
        try FileManager.default.copyItem(at: TestPaths.indicatorFixtures.appendingPathComponent("broken/rough-sleeping.yml"), to: broken)
        let (result, failed) = try BuildPipeline(options: options).build()

        #expect(failed == nil && result.files == nil)
        let inFile = result.report.sorted.filter { $0.location.path == "content/indicators/rough-sleeping.yml" }
        #expect(inFile.map(\.description) == Self.expected)
        let rendered = result.report.rendered(sources: result.sources)
        #expect(rendered.contains("      - { period: \"2013\", value: n/a }\n                                 ^"))
        #expect(snapshotTree(output) == before, "a failed build leaves the previous site byte for byte")
    }

    @Test func nullNeedsANoteAndGeographyIsRequired() throws {
        let yaml = """
            id: x
            title: X
            unit: people
            polarity: no-judgement
            series:
              - { period: "2020", value: null }
              - { period: "2021", value: .nan }
            source: { publisher: P, title: T }
            """
        let (indicator, problems) = try readIndicator(yaml)
        #expect(indicator == nil)
        #expect(
            problems.map(\.description) == [
                "content/indicators/x.yml:1:1: error: indicator is missing required field `geography`",
                "content/indicators/x.yml:6:30: error: `value` is null with no `note`: give a number, or add a `note` saying why there is none (suppressed, not available)",
                "content/indicators/x.yml:7:30: error: `value` must be a number, found \".nan\"",
            ])
    }

    @Test func keywordsAreReadAndAWrongOneIsAnErrorAtItsPlace() throws {
        let good = """
            id: x
            title: X
            keywords: [obesity, " overweight "]
            unit: people
            polarity: no-judgement
            geography: Testtown
            series: [{ period: "2020", value: 1 }]
            source: { publisher: P, title: T }
            """
        let (indicator, none) = try readIndicator(good)
        #expect(none.isEmpty)
        #expect(indicator?.keywords == ["obesity", "overweight"])
        let bad = """
            id: x
            title: X
            keywords: [obesity, [a, b], ""]
            unit: people
            polarity: no-judgement
            geography: Testtown
            series: [{ period: "2020", value: 1 }]
            source: { publisher: P, title: T }
            """
        let (_, problems) = try readIndicator(bad)
        #expect(
            problems.map(\.description) == [
                "content/indicators/x.yml:3:21: error: each of `keywords` must be a word or phrase, found a list",
                "content/indicators/x.yml:3:29: error: each of `keywords` must not be empty",
            ])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let yaml = """
            id: x
            title: X
            unit: people
            polarity: no-judgement
            geography: Testtown
            series:
              - { period: "2016–17 ✓", value: n/a }
            source: { publisher: P, title: T }
            """
        let (_, problems) = try readIndicator(yaml)
        // The en dash and tick are one character each (three bytes in UTF-8).
        #expect(problems.map(\.location.description) == ["content/indicators/x.yml:7:35"], "39 if bytes were counted")
    }

    @Test func comparatorsMustBeKeyedByGeography() throws {
        let yaml = """
            id: x
            title: X
            unit: people
            polarity: no-judgement
            geography: Testtown
            series: [{ period: "2020", value: 1 }]
            comparators:
              - { period: "2020", value: 2 }
            source: { publisher: P, title: T }
            """
        let (_, problems) = try readIndicator(yaml)
        #expect(
            problems.map(\.description) == [
                "content/indicators/x.yml:8:3: error: `comparators` must be keyed by geography, e.g. `England: [{ period: …, value: … }]`"
            ])
    }

    /// Reads YAML as content/indicators/x.yml.
    private func readIndicator(_ yaml: String) throws -> (Indicator?, [Diagnostic]) {
        let document = try collecting { YAMLDocument.parse(yaml, path: "content/indicators/x.yml", problems: &$0) }.get()
        let read = collecting { IndicatorReader(document: document, expectedID: "x", path: "content/indicators/x.yml").read(problems: &$0) }
        return (read.value, read.problems)
    }
}
