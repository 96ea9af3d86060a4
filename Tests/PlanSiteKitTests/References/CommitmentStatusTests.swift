import Foundation
import Testing

@testable import PlanSiteKit

@Suite("Commitment statuses")
struct CommitmentStatusTests {
    static let path = "content/commitments/family-hubs.md"

    /// Checks the frozen real site with Family Hubs' status (and optionally site.yml) changed.
    func build(status: String, siteAddition: String = "") throws -> (PipelineResult, ScratchSite) {
        let scratch = try ScratchSite()
        let file = scratch.root.appendingPathComponent(Self.path)
        let text = try String(contentsOf: file, encoding: .utf8)
        try scratch.write(
            text.replacingOccurrences(of: #"status: [a-z-]+"#, with: "status: \(status)", options: .regularExpression), to: Self.path)
        if !siteAddition.isEmpty {
            let site = try String(contentsOf: scratch.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
            try scratch.write(site + siteAddition, to: "content/site.yml")
        }
        return (scratch.check(), scratch)
    }

    @Test(arguments: [
        ("not-started", "not-started", "Not started"), ("on-track", "on-track", "On track"), ("at-risk", "at-risk", "At risk"),
        ("off-track", "off-track", "Off track"), ("achieved", "achieved", "Achieved"), ("in-progress", "on-track", "On track"),
    ])
    func eachStatusIsATagWhoseWordsCarryTheMeaning(written: String, cssClass: String, label: String) throws {
        let (result, scratch) = try build(status: written)
        defer { scratch.remove() }
        #expect(!result.report.hasErrors)
        let tag = "Status: <span class=\"status-tag status-\(cssClass)\">\(label)</span>"
        #expect(TestBuild.page("commitments/family-hubs/index.html", in: result)?.contains(tag) == true)
        #expect(TestBuild.page("index.html", in: result)?.contains(tag) == true)
        #expect(
            TestBuild.page("at-a-glance/index.html", in: result)?.contains("<span class=\"status-tag status-\(cssClass)\">\(label)</span>")
                == true)
    }

    @Test func siteYmlRelabelsAStatusEverywhere() throws {
        let (result, scratch) = try build(status: "at-risk", siteAddition: "status_labels: { at-risk: \"Needs attention\" }\n")
        defer { scratch.remove() }
        #expect(!result.report.hasErrors)
        for page in ["commitments/family-hubs/index.html", "index.html", "at-a-glance/index.html"] {
            #expect(TestBuild.page(page, in: result)?.contains("status-at-risk\">Needs attention</span>") == true, "\(page)")
        }
    }

    @Test func aLabelForNoStatusIsAnError() throws {
        let (result, scratch) = try build(status: "achieved", siteAddition: "status_labels: { at-risks: \"Needs attention\" }\n")
        defer { scratch.remove() }
        #expect(result.report.diagnostics.map(\.message) == ["unknown field `at-risks` in status_labels; did you mean `at-risk`?"])
    }

    @Test func aTypoIsAnErrorAtItsPositionListingTheValuesAndNamingTheNearest() throws {
        let (result, scratch) = try build(status: "on-trak")
        defer { scratch.remove() }
        let messages = result.report.diagnostics.map { "\($0.location): \($0.message)" }
        #expect(
            messages == [
                "\(Self.path):6:9: `status` must be one of not-started, on-track, at-risk, off-track, achieved, not-assessed (or in-progress, which means on-track), found \"on-trak\"; did you mean `on-track`?"
            ])
        #expect(CommitmentStatus.nearest(to: "acheived") == "achieved")
        #expect(CommitmentStatus.nearest(to: "red") == nil, "nothing is near enough to suggest")
    }
}

@Suite("Who assessed a commitment's status, when and why")
struct CommitmentAssessmentTests {
    static let path = "content/commitments/family-hubs.md"

