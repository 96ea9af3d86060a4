import Foundation
import Testing

@testable import PlanSiteKit

/// Both cores must give exactly what one gives: the same files, byte for byte, and
/// the same diagnostics in the same order.
@Suite struct ParallelBuildTests {
    /// The mini site plus 80 indicators, each with notes, a chart and a table, and each
    /// unused (so each gives a warning), written to disk and through the writer.
    static func largeSite() throws -> ScratchSite {
        let site = try ScratchSite(content: TestPaths.miniSite)
        for number in 0..<80 {
            let id = String(format: "measure-%02d", number)
            try site.write(
                """
                id: \(id)
                title: Measure \(number)
                unit: people
                polarity: \(number % 2 == 0 ? "higher-is-better" : "lower-is-better")
                geography: Tidy Town
                series:
                  - { period: "2019", value: \(number) }
                  - { period: "2020", value: \(number * 2 + 1) }
                  - { period: "2021", value: null, note: not collected }
                comparators:
                  England: [{ period: "2020", value: \(number + 5) }]
                source: { publisher: Example Council, title: Register \(number) }
                notes: |
                  Counted each ~~autumn~~ spring. See the [indicators](/indicators/) and [litter](../litter/).

                  | Year | Count |
                  | --- | --- |
                  | 2020 | \(number) |
                """, to: "content/indicators/\(id).yml")
        }
        return site
    }

    func build(_ site: ScratchSite, parallel: Bool, output: String) throws -> (PipelineResult, [String: Data]) {
        var options = BuildOptions.testing(
            content: site.root.appendingPathComponent("content"),
            output: site.root.appendingPathComponent(output))
        options.parallel = parallel
        let (result, summary) = try BuildPipeline(options: options).build()
        #expect(summary != nil, "\(result.report.rendered(sources: result.sources).prefix(400))")
        return (result, snapshotTree(options.outputFolder))
    }

    @Test func parallelBuildWritesTheSameBytesAndDiagnostics() throws {
        let site = try Self.largeSite()
        defer { site.remove() }
        let (serial, serialTree) = try build(site, parallel: false, output: "serial")
        let (parallel, parallelTree) = try build(site, parallel: true, output: "parallel")
        #expect(serialTree.count > 160)
        #expect(serialTree == parallelTree)
        let page = String(decoding: serialTree["indicators/measure-07/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<del>autumn</del>") && page.contains("<table>"), "GFM extensions apply on every thread")
        #expect(serial.report.diagnostics.count >= 80)
        #expect(serial.report.diagnostics == parallel.report.diagnostics)
    }

    @Test func errorsInManyFilesComeInTheSameOrder() throws {
        let site = try Self.largeSite()
        defer { site.remove() }
        for number in stride(from: 0, to: 80, by: 3) {
            let id = String(format: "measure-%02d", number)
            try site.write(
                "id: \(id)\ntitle: Broken\nunit: people\npolarity: upwards\ngeography: X\nseries: [{ period: \"2020\", value: 1,200 }]\n",
                to: "content/indicators/\(id).yml")
        }
        var options = BuildOptions.testing(content: site.root.appendingPathComponent("content"))
        options.parallel = false
        let serial = BuildPipeline(options: options).run()
        options.parallel = true
        let parallel = BuildPipeline(options: options).run()
        #expect(serial.report.errors.count >= 2 * 27)
        #expect(serial.report.diagnostics == parallel.report.diagnostics)
        #expect(serial.report.rendered(sources: serial.sources) == parallel.report.rendered(sources: parallel.sources))
    }
}
