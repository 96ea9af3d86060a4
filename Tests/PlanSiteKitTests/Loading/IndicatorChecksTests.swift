import Testing

@testable import PlanSiteKit

/// Figures against what their `value_type` allows, as IndicatorReader reads them.
@Suite("Values each kind of figure can have")
struct IndicatorChecksTests {
    func messages(_ extra: String, _ rows: String) -> [String] {
        let text = """
            id: x
            title: X
            unit: years
            polarity: higher-is-better
            geography: Luton
            \(extra)
            series:
            \(rows)
            source: { publisher: P, title: T }
            """
        var problems: [Diagnostic] = []
        guard let document = YAMLDocument.parse(text, path: "x.yml", problems: &problems) else { return problems.map(\.message) }
        _ = IndicatorReader(document: document, expectedID: "x", path: "x.yml").read(problems: &problems)
        return problems.map(\.message)
    }

    @Test func lifeExpectancyIsUnder130Years() {
        #expect(
            messages("value_type: life-expectancy", "  - { period: \"2020\", value: 130 }")
                == ["`value` is 130, but a life expectancy is between 0 and 130 years"])
        #expect(messages("value_type: life-expectancy", "  - { period: \"2020\", value: 129.9 }").isEmpty)
    }

    @Test func ratesAndCountsAreNotNegative() {
        #expect(
            messages("value_type: crude-rate", "  - { period: \"2020\", value: -0.5 }")
                == ["`value` is -0.5, but a rate cannot be below zero"])
        #expect(
            messages("value_type: count", "  - { period: \"2020\", value: 3.5 }")
                == ["`value` is 3.5, but a count is a whole number; check the figure"])
        #expect(messages("value_type: score", "  - { period: \"2020\", value: -3 }").isEmpty, "a score may be negative")
    }

    @Test func aProportionWithoutAMultiplierIsOutOf100WhenItsUnitIsPercent() {
        let text = messages("value_type: proportion", "  - { period: \"2020\", value: 0.5, count: 5, denominator: 10 }")
        #expect(text.isEmpty)
    }
}
