import Testing

@testable import PlanSiteKit

@Suite("Progress against a commitment's target")
struct TargetProgressTests {
    static let location = SourceLocation(path: "content/commitments/x.md")

    func progress(
        polarity: Polarity = .higherIsBetter, unit: String = "dwellings", series: [Observation],
        value: Double, by: String, label: String
    ) -> TargetProgress {
        let target = CommitmentTarget(indicator: Located(value: "test", location: Self.location), value: value, by: by, label: label)
        return TargetProgress(target: target, indicator: makeIndicator(unit: unit, polarity: polarity, series: series))
    }

    static let homes = [Observation(period: "2019-20", value: 230), Observation(period: "2020-21", value: 280)]

    @Test func sentenceIsComputedFromTheData() {
        let homes = progress(series: Self.homes, value: 425, by: "2027-28", label: "425 new homes a year")
        #expect(homes.sentence == "280 dwellings in 2020-21, 145 short of the target of 425 new homes a year.")
        #expect(homes.percent == 66, "280 / 425 is 65.9%: 66% to the nearest whole per cent, as the issue's worked example")
    }

    @Test func aFigureFarBeyondTheTargetNeverTraps() {
        // 2.8e20 of 425 trapped converting to Int; the reader refuses such a figure, this is the second guard.
        let huge = progress(series: [Observation(period: "2020-21", value: 2.8e20)], value: 425, by: "2027-28", label: "425 a year")
        #expect(huge.percent == 1_000)
        #expect(huge.record(at: PageAddress(directory: "commitments/x/")).percent == "100")
    }

    @Test func aTargetToGetDownToIsSaidAsTheDistanceLeft() {
        let ta = progress(
            polarity: .lowerIsBetter, unit: "households", series: [Observation(period: "2024-03-31", value: 1078)],
            value: 500, by: "2027", label: "Fewer than 500 households")
        #expect(ta.percent == nil)
        #expect(ta.sentence == "1,078 households on 31 March 2024, 578 above the target: fewer than 500 households.")
        let met = progress(
            polarity: .lowerIsBetter, series: [Observation(period: "2027", value: 480)], value: 500, by: "2027", label: "Under 500")
        #expect(met.sentence == "480 dwellings in 2027, below the target: under 500.")
        let above = progress(
            series: [Observation(period: "2020-21", value: 201)], value: 85, by: "2027-28", label: "85 affordable homes a year")
        #expect(above.sentence == "201 dwellings in 2020-21, above the target of 85 affordable homes a year.", "as the issue writes it")
    }

    @Test func saysWhenTheLatestFigureEndsBeforeTheTargetPeriodStarts() {
        let old = progress(series: Self.homes, value: 425, by: "2027-28", label: "425 a year")
        #expect(
            old.predatesNote
                == "The latest figure, for 2020-21, predates the target's period (2027-28): it shows the position then, not whether the target has been met."
        )
        let date = progress(series: [Observation(period: "2024-03-31", value: 1)], value: 5, by: "2027", label: "x")
        #expect(date.predatesNote?.hasPrefix("The latest figure, for 31 March 2024, predates") == true)
    }

    @Test func saysNothingWhenTheLatestFigureReachesTheTargetPeriod() {
        #expect(progress(series: [Observation(period: "2027", value: 400)], value: 425, by: "2027-28", label: "x").predatesNote == nil)
        #expect(
            progress(series: [Observation(period: "2026-27", value: 400)], value: 425, by: "2027-28", label: "x").predatesNote == nil,
            "2026-27 runs into 2027, so it is not plainly older")
    }

    @Test func saysWhenThePeriodIsNotStated() {
        let unknown = progress(series: [Observation(period: "period not stated", value: 57.7)], value: 60, by: "2027", label: "x")
        #expect(
            unknown.predatesNote
                == "The source does not state the period of the latest figure, so it cannot show progress toward the target for 2027.")
        #expect(unknown.sentence == "58 dwellings (period not stated), 2 short of the target of 60 (x).")
    }

    @Test func noFigureAtAll() {
        let none = progress(series: [Observation(period: "2024", value: nil, note: "Suppressed")], value: 1, by: "2027", label: "x")
        #expect(none.sentence == "No figure has been published yet for test indicator.")
        #expect(none.predatesNote == nil && none.percent == nil)
    }

    @Test func theRealCommitmentPageShowsTheComputedSentence() throws {
        let page = try #require(TestBuild.page("commitments/new-and-affordable-homes/index.html", in: TestBuild.real))
        #expect(page.contains("280 dwellings in 2020-21, 145 short of the target of 425 new homes a year."))
        #expect(page.contains("predates the target&#39;s period (2027-28)") || page.contains("predates the target's period (2027-28)"))
    }
}

@Suite("Periods in words")
struct PeriodTextTests {
    @Test(arguments: [
        ("2016", 2016...2016), ("2019-21", 2019...2021), ("2020-21", 2020...2021), ("2011/12", 2011...2012),
        ("2023-09-30", 2023...2023), ("2010 to 2016", 2010...2016), ("past year (to 2025)", 2025...2025), ("1999-00", 1999...2000),
    ])
    func yearsCovered(period: String, years: ClosedRange<Int>) {
        #expect(PeriodText.years(period) == years)
    }

    @Test func noYearNoGuess() {
        #expect(PeriodText.years("period not stated") == nil)
        #expect(PeriodText.years("2023-09") == 2023...2023, "a month is not a range of years")
    }

    @Test func phrases() {
        #expect(PeriodText.phrase("2020-21") == "in 2020-21")
        #expect(PeriodText.phrase("2024-03-31") == "on 31 March 2024")
        #expect(PeriodText.phrase("period not stated") == "(period not stated)")
    }
}
