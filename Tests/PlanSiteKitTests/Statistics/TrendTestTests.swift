import Foundation
import Testing

@testable import PlanSiteKit

/// Fingertips' own calculator tests, with their inputs as given, oldest year first:
/// `TrendMarkerCalculatorTest` (ukhsa-collaboration/fingertips-open, AnalysisTest) and
/// `TrendMarkerCalculatorTests` (dhsc-govuk/FingertipsNext, trend-analysis, real indicators).
@Suite("Fingertips' trend test")
struct TrendTestTests {
    struct Row {
        var year: Int, count: Double, denominator: Double, value: Double, lower: Double?, upper: Double?
    }

    static func points(_ rows: [Row]) -> [TrendTest.Point] {
        rows.compactMap { row in
            guard let lower = row.lower, let upper = row.upper else { return nil }
            return TrendTest.Point(value: row.value, interval: ConfidenceInterval(lower: lower, upper: upper))
        }
    }

    static func proportions(_ rows: [Row]) -> TrendTestResult? {
        TrendTest.proportions(counts: rows.map(\.count), denominators: rows.map(\.denominator))
    }

    // fingertips-open GetTrendData_Set1 (also GetTrendDataForProportion_Set1).
    static let set1 = [
        Row(year: 2014, count: 994, denominator: 40299, value: 24.67, lower: 23.16, upper: 26.25),
        Row(year: 2015, count: 1023, denominator: 41527, value: 24.6, lower: 23.15, upper: 26.19),
        Row(year: 2016, count: 1199, denominator: 42811, value: 28, lower: 26.44, upper: 29.64),
        Row(year: 2017, count: 1332, denominator: 44064, value: 30.2, lower: 28.63, upper: 31.9),
        Row(year: 2018, count: 1367, denominator: 44701, value: 30.6, lower: 28.98, upper: 32.25),
    ]
    // fingertips-open GetTrendData_Set2.
    static let set2 = [
        Row(year: 2014, count: 209, denominator: 1017, value: 20.5506, lower: 18.1803, upper: 23.1427),
        Row(year: 2015, count: 213, denominator: 1087, value: 19.5952, lower: 17.3444, upper: 22.0602),
        Row(year: 2016, count: 213, denominator: 1119, value: 19.0349, lower: 16.8421, upper: 21.4394),
        Row(year: 2017, count: 239, denominator: 1117, value: 21.3966, lower: 19.0918, upper: 23.8975),
        Row(year: 2018, count: 210, denominator: 1139, value: 18.4372, lower: 16.2925, upper: 20.7941),
    ]
    // fingertips-open GetTrendDataForProportion_Set2: 5 of 5 in 2012.
    static let set2Proportions = [
        Row(year: 2012, count: 5, denominator: 5, value: 100, lower: 0, upper: 0),
        Row(year: 2013, count: 3, denominator: 5, value: 60, lower: 0, upper: 0),
        Row(year: 2014, count: 1, denominator: 5, value: 20, lower: 0, upper: 0),
        Row(year: 2015, count: 1, denominator: 4, value: 25, lower: 0, upper: 0),
        Row(year: 2016, count: 2, denominator: 4, value: 50, lower: 0, upper: 0),
    ]
    // FingertipsNext: 241 Diabetes: QOF prevalence, England.
    static let diabetes = [
        Row(year: 2020, count: 3_455_176, denominator: 48_783_947, value: 7.0826, lower: 7.0754, upper: 7.094),
        Row(year: 2021, count: 3_491_868, denominator: 49_122_259, value: 7.1085, lower: 7.1013, upper: 7.1199),
        Row(year: 2022, count: 3_625_401, denominator: 49_956_777, value: 7.2571, lower: 7.2499, upper: 7.2684),
        Row(year: 2023, count: 3_774_801, denominator: 50_649_129, value: 7.4528, lower: 7.4456, upper: 7.4643),
        Row(year: 2024, count: 3_938_080, denominator: 51_441_896, value: 7.6554, lower: 7.6481, upper: 7.6669),
    ]
    // FingertipsNext: 93468 Proportion of GP registered population aged 65+, England (no intervals given).
    static let gpOver65 = [
        Row(year: 2020, count: 10_588_957, denominator: 60_458_658, value: 17.5144, lower: nil, upper: nil),
        Row(year: 2021, count: 10_547_929, denominator: 60_744_002, value: 17.3646, lower: nil, upper: nil),
        Row(year: 2022, count: 10_851_467, denominator: 61_625_745, value: 17.6087, lower: nil, upper: nil),
        Row(year: 2023, count: 11_034_431, denominator: 62_418_295, value: 17.6782, lower: nil, upper: nil),
        Row(year: 2024, count: 11_246_440, denominator: 63_227_624, value: 17.7872, lower: nil, upper: nil),
    ]
    // FingertipsNext: 30309 MMR one dose at 2 years, Yorkshire and the Humber.
    static let mmr = [
        Row(year: 2020, count: 57274, denominator: 61834, value: 92.6254, lower: 92.4168, upper: 92.8288),
        Row(year: 2021, count: 55865, denominator: 60511, value: 92.3221, lower: 92.1072, upper: 92.5315),
        Row(year: 2022, count: 53681, denominator: 59074, value: 90.8708, lower: 90.6358, upper: 91.1004),
        Row(year: 2023, count: 51767, denominator: 57508, value: 90.017, lower: 89.7694, upper: 90.2594),
        Row(year: 2024, count: 53185, denominator: 59028, value: 90.1013, lower: 89.8578, upper: 90.3396),
    ]
    // FingertipsNext: 41203 Preventable sight loss from diabetic eye disease (a crude rate), England.
    static let diabeticEye = [
        Row(year: 2020, count: 1416, denominator: 48_246_126, value: 2.935, lower: 2.7841, upper: 3.0919),
        Row(year: 2021, count: 935, denominator: 48_440_507, value: 1.93028, lower: 1.8085, upper: 2.058),
        Row(year: 2022, count: 1344, denominator: 48_753_376, value: 2.7567, lower: 2.6113, upper: 2.9082),
        Row(year: 2023, count: 1415, denominator: 49_300_918, value: 2.8701, lower: 2.7225, upper: 3.0237),
        Row(year: 2024, count: 1502, denominator: 49_866_388, value: 3.0121, lower: 2.8616, upper: 3.1683),
    ]

