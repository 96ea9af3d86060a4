import Foundation
import Testing

@testable import PlanSiteKit

/// The generated sentence under a breakdown, against worked examples: ordered and
/// unordered dimensions, with and without confidence intervals.
@Suite("Breakdowns")
struct BreakdownTests {
    static func indicator(unit: String = "years", decimals: Int = 1, polarity: Polarity = .higherIsBetter, _ breakdown: Breakdown)
        -> Indicator
    {
        var indicator = makeIndicator(
            unit: unit, decimals: decimals, polarity: polarity, series: [Observation(period: "2021-23", value: 79.5)])
        indicator.breakdowns = [breakdown]
        return indicator
    }

    static let deciles = Breakdown(
        dimension: "deprivation decile", period: "2021-23", ordered: true,
        categories: [
            BreakdownCategory(category: "1 (most deprived)", value: 74.9, lowerCI: 73.8, upperCI: 76.0),
            BreakdownCategory(category: "5", value: 79.9, lowerCI: 78.9, upperCI: 80.9),
            BreakdownCategory(category: "6", value: nil, note: "Too few deaths to publish"),
            BreakdownCategory(category: "10 (least deprived)", value: 83.6, lowerCI: 82.6, upperCI: 84.6),
        ],
        overall: Observation(period: "2021-23", value: 79.5, lowerCI: 79.1, upperCI: 79.9))

