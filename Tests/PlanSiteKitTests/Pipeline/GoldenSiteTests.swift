import Foundation
import Testing

@testable import PlanSiteKit

/// The mini fixture site, built in memory and compared file by file with
/// Snapshots/mini-site. A missing golden is recorded and fails on purpose;
/// PLANSITE_RECORD=1 re-records all of them after an intended change.
@Suite struct GoldenSiteTests {
    let goldens = TestPaths.snapshots.appendingPathComponent("mini-site")
    var recording: Bool { ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1" }

    @Test func miniSiteMatchesItsGoldens() throws {
        let result = BuildPipeline(options: .testing(content: TestPaths.miniSite)).run()
        #expect(result.report.diagnostics.isEmpty, "\(result.report.diagnostics)")
        let files = try #require(result.files)
        let textFiles = files.filter { !$0.path.hasPrefix("assets/") }
        for file in textFiles { compare(file) }
        let expected = Set(snapshotTree(goldens).keys)
        let produced = Set(textFiles.map(\.path))
        for stale in expected.subtracting(produced).sorted() {
            Issue.record("golden \(stale) has no matching output file: delete it if the page was removed on purpose")
        }
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let options = BuildOptions.testing(content: TestPaths.miniSite)
        let first = try #require(BuildPipeline(options: options).run().files)
        let second = try #require(BuildPipeline(options: options).run().files)
        #expect(first == second)
    }

    private func compare(_ file: OutputFile) {
        let golden = goldens.appendingPathComponent(file.path)
        guard !recording, let expected = try? Data(contentsOf: golden) else {
            try? FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? file.contents.write(to: golden)
            if !recording { Issue.record("recorded missing golden \(file.path); check it in and run again") }
            return
        }
        if expected != file.contents {
            Issue.record(
                "\(file.path) differs from its golden:\n\(lineDiff(String(decoding: expected, as: UTF8.self), String(decoding: file.contents, as: UTF8.self)))"
            )
        }
    }
}

/// A short line diff: the first differing lines, marked - (golden) and + (actual).
func lineDiff(_ expected: String, _ actual: String, limit: Int = 20) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(old.count, new.count) where lines.count < limit {
        let a = index < old.count ? String(old[index]) : nil
        let b = index < new.count ? String(new[index]) : nil
        if a != b {
            if let a { lines.append("\(index + 1) - \(a)") }
            if let b { lines.append("\(index + 1) + \(b)") }
        }
    }
    return lines.joined(separator: "\n")
}
