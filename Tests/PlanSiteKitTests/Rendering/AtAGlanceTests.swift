import Foundation
import Testing
@testable import PlanSiteKit

@Suite("The plan at a glance")
struct AtAGlanceTests {
    func direction(_ polarity: Polarity, _ values: [Double?], ci: Bool = false) -> String {
        let series = values.enumerated().map { index, value in
            Observation(period: "\(2020 + index)", value: value, lowerCI: ci ? value.map { $0 - 2 } : nil, upperCI: ci ? value.map { $0 + 2 } : nil)
        }
        return DirectionOfTravel.assess(makeIndicator(polarity: polarity, series: series)).direction.words
    }

    @Test func directionOfTravelIsJudgedByPolarity() {
        #expect(direction(.higherIsBetter, [10, 12]) == "improving")
        #expect(direction(.higherIsBetter, [12, 10]) == "getting worse")
        #expect(direction(.lowerIsBetter, [12, 10]) == "improving")
        #expect(direction(.lowerIsBetter, [10, 12]) == "getting worse")
        #expect(direction(.lowerIsBetter, [10, 10.2]) == "no clear change", "the same to the indicator's decimals")
        #expect(direction(.higherIsBetter, [10, 12], ci: true) == "no clear change", "overlapping confidence intervals")
        #expect(direction(.higherIsBetter, [10, 20], ci: true) == "improving")
        #expect(direction(.higherIsBetter, [10]) == "no earlier figure")
        #expect(direction(.higherIsBetter, [10, nil]) == "no earlier figure", "a null is no figure")
        #expect(direction(.higherIsBetter, [8, nil, 10]) == "improving", "a gap is skipped")
        #expect(direction(.noJudgement, [8, 10]) == "no clear change", "neither higher nor lower is better")
    }

    @Test func theFullPageHasEveryIndicatorUnderItsOutcomeWithHeadersAndACaption() throws {
        let html = try #require(TestBuild.page("at-a-glance/index.html", in: TestBuild.real))
        let site = try #require(TestBuild.real.site)
        for outcome in site.outcomes {
            #expect(html.contains("<th scope=\"rowgroup\" colspan=\"5\" class=\"glance-group\"><a href=\"../outcomes/\(outcome.slug)/index.html\">"))
            for id in outcome.indicatorIDs { #expect(html.contains("<a href=\"../indicators/\(id.value)/index.html\">"), "\(id.value)") }
        }
        #expect(html.contains("<caption id=\"glance-indicators-caption\">Every indicator by target outcome"))
        #expect(html.contains("role=\"region\" aria-labelledby=\"glance-indicators-caption\" tabindex=\"0\""), "scrolls in its own focusable, labelled box")
        #expect(html.contains("<caption id=\"glance-commitments-caption\">"))
        for indicator in site.indicators {
            let words = DirectionOfTravel.assess(indicator).phrase
            #expect(html.contains("<td>\(words)</td>"), "\(indicator.id): the same words as its page")
        }
        #expect(!html.contains("<script"))
    }

    @Test func theHomePageShowsEachOutcomesHeadlineIndicatorsAndLinksToTheFullTable() throws {
        let html = try #require(TestBuild.page("index.html", in: TestBuild.real))
        #expect(html.contains("<caption id=\"glance-indicators-caption\">Headline indicators by target outcome"))
        #expect(html.contains("<a href=\"at-a-glance/index.html\">Every indicator and commitment at a glance</a>"))
        #expect(!html.contains("glance-commitments-caption"))
        let rows = html.components(separatedBy: "<th scope=\"row\">").count - 1
        let site = try #require(TestBuild.real.site)
        #expect(rows == site.outcomes.reduce(0) { $0 + min(2, $1.indicatorIDs.count) })
    }
}