    @Test func orderedWithIntervals() {
        let summary = BreakdownSummary(breakdown: Self.deciles, indicator: Self.indicator(Self.deciles))
        // First to last: 83.6 − 74.9 = 8.7. Decile 1's interval (73.8 to 76.0) lies below 79.5; decile 10's (82.6 to 84.6)
        // above; decile 5's (78.9 to 80.9) contains it.
        #expect(
            summary.sentence == "From 1 (most deprived) to 10 (least deprived) the figure rises from 74.9 to 83.6, a gap of 8.7 years."
                + " Significantly better than Testtown overall (79.5): 10 (least deprived); significantly worse than it: 1 (most deprived)."
                + " No figure for 6 (Too few deaths to publish).")
    }

    /// A bar's length is read as its size: bars only when the scale starts at zero, dots otherwise.
    @Test func barsStartAtZeroOrTheGroupsAreDots() {
        let shares = Breakdown(
            dimension: "age band", period: "2023", ordered: true,
            categories: [BreakdownCategory(category: "18 to 34", value: 2.0), BreakdownCategory(category: "35 to 64", value: 9.5)])
        let bars = BreakdownChart(breakdown: shares, indicator: Self.indicator(unit: "%", shares), national: "England", index: 0)
        #expect(bars.scale.low == 0 && !bars.isDotPlot && bars.baselineNote == nil)
        #expect(SVGReader.read(bars.svg()).all("rect", class: "chart-bar-fill").count == 2)
        let lives = BreakdownChart(breakdown: Self.deciles, indicator: Self.indicator(Self.deciles), national: "England", index: 0)
        let drawn = SVGReader.read(lives.svg())
        #expect(lives.isDotPlot && drawn.all("rect", class: "chart-bar-fill").isEmpty)
        #expect(drawn.all("circle", class: "chart-dot").count == 3, "a dot for each group with a figure")
        #expect(lives.baselineNote?.hasPrefix("Each dot marks a group's figure. The scale starts at") == true)
    }

    @Test func orderedWithoutIntervalsIsNotTested() {
        let plain = Breakdown(
            dimension: "age band", period: "2023", ordered: true,
            categories: [
                BreakdownCategory(category: "18 to 34", value: 21.0), BreakdownCategory(category: "35 to 64", value: 30.5),
                BreakdownCategory(category: "65 and over", value: 12.25),
            ],
            overall: Observation(period: "2023", value: 20))
        let summary = BreakdownSummary(breakdown: plain, indicator: Self.indicator(unit: "%", polarity: .lowerIsBetter, plain))
        // First to last, not highest to lowest: 21.0 to 12.25 (shown 12.3), a gap of 8.75 (shown 8.8).
        #expect(
            summary.sentence == "From 18 to 34 to 65 and over the figure falls from 21.0 to 12.3, a gap of 8.8 percentage points."
                + " The groups' figures have no confidence intervals, so the differences are not tested for significance.")
    }

    @Test func unorderedWithoutIntervals() {
        let wards = Breakdown(
            dimension: "ward", period: "2023", ordered: false,
            categories: [
                BreakdownCategory(category: "Northgate", value: 18.4), BreakdownCategory(category: "Riverside", value: 12.1),
                BreakdownCategory(category: "Hillcrest", value: 9.8), BreakdownCategory(category: "Old Town", value: 15.0),
            ],
            overall: Observation(period: "2023", value: 13.9))
        let summary = BreakdownSummary(breakdown: wards, indicator: Self.indicator(unit: "%", polarity: .lowerIsBetter, wards))
        #expect(
            summary.sentence
                == "The highest figure is for Northgate (18.4) and the lowest for Hillcrest (9.8), a gap of 8.6 percentage points."
                + " The groups' figures have no confidence intervals, so the differences are not tested for significance.")
    }

    @Test func unorderedWithIntervalsAndNoOverallComparesTheTwoEnds() {
        // Healthy life expectancy by sex, Luton 2022-24 (luton-series.md): females 55.8 (51.5 to 60.0), males 56.9 (53.2 to 60.7).
        let sex = Breakdown(
            dimension: "sex", period: "2022-24", ordered: false,
            categories: [
                BreakdownCategory(category: "Females", value: 55.8, lowerCI: 51.5, upperCI: 60.0),
                BreakdownCategory(category: "Males", value: 56.9, lowerCI: 53.2, upperCI: 60.7),
            ])
        let summary = BreakdownSummary(breakdown: sex, indicator: Self.indicator(sex))
        #expect(
            summary.sentence == "The highest figure is for Males (56.9) and the lowest for Females (55.8), a gap of 1.1 years."
                + " Their confidence intervals overlap, so the gap is not statistically significant.")
    }

    @Test func unorderedWithIntervalsAgainstTheOverallValue() {
        let wards = Breakdown(
            dimension: "ward", period: "2023", ordered: false,
            categories: [
                BreakdownCategory(category: "A", value: 20, lowerCI: 18, upperCI: 22),
                BreakdownCategory(category: "B", value: 15, lowerCI: 13, upperCI: 17.5),
                BreakdownCategory(category: "C", value: 10, lowerCI: 8, upperCI: 12),
            ],
            overall: Observation(period: "2023", value: 16))
        let summary = BreakdownSummary(breakdown: wards, indicator: Self.indicator(unit: "%", decimals: 0, polarity: .lowerIsBetter, wards))
        #expect(
            summary.sentence == "The highest figure is for A (20) and the lowest for C (10), a gap of 10 percentage points."
                + " Significantly worse than Testtown overall (16): A; significantly better than it: C.")
    }

    @Test func theBreakdownSitesPagesCarryChartTableAndSentence() throws {
        let build = TickLabelTests.breakdownBuild
        let page = try #require(TestBuild.page("indicators/life-expectancy-by-deprivation/index.html", in: build))
        #expect(page.contains("<svg class=\"chart chart-bars\"") && page.contains("<svg class=\"chart chart-bars chart-small\""))
        #expect(page.contains("a gap of 8.7 years"))
        #expect(page.contains("<th scope=\"row\">Ashford Vale overall</th>"))
        let svg = try #require(SVGReader.fragment(page, open: "<svg class=\"chart chart-bars\"", close: "</svg>"))
        let reader = SVGReader.read(svg)
        #expect(reader.error == nil)
        #expect(reader.all("path", class: "chart-ci").count == 9, "a whisker for every group with an interval")
        // Life expectancy from 74 to 84 years: a dot per group on a scale that says where it starts, no bars.
        #expect(reader.all("circle", class: "chart-dot").count == 9 && reader.all("text", class: "chart-bar-missing").count == 1)
        #expect(reader.all("rect", class: "chart-bar-fill").isEmpty)
        #expect(
            page.contains("Each dot marks a group&#39;s figure. The scale starts at")
                || page.contains("Each dot marks a group's figure. The scale starts at"))
        let csv = try #require(TestBuild.page("data/smoking-by-ward.csv", in: build))
        #expect(csv.contains("smoking-by-ward,Adults who smoke,Ashford Vale,2023,ward,Northgate,18.4,,,%,"))
        let json = try #require(TestBuild.page("data/indicators.json", in: build))
        #expect(json.contains("\"dimension\" : \"deprivation decile\"") && json.contains("\"ordered\" : true"))
    }
}
