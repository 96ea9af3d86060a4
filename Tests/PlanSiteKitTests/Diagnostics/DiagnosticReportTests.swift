import Testing

@testable import PlanSiteKit

@Suite struct DiagnosticReportTests {
    let location = SourceLocation(path: "content/a.md", line: 2, column: 9)

    @Test func foldsDuplicates() {
        let d = Diagnostic.error(location, "bad")
        #expect(DiagnosticReport([d, d]).diagnostics.count == 1)
    }

    @Test func rendersLikeACompilerWithTheLineAndACaret() {
        var sources = SourceCache()
        sources.record("title: x\nvalue:\tn/a\n", for: "content/a.md")
        let text = DiagnosticReport([.error(location, "`value` must be a number")]).rendered(sources: sources)
        #expect(text == "content/a.md:2:9: error: `value` must be a number\n    value: n/a\n            ^")
    }

    @Test func showsAtMostFiftyAndCountsTheRest() {
        let many = (1...70).map { Diagnostic.warning(SourceLocation(path: "a.md", line: $0), "w\($0)") }
        let lines = DiagnosticReport(many).rendered(sources: SourceCache()).split(separator: "\n")
        #expect(lines.count == 51)
        #expect(lines.last == "… and 20 more problems not shown")
    }

    @Test func githubAnnotationsEscapeNewlinesAndPercent() {
        let report = DiagnosticReport([.error(location, "100% wrong\nreally")])
        #expect(report.githubAnnotations() == "::error file=content/a.md,line=2,col=9::100%25 wrong%0Areally")
    }

    @Test func strictMakesWarningsErrors() {
        let report = DiagnosticReport([.warning(location, "w")]).escalatingWarnings()
        #expect(report.hasErrors && report.warnings.isEmpty)
    }
}

@Suite struct QuotedLineWindowTests {
    @Test func longLinesAreQuotedAroundTheColumn() {
        let line = String(repeating: "a", count: 500) + "X" + String(repeating: "b", count: 500)
        let (text, caret) = DiagnosticReport.window(of: line, around: 501)
        #expect(text.count <= DiagnosticReport.quotedWidth + 2)
        #expect(Array(text)[caret - 1] == "X")
    }

    @Test func shortLinesAreQuotedWhole() {
        #expect(DiagnosticReport.window(of: "abc", around: 9) == ("abc", 4))
    }
}

/// A problem with the whole build has no file: it is not printed at a made-up `content/:1:1`.
@Suite struct WholeBuildDiagnosticTests {
    @Test func printedWithoutAPositionAndAnnotatedWithoutAFile() {
        let report = DiagnosticReport([.error(.wholeBuild, "two files would be written to a/index.html; rename one of them")])
        #expect(
            report.rendered(sources: SourceCache()) == "plansite: error: two files would be written to a/index.html; rename one of them")
        #expect(report.githubAnnotations() == "::error::two files would be written to a/index.html; rename one of them")
    }
}
