import Foundation
import Testing

@testable import PlanSiteKit

/// The accessibility statement shows the audit's figures exactly, or says none are attached.
@Suite struct AccessibilityStatementTests {
    /// The mini site writes 12 pages: 10, and the embed page of each of its 2 indicators.
    static func results(date: String = "2026-02-01", pages: Int = 12, failures: [Int] = [0, 0, 0]) -> String {
        let names = ["WCAG 2.2 A and AA", "AAA contrast", "Forced colours"]
        let checks = zip(names, failures).enumerated().map { i, pair in
            #"{"id": "c\#(i)", "name": "\#(pair.0)", "description": "what \#(i) tests", "failures": \#(pair.1)}"#
        }.joined(separator: ", ")
        return #"""
            {"format": "plansite-audit-results/1", "tested_at": "\#(date)T10:00:00Z", "date": "\#(date)",
             "tools": {"axe-core": "4.10.2", "chromium": "156.0.8078.114", "nu-html-checker": "25.8.8"},
             "wcag_tags": ["wcag2a", "wcag2aa"], "runs": ["1280-light"], "pages_tested": \#(pages),
             "pages": [], "checks": [\#(checks)], "failures": \#(failures.reduce(0, +))}
            """#
    }

    private func build(results: String?, today: String = "2026-02-10") throws -> (PipelineResult, String) {
        let site = try ScratchSite(content: TestPaths.fixtures.appendingPathComponent("mini-site/content"))
        defer { site.remove() }
        var options = BuildOptions(
            contentFolder: site.root.appendingPathComponent("content"),
            templatesFolder: site.root.appendingPathComponent("templates"),
            outputFolder: site.root.appendingPathComponent("site"))
        if let results {
            try site.write(results, to: "results.json")
            options.auditResults = site.root.appendingPathComponent("results.json")
            options.auditResultsDisplay = "results.json"
        }
        options.today = CalendarDate(iso: today)!
        let result = BuildPipeline(options: options).run()
        let page = result.files?.first { $0.path == "accessibility/index.html" }
        return (result, page.map { String(decoding: $0.contents, as: UTF8.self) } ?? "")
    }

    @Test func statementShowsTheFiguresOfTheResults() throws {
        let (result, html) = try build(results: Self.results(failures: [0, 2, 1]))
        #expect(
            html.contains(
                "Last tested 1 February 2026 with axe-core 4.10.2 in Chromium 156: 12 pages, 0 failures at WCAG 2.2 A and AA, 2 at AAA contrast and 1 in the other 1 check below."
            ))
        #expect(html.contains(#"<tr data-check="c1"><th scope="row">AAA contrast</th><td>what 1 tests</td><td>2</td></tr>"#))
        #expect(html.contains(#"<tr data-check="c2"><th scope="row">Forced colours</th><td>what 2 tests</td><td>1</td></tr>"#))
        #expect(html.contains("Automated tests of 12 pages on 1 February 2026"))
        // the results record failures: check says so
        #expect(result.report.diagnostics.map(\.message).contains { $0.contains("record 3 failures") })
    }

    @Test func withoutResultsTheStatementSaysNoneAreAttached() throws {
        let (result, html) = try build(results: nil)
        #expect(
            html.contains(
                "This statement was last reviewed on 15 January 2026. No automated test results are attached to this copy of the website, so none are shown here."
            ))
        #expect(!html.contains("Last tested"))
        #expect(!html.contains("<table class=\"data-table test-results\">"))
        #expect(!result.report.hasErrors)
    }

    @Test func otherPagesGetNoStatement() throws {
        let site = try ScratchSite(content: TestPaths.fixtures.appendingPathComponent("mini-site/content"))
        defer { site.remove() }
        var options = BuildOptions(
            contentFolder: site.root.appendingPathComponent("content"),
            templatesFolder: site.root.appendingPathComponent("templates"),
            outputFolder: site.root.appendingPathComponent("site"))
        options.parallel = false
        let files = BuildPipeline(options: options).run().files ?? []
        #expect(
            files.filter { String(decoding: $0.contents, as: UTF8.self).contains("test-results") }.map(\.path) == [
                "accessibility/index.html"
            ])
    }

    @Test(arguments: [
        ("2026-01-10", "2026-02-10", 12, "before the site's `last_reviewed` (15 January 2026)"),
        ("2026-02-01", "2026-06-01", 12, "are 120 days old (tested 1 February 2026)"),
        ("2026-02-01", "2026-02-10", 8, "cover 8 pages but this build writes 12"),
    ])
    func staleOrPartialResultsAreWarnedAbout(date: String, today: String, pages: Int, warning: String) throws {
        let (result, _) = try build(results: Self.results(date: date, pages: pages), today: today)
        let messages = result.report.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("results.json:1:1: warning: the audit results ") && $0.contains(warning) }, "\(messages)")
    }

    @Test func freshCompleteResultsGiveNoWarning() throws {
        let (result, _) = try build(results: Self.results())
        #expect(result.report.diagnostics.isEmpty, "\(result.report.diagnostics)")
    }

    @Test(arguments: [
        "{",
        #"{"format": "plansite-audit-results/9", "date": "2026-01-01", "tools": {}, "wcag_tags": [], "pages_tested": 1, "pages": [], "checks": [], "failures": 0}"#,
    ])
    func brokenResultsAreAnError(_ text: String) throws {
        let (result, _) = try build(results: text)
        #expect(result.report.hasErrors)
        #expect(result.files == nil)
    }
}
