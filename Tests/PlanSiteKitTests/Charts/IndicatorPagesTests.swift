import Foundation
import Testing

@testable import PlanSiteKit

/// Every indicator file of the real content, built with the real templates: its
/// page has a chart, a table and a CSV, and the chart and table carry exactly the
/// file's figures.
@Suite("Indicator pages of the real site")
struct IndicatorPagesTests {
    static let folder = TestPaths.realContent.appendingPathComponent("indicators")
    static let ids: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()

    @Test func theRealSiteBuildsWithEveryIndicator() {
        #expect(TestBuild.real.report.errors.map(\.description) == [])
        #expect(!Self.ids.isEmpty)
        #expect(TestBuild.real.site?.indicators.map(\.id).sorted() == Self.ids)
    }

    @Test(arguments: ids) func pageHasAChartATableAndACSV(id: String) throws {
        let html = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("<table class=\"data-table\">"))
        #expect(html.contains("href=\"../../data/\(id).csv\""))
        #expect(TestBuild.real.files?.contains { $0.path == "data/\(id).csv" } == true)
    }

    @Test(arguments: ids) func chartIsValidAndAccessible(id: String) throws {
        let svg = try chart(of: id)
        let reader = SVGReader.read(svg)
        #expect(reader.error == nil, "\(id): SVG does not parse: \(String(describing: reader.error))")
        let root = try #require(reader.root)
        #expect(root.attributes["role"] == "img")
        let title = try #require(reader.all("title").first)
        let desc = try #require(reader.all("desc").first)
        #expect(root.attributes["aria-labelledby"] == title.attributes["id"])
        #expect(root.attributes["aria-describedby"] == desc.attributes["id"])
        #expect(!title.text.isEmpty && desc.text.hasSuffix("."))
        #expect(!reader.all("text", class: "chart-unit").isEmpty, "the value axis names its unit")
        #expect(!reader.all("text", class: "chart-label", inGroup: "chart-area").isEmpty, "the area's line is labelled directly")
    }

    @Test(arguments: ids) func chartPointsMatchTheYAML(id: String) throws {
        let yaml = try YAMLSeries(file: Self.folder.appendingPathComponent("\(id).yml"))
        let expected = yaml.entries.filter { $0.value != nil }
        #expect(!yaml.entries.isEmpty)
        let reader = SVGReader.read(try chart(of: id))
        let points = reader.points(inGroup: "chart-area")
        #expect(points.map { $0.attributes["data-period"] ?? "" } == expected.map(\.period))
        #expect(points.map { $0.attributes["data-value"].flatMap(Double.init) } == expected.map(\.value))

        let centres = points.compactMap(\.centre)
        #expect(centres.count == points.count)
        #expect(zip(centres, centres.dropFirst()).allSatisfy { $0.x < $1.x }, "points run left to right in the order written")
        let ticks = reader.ticks()
        let low = try #require(ticks.first)
        let high = try #require(ticks.last)
        try #require(low.value != high.value)
        for (centre, entry) in zip(centres, expected) {
            let y = low.y + (entry.value! - low.value) * (high.y - low.y) / (high.value - low.value)
            #expect(abs(centre.y - y) < 0.2, "\(id) \(entry.period): drawn at y=\(centre.y), the axis puts \(entry.value!) at \(y)")
        }
    }

    @Test(arguments: ids) func tableCellsMatchTheYAML(id: String) throws {
        let yaml = try YAMLSeries(file: Self.folder.appendingPathComponent("\(id).yml"))
        let html = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        let table = try #require(SVGReader.fragment(html, open: "<table class=\"data-table\">", close: "</table>"))
        let reader = SVGReader.read(table)
        #expect(reader.error == nil)
        #expect(!reader.all("caption").isEmpty)
        #expect(reader.all("th").allSatisfy { ["col", "row"].contains($0.attributes["scope"]) })
        let rows = reader.rows()
        let geography = try #require(TestBuild.real.site?.indicator(id)?.geography)
        #expect(rows.first?.prefix(2) == ["Period", geography])
        let body = rows.dropFirst()
        let shown = yaml.entries.compactMap { entry in body.first { $0.first == PeriodText.display(entry.period) } }
        #expect(shown.count == yaml.entries.count, "every period of the file has a row")
        for (row, entry) in zip(shown, yaml.entries) {
            if let value = entry.value {
                #expect(row[1] == NumberFormat.format(value, decimals: yaml.decimals))
            } else {
                #expect(row[1].hasPrefix("No value"))
            }
        }
    }

    private func chart(of id: String) throws -> String {
        let html = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        return try #require(SVGReader.fragment(html, open: "<svg class=\"chart\"", close: "</svg>"))
    }
}
