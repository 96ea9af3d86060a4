import Foundation
import Testing

@testable import PlanSiteKit

@Suite("Stale figures and review dates in check")
struct StaleFigureCheckTests {
    static let path = "content/outcomes/x.md"

    static let lifeExpectancy = makeIndicator(
        id: "life-expectancy-male", unit: "years", decimals: 2, polarity: .higherIsBetter,
        series: [Observation(period: "2017-19", value: 78.59), Observation(period: "2021-23", value: 77.57)])
    static let homes = makeIndicator(
        id: "homes", unit: "dwellings", polarity: .higherIsBetter,
        series: [Observation(period: "2019-20", value: 1230), Observation(period: "2020-21", value: 280)])

    /// Warnings for one page body that lists `listed` and may link to others.
    func warnings(_ body: String, listing listed: [String] = ["life-expectancy-male"], lastReviewed: String? = nil) -> [String] {
        var site = FigureReferenceTests.site([Self.lifeExpectancy, Self.homes])
        var page = site.outcomes[0]
        page.path = Self.path
        page.body = body
        page.bodyFirstLine = 5
        page.indicatorIDs = listed.map { Located(value: $0, location: SourceLocation(path: Self.path)) }
        page.lastReviewed = lastReviewed.map { Located(value: $0, location: SourceLocation(path: Self.path, line: 3, column: 16)) }
        site.outcomes[0] = page
        let outline = MarkdownRenderer().render(body, path: Self.path, firstLine: 5).outline
        return StaleFigureCheck(page: page, outline: outline, site: site).check().map {
            "\($0.location): \($0.severity.rawValue): \($0.message)"
        }
    }

    @Test func anOlderValueWrittenAsCurrentIsWarnedAboutInTheIssuesWords() {
        #expect(
            warnings("First line.\n\nMen in Luton can expect to live 78.59 years, less than in England.") == [
                "content/outcomes/x.md:7:33: warning: \"78.59 years\" is life-expectancy-male's value for 2017-19; the latest is 77.57 (2021-23). Write {{life-expectancy-male.latest}} to keep it current"
            ])
    }

    @Test func theLatestValueAReferenceOrADatedFigureIsNotWarnedAbout() {
        #expect(warnings("Men can expect to live 77.57 years.").isEmpty, "the latest figure")
        #expect(warnings("Men can expect to live {{life-expectancy-male.latest}}.").isEmpty)
        #expect(warnings("In 2017-19 men could expect to live 78.59 years.").isEmpty, "history, dated in its own sentence")
        #expect(warnings("It was 78.6 years, rounded.").isEmpty, "not written with the indicator's decimals")
        #expect(
            warnings("Men could expect to live 78.59 years ([the figures](/indicators/life-expectancy-male/)) in 2017-19.").isEmpty,
            "the sentence names the period after a link")
    }

    @Test func aWholeNumberCountsOnlyWithItsUnit() {
        #expect(warnings("Builders finished 1,230 dwellings.", listing: ["homes"]).count == 1)
        #expect(warnings("Builders finished 1230 dwellings.", listing: ["homes"]).count == 1)
        #expect(warnings("There were 1,230 responses to the survey.", listing: ["homes"]).isEmpty)
        #expect(warnings("Builders finished 1,230 dwellings.", listing: []).isEmpty, "the page neither lists nor links to the indicator")
    }

    @Test func anIndicatorThePageLinksToIsCheckedToo() {
        let found = warnings("Builders finished 1,230 dwellings ([the data](/indicators/homes/)).", listing: [])
        #expect(
            found == [
                "content/outcomes/x.md:5:19: warning: \"1,230 dwellings\" is homes's value for 2019-20; the latest is 280 (2020-21). Write {{homes.latest}} to keep it current"
            ])
    }

    @Test func aPageReviewedBeforeItsNewestDataIsWarnedAbout() {
        #expect(
            warnings("Text.", lastReviewed: "2020-12-31") == [
                "content/outcomes/x.md:3:16: warning: last_reviewed 2020-12-31 is older than the newest data this page shows (life-expectancy-male for 2021-23); review the words against it, then update last_reviewed"
            ])
        #expect(warnings("Text.", lastReviewed: "2023-06-01").isEmpty)
    }

    @Test func theSitesReviewDateIsCheckedAgainstEveryIndicator() {
        var site = FigureReferenceTests.site([Self.lifeExpectancy, Self.homes])
        site.config.lastReviewed = "2021-01-01"
        site.config.lastReviewedLocation = SourceLocation(path: "content/site.yml", line: 5, column: 16)
        #expect(
            StaleFigureCheck.siteReviewProblem(site)?.message
                == "last_reviewed 2021-01-01 is older than the newest data the site shows (life-expectancy-male for 2021-23); review the words against it, then update last_reviewed"
        )
        site.config.lastReviewed = "2023-01-01"
        #expect(StaleFigureCheck.siteReviewProblem(site) == nil)
    }

    @Test func theRealContentGivesNoStaleWarnings() {
        let stale = TestBuild.real.report.diagnostics.filter {
            $0.message.contains("to keep it current") || $0.message.contains("last_reviewed")
        }
        #expect(stale.isEmpty, "\(stale.map(\.message))")
    }
}
