import Foundation
import Testing

@testable import PlanSiteKit

@Suite("Trend chart")
struct TrendChartTests {
    static let roughSleeping = makeIndicator(
        series: zip(2010...2016, [3, 3, 25, 22, 33, 53, 76]).map { Observation(period: String($0), value: Double($1)) },
        comparators: [
            "England": zip(2010...2016, [1768, 2181, 2309, 2414, 2744, 3569, 4134]).map {
                Observation(period: String($0), value: Double($1))
            }
        ])

    @Test func descriptionStatesTheTrendFromTheData() {
        let chart = TrendChart(indicator: Self.roughSleeping, national: "England", regional: "East of England")
        let sentence = ChartDescription(indicator: Self.roughSleeping, lines: chart.lines(), offScale: chart.offScale()).sentence
        #expect(
            sentence == "Rose from 3 in 2010 to 76 in 2016; England rose from 1,768 to 4,134 over the same years."
                + " England's figures are on a much larger scale, so they are not drawn; the table gives them.")
    }

    @Test func aComparatorOffTheAreasScaleIsLeftOffButNamed() throws {
        let chart = TrendChart(indicator: Self.roughSleeping, national: "England", regional: "East of England")
        #expect(chart.lines().map(\.name) == ["Testtown"])
        #expect(chart.offScale() == ["England"])
        let reader = SVGReader.read(chart.svg())
        #expect(reader.points(inGroup: "chart-national").isEmpty)
        #expect(try #require(reader.all("desc").first).text.contains("England rose from 1,768 to 4,134"))
    }

    @Test func aComparatorOnTheSameScaleIsDrawnWithItsOwnMarkerAndDash() {
        let indicator = makeIndicator(
            series: [Observation(period: "2016", value: 0.94)],
            comparators: ["England": [Observation(period: "2016", value: 0.18)]])
        let reader = SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg())
        #expect(reader.points(inGroup: "chart-national").map(\.name) == ["rect"])
        #expect(reader.points(inGroup: "chart-area").map(\.name) == ["circle"])
        // The area's label carries its latest value.
        #expect(reader.all("text", class: "chart-label").map(\.text) == ["Testtown 1", "England"])
    }

    @Test func aNullValueIsAGapNeverZero() throws {
        let indicator = makeIndicator(series: [
            Observation(period: "2016-18", value: 82.1, lowerCI: 81.6, upperCI: 82.6),
            Observation(period: "2017-19", value: 81.9),
            Observation(period: "2018-20", value: nil, note: "Suppressed"),
            Observation(period: "2019-21", value: 81.2),
        ])
        let chart = TrendChart(indicator: indicator, national: "England", regional: nil)
        let reader = SVGReader.read(chart.svg())
        #expect(reader.points(inGroup: "chart-area").map { $0.attributes["data-period"] } == ["2016-18", "2017-19", "2019-21"])
        // One line joins the first two points; the point after the gap stands alone.
        #expect(reader.all("polyline", inGroup: "chart-area").map { $0.attributes["points"]?.split(separator: " ").count } == [2])
        #expect(reader.all("path", class: "chart-ci").count == 1)
        #expect(try #require(reader.all("desc").first).text.contains("No figure for 2018-20 (Suppressed)."))
    }

    @Test func missingYearsBreakTheLineAndAreSaid() throws {
        let indicator = makeIndicator(series: [
            Observation(period: "2011", value: 5), Observation(period: "2020", value: 16),
            Observation(period: "2021", value: 21),
        ])
        let reader = SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg())
        let xs = reader.points(inGroup: "chart-area").compactMap(\.centre?.x)
        #expect(xs.count == 3 && (xs[1] - xs[0]) > 8 * (xs[2] - xs[1]), "years are placed by value")
        #expect(reader.all("polyline", inGroup: "chart-area").count == 1)
        #expect(try #require(reader.all("desc").first).text == "Rose from 5 in 2011 to 21 in 2021. There are no figures for 2012 to 2019.")
    }

    @Test func aNullYearIsNamedOnceNotAlsoAsMissing() throws {
        let indicator = makeIndicator(series: [
            Observation(period: "2021", value: 12), Observation(period: "2022", value: nil, note: "suppressed"),
            Observation(period: "2023", value: 9),
        ])
        let reader = SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg())
        #expect(try #require(reader.all("desc").first).text == "Fell from 12 in 2021 to 9 in 2023. No figure for 2022 (suppressed).")
    }

    @Test func theTargetLineIsDrawnAndLabelled() throws {
        let indicator = makeIndicator(
            polarity: .higherIsBetter,
            series: [Observation(period: "2019-20", value: 230), Observation(period: "2020-21", value: 280)],
            target: IndicatorTarget(value: 425, by: "2027-28", label: "425 a year"))
        let reader = SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg())
        #expect(reader.all("text", inGroup: "chart-target").map(\.text) == ["Target 425"])
    }

    @Test func numbersInTheChartAreInEnGBForm() throws {
        let indicator = makeIndicator(series: [Observation(period: "2023", value: 12_345), Observation(period: "2024", value: 14_020)])
        let reader = SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg())
        #expect(reader.ticks().contains { $0.value == 14_000 })
        #expect(reader.all("text", inGroup: "chart-axis").contains { $0.text == "14,000" })
        #expect(try #require(reader.all("desc").first).text == "Rose from 12,345 in 2023 to 14,020 in 2024.")
    }

    @Test func aSeriesWithNoValuesDrawsNoPointsAndSaysSo() throws {
        let indicator = makeIndicator(series: [Observation(period: "2024", value: nil, note: "Not yet published")])
        let reader = SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg())
        #expect(reader.error == nil && reader.points(inGroup: "chart-area").isEmpty)
        #expect(try #require(reader.all("desc").first).text == "No figures published. No figure for 2024 (Not yet published).")
    }

    @Test func textIsEscapedForXML() {
        var indicator = makeIndicator(series: [Observation(period: "Q1 <draft> & \"final\"", value: 1)])
        indicator.title = "Homes & <gardens>"
        #expect(SVGReader.read(TrendChart(indicator: indicator, national: "England", regional: nil).svg()).error == nil)
    }
}

