import Foundation
import Testing
@testable import PlanSiteKit

@Suite struct SiteWriterTests {
    @Test func replacesAPreviousBuildWhole() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        let writer = SiteWriter(output: output)
        try writer.write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "old/index.html", text: "old")])
        try writer.write([OutputFile(path: "index.html", text: "two")])
        let tree = snapshotTree(output)
        #expect(tree.keys.sorted() == [".plansite-build", "index.html"])
        #expect(tree["index.html"] == Data("two".utf8))
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(siblings == ["site"], "no staging or previous folder is left behind")
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        try write("precious", to: "notes.txt", in: output)
        #expect(throws: EnvironmentError.self) { try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(snapshotTree(output) == ["notes.txt": Data("precious".utf8)])
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "./x"])
    func refusesPathsOutsideTheOutput(path: String) throws {
        let output = TestPaths.scratch().appendingPathComponent("site")
        #expect(throws: EnvironmentError.self) { try SiteWriter(output: output).write([OutputFile(path: path, text: "x")]) }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}

@Suite struct DiagnosticReportTests {
    @Test func rendersLikeACompilerWithCaret() {
        var sources = SourceCache()
        sources.record("id: x\nvalue: n/a\n", for: "content/indicators/x.yml")
        let report = DiagnosticReport([.error(SourceLocation(path: "content/indicators/x.yml", line: 2, column: 8), "`value` must be a number, found \"n/a\"")])
        #expect(report.rendered(sources: sources) == """
            content/indicators/x.yml:2:8: error: `value` must be a number, found "n/a"
                value: n/a
                       ^
            """)
    }

    @Test func foldsDuplicatesAndCapsAtFifty() {
        var report = DiagnosticReport()
        for line in 1...60 { report.append(.error(SourceLocation(path: "a", line: line), "bad")) }
        report.append(.error(SourceLocation(path: "a", line: 1), "bad"))
        #expect(report.diagnostics.count == 60)
        let text = report.rendered(sources: SourceCache())
        #expect(text.split(separator: "\n").count == 51)
        #expect(text.hasSuffix("… and 10 more problems not shown"))
    }

    @Test func githubAnnotationsEscapeNewlines() {
        let report = DiagnosticReport([.warning(SourceLocation(path: "p.md", line: 3, column: 2), "two\nlines 100%")])
        #expect(report.githubAnnotations() == "::warning file=p.md,line=3,col=2::two%0Alines 100%25")
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let report = DiagnosticReport([.warning(SourceLocation(path: "p"), "w")]).escalatingWarnings()
        #expect(report.hasErrors)
    }
}
