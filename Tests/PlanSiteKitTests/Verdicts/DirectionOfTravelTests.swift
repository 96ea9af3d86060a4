import Testing

@testable import PlanSiteKit

@Suite("Direction of travel")
struct DirectionOfTravelTests {
    static func yearly(_ values: [Double?], from year: Int = 2016, halfWidth: Double? = nil) -> [Observation] {
        values.enumerated().map { index, value in
            Observation(
                period: String(year + index), value: value,
                lowerCI: halfWidth.flatMap { h in value.map { $0 - h } },
                upperCI: halfWidth.flatMap { h in value.map { $0 + h } })
        }
    }

    static let verdictWords = ["improving", "getting worse", "no significant change", "no clear change"]

    func assess(
        _ series: [Observation], polarity: Polarity = .higherIsBetter, valueType: ValueType? = nil
    ) -> DirectionOfTravel.Assessment {
        var indicator = makeIndicator(decimals: 1, polarity: polarity, series: series)
        indicator.valueType = valueType
        indicator.multiplier = valueType == .crudeRate ? 100_000 : nil
        return DirectionOfTravel.assess(indicator)
    }

    @Test func theWordsAreExactlyThese() {
        #expect(
            DirectionOfTravel.allCases.map(\.words) == [
                "improving", "getting worse", "no significant change", "trend not assessed",
            ])
        #expect(DirectionOfTravel.allCases.map(\.cssClass) == ["better", "worse", "neutral", "neutral"])
    }

    @Test func aSignificantTrendIsJudgedByPolarity() {
        let rising = Self.yearly([60, 62, 64, 66, 68], halfWidth: 1)
        let up = assess(rising, polarity: .higherIsBetter)
        #expect(up.direction == .improving && up.phrase == "Improving, 2016 to 2020")
        #expect(up.sentence.hasPrefix("Improving: a trend test on the five yearly figures from 2016 to 2020"))
        #expect(up.sentence.contains("68.0 in 2020, up from 60.0 in 2016."))
        #expect(assess(rising, polarity: .lowerIsBetter).direction == .gettingWorse)
    }

    @Test func aTestThatFindsNothingSaysNoSignificantChange() {
        let result = assess(Self.yearly([60, 63, 59, 62, 61], halfWidth: 3))
        #expect(result.direction == .noSignificantChange && result.phrase == "No significant change, 2016 to 2020")
        #expect(result.reason == nil)
    }

    @Test func onlyTheFiveLatestYearsAreTested() {
        let result = assess(Self.yearly([10, 20, 30, 60, 61, 59, 62, 61], halfWidth: 3))
        #expect(result.direction == .noSignificantChange && result.window == "2019 to 2023")
    }

    /// The example: overlapping three-year periods get no verdict word, only the movement.
    @Test func rollingPeriodsStateTheMovementAndWhyThereIsNoTest() {
        let periods = ["2017-19", "2018-20", "2019-21", "2020-22", "2021-23", "2022-24"]
        let values = [82.5, 82.3, 81.6, 81.3, 82.0, 82.6]
        let result = assess(
            zip(periods, values).map { Observation(period: $0, value: $1, lowerCI: $1 - 0.5, upperCI: $1 + 0.5) })
        #expect(result.direction == .notAssessed && result.reason == .rollingPeriods(example: "2022-24"))
        #expect(
            result.sentence.hasPrefix(
                "82.6 in 2022-24, up from 82.0 in 2021-23; it was 82.3 in 2018-20. No trend is assessed:"))
        #expect(result.phrase == "Trend not assessed (overlapping periods)")
        for word in Self.verdictWords {
            #expect(!result.sentence.lowercased().contains(word) && !result.phrase.lowercased().contains(word))
        }
    }

    @Test func periodsThatCannotBeTestedSayWhy() {
        let separate = ["2008-10", "2011-13", "2014-16"].map {
            Observation(period: $0, value: 5, lowerCI: 4, upperCI: 6)
        }
        #expect(assess(separate).reason == .multiYearPeriods(example: "2014-16"))
        let quarters = ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31", "2025-03-31"].map {
            Observation(period: $0, value: 5)
        }
        #expect(assess(quarters).reason == .quarterly)
        let notYears = [
            Observation(period: "past year (to 2025)", value: 30), Observation(period: "2025 (projection)", value: 35),
        ]
        #expect(assess(notYears).reason == .periodsNotYears)
        #expect(assess(Self.yearly([1, 2, 3], halfWidth: 0.1)).reason == .fewerThanFive(yearly: 3))
    }

    @Test func aBreakSplitsTheWindowAndOnlyTheFiguresFromItCount() {
        var series = Self.yearly([60, 62, 64, 66, 68, 70, 72], halfWidth: 1)
        series[4].flags = [.breakInSeries]
        let result = assess(series)
        #expect(result.reason == .breakInSeries(period: "2020", yearly: 3))
        #expect(result.sentence.contains("the series has a break at 2020"))
        series[4].flags = []
        series[1].flags = [.breakInSeries]
        #expect(
            assess(series).direction == .improving, "six yearly figures from the break on: the latest five are tested")
    }

    @Test func aMissingYearIsAGap() {
        let withNull = assess(Self.yearly([60, 62, nil, 66, 68, 70], halfWidth: 1))
        #expect(withNull.reason == .gap(period: "2018", yearly: 3))
        let skipped = ["2015", "2016", "2017", "2018", "2019", "2022"].map {
            Observation(period: $0, value: 5, lowerCI: 4, upperCI: 6)
        }
        #expect(assess(skipped).reason == .gap(period: "2021", yearly: 1))
    }

    @Test func countsAndSeriesWithoutIntervalsAreNotTested() {
        var count = makeIndicator(series: Self.yearly([10, 20, 30, 40, 50]))
        count.measure = .count
        #expect(DirectionOfTravel.assess(count).reason == .count)
        #expect(assess(Self.yearly([10, 20, 30, 40, 50])).reason == .noIntervals)
    }

    @Test func withoutPolarityATestedRiseIsNotCalledBetterOrWorse() {
        let result = assess(Self.yearly([60, 62, 64, 66, 68], halfWidth: 1), polarity: .noJudgement)
        #expect(result.direction == .notAssessed && result.reason == .noPolarity(rise: true))
        #expect(result.sentence.contains("finds a significant rise, but neither higher nor lower is better"))
    }

    /// A crude rate with counts: each year's interval is computed (Byar, or exact below 10).
    @Test func aCrudeRateWithCountsIsTestedOnComputedIntervals() {
        let counts: [Double] = [47, 43, 15, 7, 11]
        let rates = [21.95, 20.18, 7.02, 3.11, 4.89]
        let series = zip(counts, rates).enumerated().map {
            Observation(period: String(2018 + $0), value: $1.1, count: $1.0)
        }
        let result = assess(series, polarity: .lowerIsBetter, valueType: .crudeRate)
        #expect(result.direction == .improving)
        #expect(
            result.sentence.hasSuffix(
                "a 95% interval that PlanSite computed from its count, by Byar's method and the exact Poisson method."))
    }

    @Test func oneFigureHasNoEarlierFigure() {
        let result = assess([Observation(period: "period not stated", value: 3)])
        #expect(result.reason == .onlyOneFigure && result.phrase == "No earlier figure")
        #expect(assess(Self.yearly([nil, 4])).phrase == "No earlier figure")
    }

    static let everyReason: [NoTrendReason] = [
        .onlyOneFigure, .periodsNotYears, .rollingPeriods(example: "2019-21"), .multiYearPeriods(example: "2011-13"),
        .quarterly, .singleDates, .fewerThanFive(yearly: 3), .breakInSeries(period: "2020", yearly: 2),
        .gap(period: "2021", yearly: 1), .count, .noIntervals, .extremeProportion, .noPolarity(rise: false),
    ]

    /// Every kind of "no verdict" names its reason in the badge and explains it on the page,
    /// and none of them uses a verdict word.
    @Test(arguments: everyReason) func everyNoVerdictSaysWhy(_ reason: NoTrendReason) {
        let assessment = DirectionOfTravel.Assessment(direction: .notAssessed, reason: reason, sentence: reason.sentence)
        #expect(reason == .onlyOneFigure || assessment.phrase == "Trend not assessed (\(reason.short))")
        #expect(reason.sentence.count > 40 && reason.sentence.hasSuffix("."))
        #expect(!reason.sentence.contains("..") && !reason.sentence.contains(" ."))
        for word in ["improving", "getting worse", "no clear change"] where reason != .noPolarity(rise: false) {
            #expect(!reason.sentence.lowercased().contains(word) && !assessment.phrase.lowercased().contains(word))
        }
    }
}
