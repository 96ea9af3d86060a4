import Testing

@testable import PlanSiteKit

/// Worked examples of the Fingertips method: the area's 95% confidence interval
/// against England's value, read through the indicator's polarity.
@Suite("Comparison with England")
struct ComparisonTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var polarity: Polarity
        var area: Observation?
        var england: Double?
        var label: String
        var valueType: ValueType? = nil
        var testDescription: String { "\(polarity.rawValue): \(label)" }
    }

    static let withCI = Observation(period: "2019-21", value: 81.2, lowerCI: 80.7, upperCI: 81.7)
    static let noCI = Observation(period: "2019-21", value: 7.0)
    static let roughSleeping = Observation(period: "2019-21", value: 4.89267255566527, count: 11)

    static let cases: [Case] = [
        // England below the interval: the area is higher.
        Case(polarity: .higherIsBetter, area: withCI, england: 80.0, label: "better than England"),
        Case(polarity: .higherIsBetter, area: withCI, england: 81.7, label: "similar to England"),
        Case(polarity: .higherIsBetter, area: withCI, england: 82.8, label: "worse than England"),
        Case(polarity: .lowerIsBetter, area: withCI, england: 82.8, label: "better than England"),
        Case(polarity: .lowerIsBetter, area: withCI, england: 80.7, label: "similar to England"),
        Case(polarity: .lowerIsBetter, area: withCI, england: 80.0, label: "worse than England"),
        Case(polarity: .noJudgement, area: withCI, england: 80.0, label: "higher than England"),
        Case(polarity: .noJudgement, area: withCI, england: 82.8, label: "lower than England"),
        // No interval and no count: no test, so no verdict, whatever the polarity.
        Case(polarity: .lowerIsBetter, area: noCI, england: 7.9, label: "not compared"),
        Case(polarity: .higherIsBetter, area: noCI, england: 6.0, label: "not compared"),
        // A count and no interval: the interval is computed (Byar on 11 people: 2.4 to 8.8 per 100,000).
        Case(polarity: .lowerIsBetter, area: roughSleeping, england: 5.4, label: "similar to England", valueType: .crudeRate),
        Case(polarity: .lowerIsBetter, area: roughSleeping, england: 9.0, label: "better than England", valueType: .crudeRate),
        Case(polarity: .lowerIsBetter, area: roughSleeping, england: 5.4, label: "not compared", valueType: .mean),
        // Fewer than 10 events: too unreliable for a verdict.
        Case(
            polarity: .lowerIsBetter, area: Observation(period: "2019-21", value: 3.1, count: 7), england: 30,
            label: "not compared", valueType: .crudeRate),
        // No comparator for the period, or no value on either side.
        Case(polarity: .higherIsBetter, area: withCI, england: nil, label: "not compared"),
        Case(
            polarity: .higherIsBetter, area: Observation(period: "2019-21", value: nil, note: "Suppressed"), england: 80.0,
            label: "not compared"),
        Case(polarity: .higherIsBetter, area: nil, england: 80.0, label: "not compared"),
    ]

    @Test(arguments: cases) func label(_ example: Case) {
        let england = example.england.map { Observation(period: "2019-21", value: $0) }
        let result = Comparison.compare(
            example.area, with: england, polarity: example.polarity,
            valueType: example.valueType, multiplier: 100_000)
        #expect(result.label(against: "England") == example.label)
    }

    @Test func aNullEnglandValueIsNotCompared() {
        let result = Comparison.compare(
            Self.withCI, with: Observation(period: "2019-21", value: nil, note: "n/a"), polarity: .higherIsBetter)
        #expect(result == .notCompared)
    }

    @Test func onlySignificantResultsAreColouredAndTheWordsCarryTheMeaning() {
        #expect(Comparison.better.cssClass == "better" && Comparison.worse.cssClass == "worse")
        #expect(Comparison.notTested.cssClass == "neutral" && Comparison.notCompared.cssClass == "neutral")
        #expect(Comparison.tooFewEvents.cssClass == "neutral")
    }
}
