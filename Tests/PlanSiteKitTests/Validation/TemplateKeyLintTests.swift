import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct TemplateTagScannerTests {
    @Test func readsEveryKindOfTagWithItsPosition() throws {
        let tags = try #require(
            TemplateTagScanner.tags(in: "<p>{{a}}\n {{{b}}} {{&c}}{{#d}}{{^e}}{{/e}}{{/d}}{{> p/q}}{{! note }}{{<layout}}{{$main}}"))
        #expect(tags.map(\.name) == ["a", "b", "c", "d", "e", "e", "d", "p/q", "note", "layout", "main"])
        #expect(
            tags.map(\.kind) == [.variable, .variable, .variable, .section, .inverted, .close, .close, .partial, .comment, .parent, .block])
        #expect((tags[1].line, tags[1].column) == (2, 2))
    }

    @Test func setDelimitersAreNotGuessedAt() {
        #expect(TemplateTagScanner.tags(in: "{{=<% %>=}}<% a %>") == nil)
    }

    @Test func unclosedTagEndsTheScan() {
        #expect(TemplateTagScanner.tags(in: "{{a}} {{b")?.map(\.name) == ["a"])
    }
}

@Suite struct KeyShapeTests {
    @Test func resolvesThroughSectionsAndDottedNames() {
        @Sendable func key(_ name: String, _ kind: TemplateValueKind = .text) -> TemplateKeyInfo {
            TemplateKeyInfo(name: name, meaning: "", kind: kind, optional: false)
        }
        let root = KeyShape([
            key("title"), key("rows", .list(TemplateKeyList { [key("period"), key("value")] })),
            key("source", .record(TemplateKeyList { [key("url")] })),
        ])
        let rows = KeyShape.resolve("rows", in: [root])
        #expect(rows != nil)
        #expect(KeyShape.resolve("period", in: [root, rows!]) != nil)
        #expect(KeyShape.resolve("value", in: [root, rows!]) != nil)
        #expect(KeyShape.resolve("title", in: [root, rows!]) != nil, "outer keys are visible inside a section")
        #expect(KeyShape.resolve("source.url", in: [root]) != nil)
        #expect(KeyShape.resolve("source.title", in: [root]) == nil)
        #expect(KeyShape.resolve("titel", in: [root]) == nil)
    }
}

@Suite struct TemplateKeyLintTests {
    func lint(_ edit: (String) -> String, template: String) throws -> [Diagnostic] {
        let site = try ScratchSite(content: TestPaths.corpusBase.appendingPathComponent("content"))
        defer { site.remove() }
        let path = "templates/\(template).mustache"
        let source = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        try site.write(edit(source), to: path)
        return site.check().report.diagnostics
    }

    @Test func baseSiteHasNoUnknownKeys() throws {
        #expect(try lint({ $0 }, template: "page").isEmpty)
    }

    /// Optional values (no target, no notes, no parent, no confidence intervals) are not typos.
    @Test func optionalValuesLeftOutAreNotReported() throws {
        let site = try ScratchSite(content: TestPaths.corpusBase.appendingPathComponent("content"))
        defer { site.remove() }
        try site.write(
            """
            id: year6-obesity
            title: Year 6 children classified as obese
            unit: '%'
            polarity: lower-is-better
            geography: Testtown
            series:
              - { period: "2022-23", value: 27.0 }
            source: { publisher: OHID, title: National Child Measurement Programme }
            """, to: "content/indicators/year6-obesity.yml")
        let config = try String(contentsOf: site.root.appendingPathComponent("content/site.yml"), encoding: .utf8)
        try site.write(
            config.split(separator: "\n").filter { !$0.hasPrefix("parent:") && !$0.hasPrefix("contact_email:") }
                .joined(separator: "\n"), to: "content/site.yml")
        #expect(site.check(strict: true).report.diagnostics.isEmpty)
    }

    @Test func typoInVariableIsReportedAtItsTag() throws {
        let found = try lint({ $0.replacingOccurrences(of: "{{site_title}}", with: "{{site_titel}}") }, template: "partials/header")
        #expect(
            found.map(\.description) == [
                "templates/partials/header.mustache:4:120: warning: `site_titel` is not a value any page provides (rendering at-a-glance.mustache, briefing.mustache, commitment.mustache, home.mustache, indicator.mustache, indicators.mustache, not-found.mustache, outcome.mustache, page.mustache), so it would show as empty text; check the spelling"
            ])
    }

    @Test func keyOutsideItsSectionIsReported() throws {
        // `period` exists only inside {{#rows}}: outside it, it renders empty.
        let found = try lint(
            { $0.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{title}} {{period}}</h1>") }, template: "indicator")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("`period` is not a value") == true)
    }

    @Test func sectionTypoIsReported() throws {
        let found = try lint(
            {
                $0.replacingOccurrences(of: "{{#has_indicators}}", with: "{{#has_indicator}}")
                    .replacingOccurrences(of: "{{/has_indicators}}", with: "{{/has_indicator}}")
            }, template: "outcome")
        #expect(found.map { $0.message.prefix(18) } == ["`has_indicator` is"])
    }

    /// The declared keys say what is inside a record, so a typo there is found even when no
    /// page of this site has the record (the test site has no logo).
    @Test func typoInsideARecordNoPageHasIsReported() throws {
        let found = try lint({ $0.replacingOccurrences(of: "src=\"{{src}}\"", with: "src=\"{{scr}}\"") }, template: "partials/header")
        #expect(found.map { $0.message.prefix(8) } == ["`scr` is"])
    }

    /// Every name the shipped templates use is a declared key.
    @Test func shippedTemplatesUseOnlyDeclaredKeys() throws {
        var problems: [Diagnostic] = []
        let templates = try #require(
            TemplateLibrary.load(from: TestPaths.templates, required: PageKinds.all.map(\.template), problems: &problems))
        #expect(TemplateKeyLint(templates: templates, pages: PageKinds.all, words: .english).check().map(\.description) == [])
    }
}
