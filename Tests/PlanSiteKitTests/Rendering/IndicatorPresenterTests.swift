import Foundation
import Testing

@testable import PlanSiteKit

/// The fixture site's indicators as a reader sees them.
@Suite("Indicator presenter")
struct IndicatorPresenterTests {
    static var site: Site { TestBuild.fixture.site! }

    func presenter(_ id: String) throws -> IndicatorPresenter {
        IndicatorPresenter(indicator: try #require(Self.site.indicator(id)), site: Self.site)
    }

    @Test func fixtureBuildsCleanly() {
        #expect(TestBuild.fixture.report.diagnostics.map(\.description) == [])
    }

    @Test func comparesWithEnglandAndTheRegionUsingTheLatestValue() throws {
        let life = try presenter("life-expectancy")
        // 2018-20 is null, so the latest figure is 2019-21: 81.2 (80.7 to 81.7).
        #expect(life.headline == "81.2 years in 2019-21")
        let comparisons = life.comparisons()
        #expect(comparisons.map(\.label) == ["worse than England", "similar to East of England"])
    }

    @Test func aLaterNullIsSaidBesideTheHeadline() {
        let indicator = makeIndicator(series: [
            Observation(period: "2022", value: 11), Observation(period: "2023", value: nil, note: "Not collected"),
        ])
        let presenter = IndicatorPresenter(indicator: indicator, site: Self.site)
        #expect(presenter.headline == "11 people in 2022")
        #expect(presenter.newerGap == "There is no figure for 2023: Not collected.")
    }

    @Test func aNationalTotalBesideALocalCountIsNotCompared() throws {
        let rough = try presenter("rough-sleeping")
        #expect(rough.comparison == .differentScale)
        #expect(rough.comparison.label(against: "England") == "not compared")
        #expect(rough.comparisons().count == 1, "no East of England figures, so no regional comparison")
    }

    @Test func saysWhyAFigureIsNotCompared() {
        let unstated = IndicatorPresenter(
            indicator: makeIndicator(series: [Observation(period: "period not stated", value: 78.1)]), site: Self.site)
        #expect(
            unstated.comparisons().first?.method
                == "The source does not state the period of the figure, so no England figure can be matched to it and no comparison is made."
        )
        let dated = IndicatorPresenter(indicator: makeIndicator(series: [Observation(period: "2024-03-31", value: 1)]), site: Self.site)
        #expect(
            dated.comparisons().first?.method == "There is no England figure for 31 March 2024, so no comparison is made.")
    }

    @Test func tableHasEveryPeriodInOrderWithNullsAndComparators() throws {
        let table = try presenter("life-expectancy").table()
        let rows = table.rows
        // Latest first (docs/content-format.md, "Data tables").
        #expect(rows.map(\.period) == ["2019-21", "2018-20", "2017-19", "2016-18", "2015-17"])
        #expect(rows.map(\.value) == ["81.2", "No value: Suppressed: too few deaths", "82.0", "82.1", "–"])
        #expect(rows[0].ci?.text == "80.7 to 81.7")
        let england = rows.map { $0.comparators.first?.value }
        #expect(england == ["82.8", "83.1", "83.3", "83.4", "83.1"])
        #expect(table.comparatorNames.map(\.name) == ["England", "East of England"])
    }

    @Test func indexRowGivesLatestValueWithUnitEnglandComparisonAndDirection() throws {
        let row = try presenter("life-expectancy").row(at: PageAddress(directory: "indicators/"))
        #expect(row.latest == "81.2 years")
        #expect(row.period == "2019-21")
        #expect(row.national == "82.8")
        #expect(row.comparison == "worse than England")
        // Three-year periods that share years: Fingertips tests no trend on them.
        #expect(row.trend == "Trend not assessed (overlapping periods)")
    }

    @Test func tileCarriesTheNumbersInTextAndADecorativeSparkline() throws {
        let tile = try presenter("rough-sleeping").tile(at: PageAddress(directory: "outcomes/healthier-lives/"))
        #expect(tile.headline == "76 people in 2016")
        #expect(tile.sparkline.contains("aria-hidden=\"true\"") == true)
        let page = try #require(TestBuild.page("outcomes/healthier-lives/index.html", in: TestBuild.fixture))
        // Beside a national total it is not compared, and the tile does not repeat "not compared";
        // without intervals no trend is tested, and the tile says so.
        #expect(
            page.contains("76 people in 2016") && !page.contains("not compared")
                && page.contains("Trend not assessed (no confidence intervals)"))
    }

    @Test func indexPageListsEveryIndicator() throws {
        let page = try #require(TestBuild.page("indicators/index.html", in: TestBuild.fixture))
        for indicator in Self.site.indicators { #expect(page.contains(">\(indicator.title)</a>")) }
        #expect(page.contains("href=\"../data/indicators.csv\"") && page.contains("href=\"../data/indicators.json\""))
    }

    @Test func indicatorPageShowsSourceProvenanceNotesAndWhatItEvidences() throws {
        let page = try #require(TestBuild.page("indicators/life-expectancy/index.html", in: TestBuild.fixture))
        #expect(page.contains("Office for National Statistics"))
        #expect(page.contains("Primary: the figures are read from the publisher"))
        #expect(page.contains("Test data, not real figures."))
        #expect(page.contains("href=\"../../outcomes/healthier-lives/index.html\""))
        #expect(!page.contains("<dt>Read from</dt>"), "no empty row for a field the source lacks")
    }
}