@Suite("Chart layout")
struct ChartLayoutTests {
    @Test func periodsMergeInTheOrderWritten() {
        #expect(PeriodOrder.merge([["2010", "2011", "2012"], ["2009", "2010", "2013"]]) == ["2009", "2010", "2011", "2012", "2013"])
        #expect(PeriodOrder.merge([["2016-18", "2019-21"], ["2015-17", "2016-18"]]) == ["2015-17", "2016-18", "2019-21"])
    }

    @Test func labelsThatWouldOverlapAreSpreadApart() {
        let placed = LabelPlacer.spread([100, 102, 300], within: 0...400)
        #expect(placed[0] == 100 && placed[1] >= 100 + ChartText.lineHeight && placed[2] == 300)
    }

    @Test func valuesAtTheEndsOfWhatADoubleHoldsGiveAFewTicks() {
        // -1e308 and 1e308 made the tick stride run forever; the reader refuses them, this is the second guard.
        for values in [[-1e308, 1e308], [1.7e308, -1.7e308], [.infinity, 3], [1e-300, 2e-300], [0, .greatestFiniteMagnitude]] {
            let scale = Scale(values: values)
            #expect(scale.ticks.count <= 21 && scale.low.isFinite && scale.high.isFinite && scale.high > scale.low, "\(values)")
        }
        #expect(SVG.number(.nan) == "0" && SVG.number(1e300) == "1000000")
    }

    /// Coordinates are written digit by digit into the drawing's bytes: the same text as Swift's own
    /// `String(Int(rounded))` or `String(rounded)` of the value rounded to tenths, for any value.
    @Test func coordinatesAreWrittenAsSwiftWritesThemRounded() {
        func reference(_ value: Double) -> String {
            let rounded = value.isFinite ? (min(max(value, -1e6), 1e6) * 10).rounded() / 10 : 0
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.95, -0.95, 9.95, 99.95, 1e6, -1e6, 999_999.94, -999_999.96]
        values += [.infinity, -.infinity, .nan, .leastNonzeroMagnitude, 1e7, -1e300]
        for scale in [1.0, 10, 1000, 1e6, 2e6] {
            for _ in 0..<2000 { values.append(Double.random(in: -scale...scale, using: &generator)) }
        }
        for value in values {
            #expect(SVG.number(value) == reference(value), "\(value)")
        }
    }

    @Test func aSingleValueAxisIncludesZero() {
        let scale = Scale(values: [57.7])
        #expect(scale.low == 0 && scale.high >= 57.7)
    }
}

@Suite("Sparkline")
struct SparklineTests {
    @Test func isDecorativeAndHiddenFromAssistiveTechnology() {
        let svg = Sparkline(indicator: TrendChartTests.roughSleeping).svg()
        #expect(svg.contains("aria-hidden=\"true\"") && svg.contains("focusable=\"false\""))
        #expect(SVGReader.read(svg).error == nil)
    }

    @Test func breaksWhereTheChartDoes() {
        let indicator = makeIndicator(
            series: [2017, 2018, 2019, 2022, 2023].map { Observation(period: String($0), value: Double($0 - 2000)) })
        #expect(SVGReader.read(Sparkline(indicator: indicator).svg()).all("polyline").count == 2)
    }

    @Test func aSingleValueDrawsNothing() {
        #expect(Sparkline(indicator: makeIndicator(series: [Observation(period: "2020", value: 4)])).svg() == "")
    }
}