    /// Checks the frozen real site with Family Hubs' front matter lines from `status:` to `---` replaced.
    func build(_ front: String, today: CalendarDate = BuildOptions.testDay, body: String? = nil) throws -> (PipelineResult, ScratchSite) {
        let scratch = try ScratchSite()
        let file = scratch.root.appendingPathComponent(Self.path)
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: #"status: [a-z-]+\nassessed_by: .*\nassessed_on: .*\n"#, with: front, options: .regularExpression)
        if let body {
            text = text.replacingOccurrences(of: #"indicators: \[low-birth-weight\]\n"#, with: body, options: .regularExpression)
        }
        try scratch.write(text, to: Self.path)
        return (scratch.check(today: today), scratch)
    }

    func warnings(_ result: PipelineResult) -> [String] {
        result.report.diagnostics.filter { $0.location.path == Self.path }.map(\.message)
    }

    @Test func everyPageSaysWhoAssessedItWhenAndWhy() throws {
        let (result, scratch) = try build(
            "status: at-risk\nassessed_by: \"the Housing Service\"\nassessed_on: 2026-11-03\n"
                + "reason: \"Two hubs closed for repairs.\"\n")
        defer { scratch.remove() }
        #expect(warnings(result) == [])
        let sentence =
            "<span class=\"status-tag status-at-risk\">At risk</span><span class=\"assessment\">: assessed by the Housing Service "
            + "on <time datetime=\"2026-11-03\">3 November 2026</time>.</span></p>"
        for page in ["commitments/family-hubs/index.html", "index.html", "at-a-glance/index.html"] {
            let html = TestBuild.page(page, in: result) ?? ""
            #expect(html.contains(sentence), "\(page)")
            #expect(html.contains("<p class=\"status-reason\">Two hubs closed for repairs.</p>"), "\(page)")
        }
    }

    @Test func aCommitmentWithNothingToJudgeItByIsNotAssessed() throws {
        let (result, scratch) = try build("", body: "")
        defer { scratch.remove() }
        #expect(warnings(result) == [])
        #expect(result.site?.commitments.first { $0.slug == "family-hubs" }?.status == .notAssessed)
        #expect(
            TestBuild.page("commitments/family-hubs/index.html", in: result)?
                .contains("<span class=\"status-tag status-not-assessed\">Not assessed</span></p>") == true)
    }

    @Test func aStatusWithNoOneAndNoDayIsWarnedAboutAndAnErrorWhenStrict() throws {
        let (result, scratch) = try build("status: achieved\n")
        defer { scratch.remove() }
        let message =
            "a status needs `assessed_by` and `assessed_on`: say who judged it (a role or team) and on which day "
            + "(YYYY-MM-DD, e.g. 2026-11-03), or write `status: not-assessed`"
        #expect(warnings(result) == [message])
        #expect(result.report.diagnostics.first { $0.message == message }?.location.line == 6)
        #expect(scratch.check(strict: true).report.errors.map(\.message).contains(message))
    }

    @Test(arguments: [("green", "on-track"), ("amber", "at-risk"), ("Red", "off-track")])
    func aColourIsAnErrorNamingTheStatusItMeans(colour: String, status: String) throws {
        let (result, scratch) = try build("status: \(colour)\nassessed_by: \"the Housing Service\"\nassessed_on: 2026-11-03\n")
        defer { scratch.remove() }
        #expect(
            result.report.errors.map(\.message) == [
                "`status` is a colour, \"\(colour)\"; write the status it stands for, `\(status)`, so the words say what the colour means"
            ])
    }

    @Test func anAssessmentOlderThanItsDataOrNewerThanTodayIsWarnedAbout() throws {
        // Ending rough sleeping lists temporary accommodation to 31 December 2025.
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let file = "content/commitments/ending-rough-sleeping.md"
        let text = try String(contentsOf: scratch.root.appendingPathComponent(file), encoding: .utf8)
        try scratch.write(text.replacingOccurrences(of: "assessed_on: 2026-12-01", with: "assessed_on: 2025-12-30"), to: file)
        #expect(
            scratch.check().report.diagnostics.map(\.message).contains(
                "the status was assessed on 2025-12-30, before the end of the latest figures it rests on (households-in-temporary-accommodation "
                    + "for 31 Dec 2025, to 2025-12-31); read the status and reason against them, then update `assessed_on`"))
        let early = scratch.check(today: CalendarDate(year: 2025, month: 12, day: 1)!)
        #expect(
            early.report.diagnostics.map(\.message).contains(
                "`assessed_on` 2025-12-30 is after today (2025-12-01); write the day the status was judged"))
    }

    @Test(arguments: [
        ("2020-21", "2021-03-31"), ("2021-23", "2023-12-31"), ("2025", "2025-12-31"), ("31 Dec 2025", "2025-12-31"),
        ("2024-03-31", "2024-03-31"), ("2019-20", "2020-03-31"),
    ])
    func aPeriodEndsOnItsLastDay(period: String, end: String) {
        #expect(PeriodText.end(of: period)?.description == end)
    }

    @Test func aPeriodNotStatedHasNoEnd() {
        #expect(PeriodText.end(of: "period not stated") == nil)
    }

    @Test func aBaselineDrawsTheLineTheFigureIsJudgedAgainst() {
        let target = CommitmentTarget(
            indicator: Located(value: "x", location: SourceLocation(path: "x")), value: 500, by: "2027",
            label: "under 500", baseline: Observation(period: "2022", value: 1000))
        // From the end of 2022 to the end of 2027: three fifths of the way by the end of 2025.
        #expect(TargetLine(target: target).expected(at: "2025")?.value == 700)
        #expect(TargetLine(target: target).expected(at: "2030")?.value == 500, "never past the target")
    }
}
