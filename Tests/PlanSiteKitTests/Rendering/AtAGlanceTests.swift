import Foundation
import Testing

@testable import PlanSiteKit

@Suite("The plan at a glance")
struct AtAGlanceTests {
    @Test func theFullPageHasEveryIndicatorUnderItsOutcomeWithHeadersAndACaption() throws {
        let html = try #require(TestBuild.page("at-a-glance/index.html", in: TestBuild.real))
        let site = try #require(TestBuild.real.site)
        for outcome in site.outcomes {
            #expect(
                html.contains(
                    "<th scope=\"rowgroup\" colspan=\"5\" class=\"glance-group\"><a href=\"../outcomes/\(outcome.slug)/index.html\">"))
            for id in outcome.indicatorIDs { #expect(html.contains("<a href=\"../indicators/\(id.value)/index.html\">"), "\(id.value)") }
        }
        #expect(html.contains("<caption id=\"glance-indicators-caption\">Every indicator by target outcome"))
        #expect(
            html.contains("role=\"region\" aria-labelledby=\"glance-indicators-caption\" tabindex=\"0\""),
            "scrolls in its own focusable, labelled box")
        #expect(html.contains("<caption id=\"glance-commitments-caption\">"))
        for indicator in site.indicators {
            let words = DirectionOfTravel.assess(indicator).phrase
            #expect(html.contains("<td>\(words)</td>"), "\(indicator.id): the same words as its page")
            let page = try #require(TestBuild.page("indicators/\(indicator.id)/index.html", in: TestBuild.real))
            #expect(page.contains("Direction of travel: \(words)</p>"), "\(indicator.id)")
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
