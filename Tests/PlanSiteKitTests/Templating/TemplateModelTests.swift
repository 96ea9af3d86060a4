import Foundation
import Testing

@testable import PlanSiteKit

/// How the renderer reads typed values through their declared keys.
@Suite struct TemplateModelTests {
    struct Item: TemplateModel {
        var title: String
        var summary: String?
        var flags: [Flag] = []

        static let keys = TemplateKeys<Self>([
            .text("title", "", \.title), .text("summary", "", \.summary), .list("flags", "", \.flags),
        ])
    }

    struct Flag: TemplateModel {
        var letter: String

        static let keys = TemplateKeys<Self>([.text("letter", "", \.letter)])
    }

    struct Page: TemplateModel {
        var title: String
        var summary: String?
        var heading: String
        var items: [Item]
        var first: Item?
        var ready: Bool

        static let keys = TemplateKeys<Self>([
            .text("title", "", \.title), .text("summary", "", \.summary), .html("heading", "", \.heading),
            .list("items", "", \.items), .record("first", "", \.first), .flag("ready", "", \.ready),
        ])
    }

    private let page = Page(
        title: "Tidy <town>", summary: "The page's summary", heading: "<b>Bold</b>",
        items: [Item(title: "a", summary: "A's summary", flags: [Flag(letter: "p")]), Item(title: "b", summary: nil)],
        first: nil, ready: true)

    private func render(_ template: String) throws -> String {
        TemplateRenderer(templates: ["t": try MustacheParser.parse(template)]).render(page, with: "t")
    }

    @Test func anAbsentValueIsNotLookedForFurtherOut() throws {
        // Item b has no summary: the page's summary must not appear in its place.
        #expect(try render("{{#items}}[{{#summary}}{{summary}}{{/summary}}]{{/items}}") == "[A&#39;s summary][]")
        #expect(try render("{{#items}}{{^summary}}none{{/summary}}{{/items}}") == "none")
        #expect(try render("{{#first}}x{{/first}}{{^first}}no first{{/first}}") == "no first")
    }

    @Test func aNameARecordDoesNotDeclareIsLookedForFurtherOut() throws {
        #expect(try render("{{#items}}{{title}} of {{heading}};{{/items}}") == "a of &lt;b&gt;Bold&lt;/b&gt;;b of &lt;b&gt;Bold&lt;/b&gt;;")
        #expect(try render("{{#items}}{{#flags}}{{letter}}{{title}}{{/flags}}{{/items}}") == "pa")
    }

    @Test func textIsEscapedAndHTMLIsNotWhenTripled() throws {
        #expect(try render("{{title}} {{{heading}}}") == "Tidy &lt;town&gt; <b>Bold</b>")
    }

    @Test func flagsListsAndTransformsBehaveAsForPlainValues() throws {
        #expect(try render("{{#ready}}yes{{/ready}}{{^ready}}no{{/ready}}") == "yes")
        #expect(try render("{{#items}}{{title}}{{/items}}") == "ab")
        #expect(try render("{{uppercased(title)}}") == "TIDY &lt;TOWN&gt;")
        #expect(try render("{{count(items)}} {{#first(items)}}{{title}}{{/first(items)}}") == "2 a")
        #expect(try render("{{#summary}}{{.}}{{/summary}}") == "The page&#39;s summary")
    }

    @Test func everyDeclaredKeyIsReadAndUndeclaredOnesAreNot() {
        for key in Page.keys.info { #expect(page.child(named: key.name) != nil, "\(key.name)") }
        #expect(page.child(named: "titel") == nil)
    }
}