    @Test func fingertipsOpenWeightedSet1IsSignificantWithChiSquared46_77() throws {
        let result = try #require(TrendTest.weightedSlope(Self.points(Self.set1)))
        #expect(result.isSignificant && result.slope > 0)
        #expect((result.chiSquared * 100).rounded() / 100 == 46.77)
    }

    @Test func fingertipsOpenWeightedSet2IsNotSignificant() throws {
        #expect(try #require(TrendTest.weightedSlope(Self.points(Self.set2))).isSignificant == false)
    }

    @Test func fingertipsOpenProportionsSet1IsSignificantWithChiSquared47_9() throws {
        let result = try #require(Self.proportions(Self.set1))
        #expect(result.isSignificant && result.slope > 0)
        #expect((result.chiSquared * 100).rounded() / 100 == 47.9)
    }

    @Test func fingertipsOpenProportionsSet2CannotBeCalculated() {
        #expect(
            Self.proportions(Self.set2Proportions) == nil,
            "a count equal to its denominator: Fingertips' CannotBeCalculated")
    }

    @Test func fingertipsNextRealIndicatorsGiveTheirExpectedMarkers() throws {
        #expect(try #require(Self.proportions(Self.diabetes)).isSignificant, "Increasing")
        #expect(try #require(Self.proportions(Self.diabetes)).slope > 0)
        let mmr = try #require(Self.proportions(Self.mmr))
        #expect(mmr.isSignificant && mmr.slope < 0, "Decreasing")
        let eye = try #require(TrendTest.weightedSlope(Self.points(Self.diabeticEye)))
        #expect(eye.isSignificant && eye.slope > 0, "Increasing")
    }

    /// Fingertips' calculator keeps only points with intervals, so on these inputs (no intervals)
    /// it tests nothing and returns its default, NoChange. PlanSite refuses to call an untested
    /// series "no significant change": with values only it says the trend is not assessed, and
    /// with the counts (the proportions path it would use on a page) the test finds the rise.
    @Test func fingertipsNextGPOver65HasNoMarkerBecauseItHasNoIntervals() throws {
        let valuesOnly = Self.gpOver65.map { Observation(period: String($0.year), value: $0.value) }
        let untested = DirectionOfTravel.assess(makeIndicator(polarity: .noJudgement, series: valuesOnly))
        #expect(untested.direction == .notAssessed && untested.reason == .noIntervals)
        let tested = try #require(Self.proportions(Self.gpOver65))
        #expect(tested.isSignificant && tested.slope > 0)
    }

    @Test func aSlopeThatFlipsWhenOnePointIsLeftOutIsNoMarker() throws {
        let rows = [(10.0, 1.0), (10.5, 1), (9.5, 1), (10, 1), (14, 0.5)].map { value, half in
            TrendTest.Point(value: value, interval: ConfidenceInterval(lower: value - half, upper: value + half))
        }
        let result = try #require(TrendTest.weightedSlope(rows))
        #expect(result.chiSquared > TrendTest.threshold && !result.slopeKeepsSign && !result.isSignificant)
    }
}
