import Foundation
import Testing

@testable import PlanSiteKit

/// An outcome's printable briefing (`/outcomes/<slug>/briefing/`): what a councillor reading it
/// sees is what the outcome's indicator pages and commitment pages say.
@Suite("An outcome's printable briefing")
struct BriefingTests {
    private func briefing(of outcome: ContentPage) throws -> String {
        try #require(TestBuild.page(Route.briefing(slug: outcome.slug).file, in: TestBuild.real), "\(outcome.slug) has no briefing")
    }

    /// The text between `start` and the first `end` after it, both included.
    private func block(_ html: String, from start: String, to end: String) -> String? {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else { return nil }
        return String(html[from.lowerBound..<to.upperBound])
    }

    @Test func everyOutcomeHasABriefingItsPageLinksTo() throws {
        let site = try #require(TestBuild.real.site)
        #expect(site.outcomes.count >= 5)
        for outcome in site.outcomes {
            let html = try briefing(of: outcome)
            #expect(html.contains("<h1>\(Markup.escape(site.words(.briefingTitle, ["outcome": outcome.title])))</h1>"), "\(outcome.slug)")
            if let summary = outcome.summary {
                #expect(html.contains("<p class=\"lead\">\(Markup.escape(summary))</p>"), "\(outcome.slug)")
            }
            let page = try #require(TestBuild.page(Route.outcome(slug: outcome.slug).file, in: TestBuild.real))
            let link = try #require(block(page, from: "<p class=\"briefing-link\"><a href=\"", to: "</a></p>"), "\(outcome.slug)")
            let href = try #require(link.split(separator: "\"").dropFirst(3).first.map(String.init))
            let base = try #require(URL(string: "https://example.org/" + Route.outcome(slug: outcome.slug).path))
            #expect(URL(string: href, relativeTo: base)?.path == "/" + Route.briefing(slug: outcome.slug).file, "\(href)")
            #expect(link.contains(">\(site.words(.briefingLink))</a>"))
        }
    }

    @Test func eachIndicatorShowsItsLatestFigureAndTheVerdictsOfItsOwnPage() throws {
        let site = try #require(TestBuild.real.site)
        var checked = 0
        for outcome in site.outcomes {
            let html = try briefing(of: outcome)
            for id in outcome.indicatorIDs.map(\.value) {
                let indicator = try #require(site.indicator(id))
                let page = try #require(TestBuild.page(Route.indicator(id: id).file, in: TestBuild.real))
                // The figure, the direction of travel, each comparison and the target: word for word the indicator page's.
                let verdicts = try #require(block(page, from: "<div class=\"headline\">", to: "</div>"), "\(id)")
                let section = try #require(
                    block(
                        html, from: "<section class=\"briefing-indicator\" aria-labelledby=\"indicator-\(id)-heading\">", to: "</section>"),
                    "\(outcome.slug) lacks \(id)")
                #expect(section.contains(verdicts), "\(outcome.slug): \(id) says something its page does not")
                #expect(section.contains(Markup.escape(IndicatorPresenter(indicator: indicator, site: site).headline)))
                #expect(section.contains("<svg class=\"chart\""), "\(id): its trend chart")
                #expect(section.contains(Markup.escape(indicator.source.publisher)), "\(id): its source")
                checked += 1
            }
        }
        #expect(checked == site.outcomes.map(\.indicatorIDs.count).reduce(0, +))
    }

    @Test func theCommitmentsTrackingTheOutcomesIndicatorsShowTheirStatusAndWhoAssessedIt() throws {
        let site = try #require(TestBuild.real.site)
        var shown = 0
        for outcome in site.outcomes {
            let html = try briefing(of: outcome)
            let ids = Set(outcome.indicatorIDs.map(\.value))
            for commitment in site.commitments {
                let heading = "/\">\(Markup.escape(commitment.title))</a></h3>"
                guard commitment.indicatorIDs.contains(where: { ids.contains($0.value) }) else {
                    #expect(!html.contains(heading), "\(outcome.slug) lists \(commitment.slug), which tracks none of its indicators")
                    continue
                }
                let part = try #require(block(html, from: heading, to: "</div>"), "\(outcome.slug) lacks \(commitment.slug)")
                let status = try #require(commitment.status?.label(in: site.config, words: site.words))
                let assessment = try #require(commitment.assessment)
                #expect(part.contains(">\(Markup.escape(status))</span>"), "\(commitment.slug)")
                #expect(part.contains(Markup.escape(try #require(assessment.by))), "\(commitment.slug): who assessed it")
                let on = try #require(assessment.on?.value)
                #expect(part.contains("<time datetime=\"\(on)\">\(on.long(site.words))</time>"), "\(commitment.slug): when")
                shown += 1
            }
        }
        #expect(shown >= 4, "the real site's commitments share indicators with its outcomes")
    }

    @Test func theBriefingIsDatedByItsDataNotByTheBuild() throws {
        let site = try #require(TestBuild.real.site)
        let outcome = try #require(site.outcomes.first { $0.slug == "good-affordable-housing" })
        let html = try briefing(of: outcome)
        // No indicator of it has `updated`: the newest date is its commitments' latest assessment.
        #expect(outcome.indicatorIDs.allSatisfy { site.indicator($0.value)?.updated == nil })
        let ids = Set(outcome.indicatorIDs.map(\.value))
        let assessed = site.commitments.filter { $0.indicatorIDs.contains { ids.contains($0.value) } }.compactMap {
            $0.assessment?.on?.value
        }
        let newest = try #require(assessed.max())
        #expect(
            html.contains(
                "<p class=\"briefing-date\">Prepared from the figures and assessments published on this site up to "
                    + "<time datetime=\"\(newest)\">\(newest.long(site.words))</time>.</p>"))
        var options = BuildOptions.testing(content: TestPaths.realContent, output: URL(fileURLWithPath: "/nonexistent"))
        options.today = try #require(CalendarDate(iso: "2027-03-01"))
        let later = BuildPipeline(options: options).run()
        #expect(TestBuild.page(Route.briefing(slug: outcome.slug).file, in: later) == html, "the same on another day")
    }
}
