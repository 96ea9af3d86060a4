import Foundation
import Testing

@testable import PlanSiteKit

/// Order never matters (docs/content-format.md, "Periods"): a series written in any order
/// builds the same site as one written oldest first.
@Suite struct SeriesOrderTests {
    /// Every run of one-line observations (`- { period: … }`) in every indicator file, reversed
    /// or rotated, as someone adding the new year at the top of the list would leave it.
    static func reorderedCopy(of content: URL, _ reorder: ([String]) -> [String]) throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-order-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: content, to: copy)
        let folder = copy.appendingPathComponent("indicators")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yml") {
            let file = folder.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            // Labels rather than times keep the order written, as that file says.
            if text.contains("period_order: as-written") { continue }
            let lines = text.components(separatedBy: "\n")
            var result: [String] = []
            var run: [String] = []
            for line in lines {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("- { period:") {
                    run.append(line)
                    continue
                }
                result += reorder(run) + [line]
                run = []
            }
            try (result + reorder(run)).joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        }
        return copy
    }

    static func files(_ result: PipelineResult) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: (result.files ?? []).map { ($0.path, $0.contents) })
    }

    @Test(arguments: ["reversed", "latest at the top", "shuffled"])
    func anyOrderBuildsTheSameBytes(_ how: String) throws {
        var random = SeededRandom(seed: 7)
        let copy = try Self.reorderedCopy(of: TestPaths.realContent) { run in
            switch how {
            case "reversed": return run.reversed()
            case "latest at the top": return run.last.map { [$0] + run.dropLast() } ?? []
            default: return run.indices.map { _ in random.next() }.enumerated().sorted { $0.element < $1.element }.map { run[$0.offset] }
            }
        }
        defer { try? FileManager.default.removeItem(at: copy) }
        let reordered = TestBuild.run(content: copy)
        #expect(reordered.report.diagnostics.filter { $0.severity == .error }.isEmpty)
        let expected = Self.files(TestBuild.real)
        let actual = Self.files(reordered)
        #expect(actual.count == expected.count && actual.count > 50)
        let differing = expected.keys.filter { actual[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "pages that differ: \(differing.prefix(5))")
    }

    @Test func theLatestIsTheLatestInTimeWhateverTheOrderWritten() throws {
        let copy = try Self.reorderedCopy(of: TestPaths.realContent) { $0.reversed() }
        defer { try? FileManager.default.removeItem(at: copy) }
        let site = try #require(TestBuild.run(content: copy).site)
        let completions = try #require(site.indicators.first { $0.id == "housing-completions" })
        #expect(completions.latest?.period == "2020-21")
        #expect(completions.series.map(\.period) == completions.series.map(\.period).sorted())
    }
}
