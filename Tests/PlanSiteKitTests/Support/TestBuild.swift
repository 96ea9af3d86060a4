import Foundation

@testable import PlanSiteKit

/// Builds (in memory) a content folder with the real templates.
enum TestBuild {
    static func run(content: URL) -> PipelineResult {
        BuildPipeline(options: .testing(content: content, output: URL(fileURLWithPath: "/nonexistent"))).run()
    }

    /// The real site, built once for every test that reads it.
    static let real: PipelineResult = run(content: TestPaths.realContent)
    static let fixture: PipelineResult = run(content: TestPaths.fixtureContent)

    static func page(_ path: String, in result: PipelineResult) -> String? {
        result.files?.first { $0.path == path }.map { String(decoding: $0.contents, as: UTF8.self) }
    }
}

/// Indicators written out in Swift for unit tests of one rule at a time.
func makeIndicator(
    id: String = "test", unit: String = "people", decimals: Int = 0,
    polarity: Polarity = .lowerIsBetter, series: [Observation],
    comparators: [String: [Observation]] = [:], target: IndicatorTarget? = nil
) -> Indicator {
    Indicator(
        id: id, path: "content/indicators/\(id).yml", title: "Test indicator", summary: nil, unit: unit,
        decimals: decimals, polarity: polarity, geography: "Testtown", series: series,
        comparators: comparators.keys.sorted().map { ComparatorSeries(geography: $0, series: comparators[$0]!) },
        target: target, source: DataSource(publisher: "Publisher", title: "Title"), provenance: .primary,
        notes: nil, notesFirstLine: 1)
}

/// The series of an indicator file read with plain text matching, independently of
/// the loader under test, so a loader bug cannot hide a chart or table bug.
struct YAMLSeries {
    var decimals: Int
    var entries: [(period: String, value: Double?)]

    init(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        decimals = lines.first { $0.hasPrefix("decimals:") }.flatMap { Int($0.dropFirst(9).trimmingCharacters(in: .whitespaces)) } ?? 0
        let spreadsheet = file.deletingPathExtension().appendingPathExtension("csv")
        if let table = try? String(contentsOf: spreadsheet, encoding: .utf8) {
            let geography = lines.first { $0.hasPrefix("geography:") }.map { $0.dropFirst(10).trimmingCharacters(in: .whitespaces) }
            entries = Self.entries(csv: table, area: geography ?? "")
            return
        }
        guard let start = lines.firstIndex(of: "series:") else {
            entries = []
            return
        }
        entries = lines[(start + 1)...].prefix { $0.hasPrefix(" ") || $0.hasPrefix("-") }.compactMap(Self.entry)
    }

    /// The area's rows of `indicators/<id>.csv` (area, period and value are its first three columns), as written.
    private static func entries(csv: String, area: String) -> [(period: String, value: Double?)] {
        csv.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3, cells[0] == area else { return nil }
            return (cells[1], Double(cells[2]))
        }
    }

    private static func entry(_ line: String) -> (period: String, value: Double?)? {
        guard let period = capture(#"period: "([^"]*)""#, in: line), let raw = capture(#"value: ([^,}\s]+)"#, in: line) else { return nil }
        return (period, raw == "null" ? nil : Double(raw))
    }

    static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}
