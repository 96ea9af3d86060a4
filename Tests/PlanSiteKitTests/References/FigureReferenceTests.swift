import Foundation
import Testing

@testable import PlanSiteKit

@Suite("Figure references: {{indicator-id.field}}")
struct FigureReferenceTests {
    /// A site holding only the given indicators (the frozen real site's settings: England is the national comparator).
    static func site(_ indicators: [Indicator]) -> Site {
        var site = TestBuild.real.site!
        site.indicators = indicators
        return site
    }

    static let homes = makeIndicator(
        id: "homes", unit: "dwellings", polarity: .higherIsBetter,
        series: [Observation(period: "2019-20", value: 230), Observation(period: "2020-21", value: 280, lowerCI: 270, upperCI: 290)],
        comparators: ["England": [Observation(period: "2020-21", value: 250)]],
        target: IndicatorTarget(value: 425, by: "2027-28", label: "425 a year"))

    func resolved(_ text: String, _ indicators: [Indicator] = [homes]) -> String {
        FigureResolver(site: Self.site(indicators)).substitute(text)
    }

    @Test(arguments: [
        ("latest", "280 dwellings"), ("period", "2020-21"), ("england", "250 dwellings"),
        ("comparison", "better than England"), ("target", "425 dwellings by 2027-28"), ("change", "up 50 from 230 in 2019-20"),
    ])
    func everyFieldReadsAsTheIndicatorPageShowsIt(field: String, expected: String) {
        #expect(resolved("{{homes.\(field)}}") == expected)
    }

    @Test func aNullLatestValueGivesTheLatestFigureThatHasOne() {
        let gap = makeIndicator(
            id: "gap", decimals: 1,
            series: [
                Observation(period: "2021", value: 9.25),
                Observation(period: "2022", value: nil, note: "suppressed"),
            ])
        #expect(resolved("{{gap.latest}} in {{gap.period}}; {{gap.change}}", [gap]) == "9.3 people in 2021; no earlier figure")
        let none = makeIndicator(id: "none", series: [Observation(period: "2022", value: nil, note: "not yet published")])
        #expect(
            resolved("{{none.latest}}, {{none.period}}, {{none.change}}", [none]) == "no figure published, no period, no earlier figure")
    }

    @Test func noComparatorAndNoTargetAreSaidInWords() {
        let plain = makeIndicator(
            id: "plain", unit: "%", series: [Observation(period: "2023-09-30", value: 27), Observation(period: "2024-03-31", value: 27)])
        #expect(
            resolved("{{plain.england}} | {{plain.comparison}} | {{plain.target}} | {{plain.period}} | {{plain.change}}", [plain])
                == "not available | not compared | no target set | 31 March 2024 | no change since 30 September 2023")
    }

    /// Prose never says "lower than England" without a test, nor a bare "not compared".
    @Test func anUntestedComparisonSaysWhyInProse() {
        let rate = makeIndicator(
            id: "rate", decimals: 1, series: [Observation(period: "2019-21", value: 7.0)],
            comparators: ["England": [Observation(period: "2019-21", value: 7.9)]])
        #expect(resolved("{{rate.comparison}}", [rate]) == "no test of the difference is possible, so the two are not compared")
    }

    @Test func unknownIndicatorsAndFieldsAreExplainedWithTheNearestName() {
        let resolver = FigureResolver(site: Self.site([Self.homes]))
        let badID = FigureReference.scan("{{hommes.latest}}")[0]
        let badField = FigureReference.scan("{{homes.lates}}")[0]
        #expect(resolver.resolve(badID) == .failure(ReferenceProblem("no indicator has the id `hommes`; did you mean `homes`?")))
        #expect(
            resolver.resolve(badField)
                == .failure(
                    ReferenceProblem(
                        "unknown field `lates`; a reference names one of latest, period, england, comparison, target, change; did you mean `latest`?"
                    )))
        #expect(resolved("{{homes.lates}}") == "{{homes.lates}}", "an unknown reference is left as written; the check stops the build")
    }

    @Test func theFigureIsTextSoItCannotAddMarkupAndCodeKeepsReferencesAsWritten() {
        let hostile = makeIndicator(
            id: "x", unit: "<script>alert(1)</script> [link](javascript:alert(1))", series: [Observation(period: "<b>2020</b>", value: 1)])
        let site = Self.site([hostile])
        let html = MarkdownRenderer(allowRawHTML: true).render(
            "A {{x.latest}} in {{x.period}} and `{{x.latest}}`.",
            rewriteText: FigureResolver(site: site).substitute
        ).html
        #expect(
            html
                == "<p>A 1 &lt;script&gt;alert(1)&lt;/script&gt; [link](javascript:alert(1)) in &lt;b&gt;2020&lt;/b&gt; and <code>{{x.latest}}</code>.</p>\n"
        )
    }

    @Test func mustacheTagsAndLooseBracesAreNotReferences() {
        #expect(FigureReference.scan("{{title}} {{#section}} {x.latest} {{ homes.latest }}").map(\.id) == ["homes"])
        #expect(resolved("{{title}} and {{ homes.latest }}") == "{{title}} and 280 dwellings")
    }

    @Test func aBrokenReferenceIsAnErrorAtItsLineAndColumn() throws {
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let path = "content/outcomes/healthier-start.md"
        let original = try String(contentsOf: scratch.root.appendingPathComponent(path), encoding: .utf8)
        try scratch.write(original + "\nÉté: {{year6-obesty.latest}} and {{year6-obesity.lastest}}.\n", to: path)
        let errors = scratch.check().report.diagnostics.filter { $0.severity == .error }.map { "\($0.location): \($0.message)" }
        let line = original.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        #expect(
            errors == [
                "\(path):\(line):6: `{{year6-obesty.latest}}`: no indicator has the id `year6-obesty`; did you mean `year6-obesity`?",
                "\(path):\(line):34: `{{year6-obesity.lastest}}`: unknown field `lastest`; a reference names one of latest, period, england, comparison, target, change; did you mean `latest`?",
            ])
    }

    @Test func referencesAreReplacedInPagesAndIndicatorNotes() throws {
        let scratch = try ScratchSite()
        defer { scratch.remove() }
        let page = scratch.root.appendingPathComponent("content/pages/about-the-data.md")
        try scratch.write(
            try String(contentsOf: page, encoding: .utf8) + "\nHomes: {{housing-completions.latest}}.\n",
            to: "content/pages/about-the-data.md")
        let notes = scratch.root.appendingPathComponent("content/indicators/housing-completions.yml")
        try scratch.write(
            try String(contentsOf: notes, encoding: .utf8) + "\n  Latest: {{housing-completions.change}}.\n",
            to: "content/indicators/housing-completions.yml")
        let result = scratch.check()
        #expect(!result.report.hasErrors)
        #expect(TestBuild.page("about-the-data/index.html", in: result)?.contains("Homes: 280 dwellings.") == true)
        #expect(
            TestBuild.page("indicators/housing-completions/index.html", in: result)?.contains("Latest: up 50 from 230 in 2019-20.") == true)
    }
}
