import Foundation
import Testing

@testable import PlanSiteKit

/// Every chart of the real site and the breakdown site, wide and narrow: no two tick
/// labels' boxes overlap, and each stays inside its drawing.
@Suite("Tick labels of long and uneven series")
struct TickLabelTests {
    static let breakdownBuild = TestBuild.run(content: TestPaths.breakdownSite)

    /// Every `<svg class="chart…">` of every indicator page.
    static func charts(in result: PipelineResult) -> [(page: String, svg: String)] {
        (result.files ?? []).filter {
            $0.path.hasPrefix("indicators/") && $0.path.hasSuffix("/index.html") && $0.path != "indicators/index.html"
        }
        .flatMap { file -> [(String, String)] in
            var html = String(decoding: file.contents, as: UTF8.self)[...]
            var found: [(String, String)] = []
            while let start = html.range(of: "<svg class=\"chart"),
                let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex)
            {
                found.append((file.path, String(html[start.lowerBound..<end.upperBound])))
                html = html[end.upperBound...]
            }
            return found
        }
    }

    struct Box {
        var text: String
        var x0, x1, y0, y1: Double
    }

    /// A label's box from its anchor, at the generous width the layout assumes.
    static func box(_ element: SVGReader.Element) -> Box? {
        guard let x = element.attributes["x"].flatMap(Double.init), let y = element.attributes["y"].flatMap(Double.init) else { return nil }
        let width = ChartText.width(element.text)
        let x0: Double =
            switch element.attributes["text-anchor"] {
            case "middle": x - width / 2
            case "end": x - width
            default: x
            }
        return Box(text: element.text, x0: x0, x1: x0 + width, y0: y - 13, y1: y + 4)
    }

    static func check(_ result: PipelineResult) throws -> Int {
        let charts = charts(in: result)
        for (page, svg) in charts {
            let reader = SVGReader.read(svg)
            try #require(reader.error == nil, "\(page): \(String(describing: reader.error))")
            let width = try #require(reader.root?.attributes["viewBox"]?.split(separator: " ").dropFirst(2).first.flatMap { Double($0) })
            for cssClass in ["chart-period", "chart-value-tick"] {
                let boxes = reader.all("text", class: cssClass).compactMap(box)
                for (i, a) in boxes.enumerated() {
                    #expect(a.x0 >= -0.5 && a.x1 <= width + 0.5, "\(page): tick label \(a.text) runs out of the drawing")
                    for b in boxes[(i + 1)...] {
                        let overlaps = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
                        #expect(!overlaps, "\(page): tick labels \(a.text) and \(b.text) overlap")
                    }
                }
            }
        }
        return charts.count
    }

    @Test func noTickLabelsOverlapOnTheRealSite() throws {
        let count = try Self.check(TestBuild.real)
        #expect(count >= 2 * (TestBuild.real.site?.indicators.count ?? 0), "a wide and a narrow chart per indicator")
    }

    @Test func noTickLabelsOverlapOnTheBreakdownSite() throws {
        #expect(Self.breakdownBuild.report.errors.isEmpty && Self.breakdownBuild.report.warnings.isEmpty)
        #expect(try Self.check(Self.breakdownBuild) == 2 * 2 + 2 * 2, "two trend charts and two breakdown charts, each wide and narrow")
    }

    @Test func aLongQuarterlySeriesIsLabelledByYearOnATimeAxis() {
        let quarters = (2018...2025).flatMap { year in ["31 Mar", "30 Jun", "30 Sep", "31 Dec"].map { "\($0) \(year)" } }.dropFirst().map {
            $0
        }
        #expect(quarters.count == 31)
        let axis = XAxis(periods: quarters, left: 40, width: 280)
        #expect(axis.isTimeScale)
        let ticks = axis.ticks(within: 0...340)
        #expect(ticks.allSatisfy { Int($0.label) != nil }, "year labels on a date axis")
        #expect(ticks.count >= 3)
    }

    @Test func thirtyFinancialYearsLabelTheLatest() {
        let years = (1991...2020).map { String(format: "%d-%02d", $0, ($0 + 1) % 100) }
        let axis = XAxis(periods: years, left: 72, width: 478)
        #expect(axis.isTimeScale)
        #expect(axis.ticks(within: 0...720).last?.label == "2020-21")
        let narrow = XAxis(periods: years, left: 40, width: 240)
        #expect(narrow.ticks(within: 0...340).last?.label == "2020-21")
    }

    @Test func aMissingYearIsAGapOnTheTimeAxis() {
        let axis = XAxis(periods: ["2017-19", "2018-20", "2020-22"], left: 0, width: 100)
        #expect(axis.joins(0, 1) && !axis.joins(1, 2))
        #expect(abs(axis.x(1) - 100.0 / 3) < 0.01, "periods placed by time, not evenly")
    }

    @Test(arguments: [
        ("2019", 2019.0...2020.0), ("2019-20", 2019.25...2020.25), ("2019-21", 2019.0...2022.0),
        ("2019-23", 2019.0...2024.0), ("1999-00", 1999.25...2000.25),
    ])
    func periodSpans(period: String, span: ClosedRange<Double>) {
        #expect(PeriodText.span(period) == span)
    }

    @Test func quarterEndDatesReadAsDates() {
        #expect(PeriodText.display("30 Jun 2018") == "30 June 2018")
        #expect(PeriodText.phrase("31 Dec 2025") == "on 31 December 2025")
        #expect(PeriodText.display("2024-03-31") == "31 March 2024")
        #expect(PeriodText.span("period not stated") == nil && PeriodText.span("2025 (projection)") == nil)
    }
}
