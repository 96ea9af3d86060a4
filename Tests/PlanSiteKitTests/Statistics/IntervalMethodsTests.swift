import Foundation
import Testing

@testable import PlanSiteKit

/// Each interval method on figures worked by hand or by scipy and statsmodels (the seeded
/// comparison on hundreds of inputs is Tests/statistics/test_reference.py).
@Suite("Confidence interval methods")
struct IntervalMethodsTests {
    func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= relative * max(abs(b), 1e-300)
    }

    @Test func chiSquaredQuantilesMatchScipy() {
        #expect(
            close(ChiSquared.quantile(0.998, degreesOfFreedom: 1), 9.549535706083237), "Fingertips' trend threshold")
        #expect(close(TrendTest.threshold, ChiSquared.quantile(0.998, degreesOfFreedom: 1), relative: 1e-12))
        #expect(close(ChiSquared.quantile(0.975, degreesOfFreedom: 2), 7.377758908227871))
    }

    @Test(arguments: [
        (0.0, 0.0, 3.6888794541139354), (1, 0.025317807984289876, 5.571643390938898),
        (7, 2.8143630515198654, 14.422675361702376), (43, 31.119313211967185, 57.92071781038363),
    ])
    func exactPoissonMatchesScipy(count: Double, lower: Double, upper: Double) throws {
        let interval = try #require(IntervalMethods.exactPoisson(count: count))
        #expect(interval.lower == 0 ? lower == 0 : close(interval.lower, lower))
        #expect(close(interval.upper, upper))
    }

    @Test func byarFollowsTheTechnicalGuideAndIsCloseToExactFromTenEvents() throws {
        let byar = try #require(IntervalMethods.byar(count: 11))
        #expect(close(byar.lower, 5.483690198449974) && close(byar.upper, 19.68323711614639))
        let exact = try #require(IntervalMethods.exactPoisson(count: 11))
        #expect(abs(byar.lower - exact.lower) / exact.lower < 0.002)
        #expect(IntervalMethods.byar(count: 0) == nil, "Byar's formula divides by the count")
    }

    @Test func wilsonMatchesStatsmodels() throws {
        let interval = try #require(IntervalMethods.wilson(count: 1367, denominator: 44701))
        #expect(close(interval.lower, 0.029024727549099127) && close(interval.upper, 0.03221788889866577))
        let none = try #require(IntervalMethods.wilson(count: 0, denominator: 50))
        #expect(none.lower == 0 && close(none.upper, 0.07134759913335874))
        #expect(IntervalMethods.wilson(count: 51, denominator: 50) == nil)
    }

    /// Defect 7 of the data-integrity review: 11 people sleeping rough in Luton in 2022, a rate
    /// of 4.9 per 100,000. Byar's interval on the count, scaled to the rate, holds England's 5.4.
    @Test func aCrudeRateFromItsCountAloneScalesTheCountsInterval() throws {
        let rate = Observation(period: "2022", value: 4.89267255566527, count: 11)
        let figure = try #require(FigureInterval.of(rate, valueType: .crudeRate, multiplier: 100_000))
        #expect(figure.computedBy == .byar)
        #expect(close(figure.interval.lower, 2.439081867066075) && close(figure.interval.upper, 8.754875822256496))
        let small = Observation(period: "2021", value: 3.1, count: 7)
        #expect(FigureInterval.of(small, valueType: .crudeRate, multiplier: 100_000)?.computedBy == .exactPoisson)
        #expect(FigureInterval.restsOnFewEvents(small, valueType: .crudeRate))
    }

    @Test func aRateFromACountAndDenominatorIsScaledByTheMultiplier() throws {
        let rate = Observation(period: "2024", value: 11.3, count: 932, denominator: 82_510)
        let figure = try #require(FigureInterval.of(rate, valueType: .crudeRate, multiplier: 1000))
        let byar = try #require(IntervalMethods.byar(count: 932))
        #expect(close(figure.interval.lower, byar.lower * 1000 / 82_510))
        let share = Observation(period: "2024", value: 3.06, count: 1367, denominator: 44701)
        #expect(FigureInterval.of(share, valueType: .proportion, multiplier: 100)?.computedBy == .wilson)
        #expect(
            FigureInterval.of(share, valueType: .proportion, multiplier: nil) == nil,
            "a proportion needs its multiplier")
        #expect(FigureInterval.of(share, valueType: .mean, multiplier: 100) == nil, "no count method for a mean")
    }

    @Test func thePublishersIntervalComesFirst() {
        let published = Observation(period: "2022", value: 4.9, lowerCI: 1, upperCI: 9, count: 11)
        #expect(
            FigureInterval.of(published, valueType: .crudeRate, multiplier: 100_000)
                == FigureInterval(interval: ConfidenceInterval(lower: 1, upper: 9), computedBy: nil))
    }
}
