import Testing

@testable import PlanSiteKit

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGFMExtensions() {
        let html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~ www.example.org\n\nNote[^1]\n\n[^1]: A footnote.\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">"))
        #expect(html.contains("footnote"))
    }

    @Test func rawHTMLIsOmittedUnlessOptedIn() {
        let source = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>\n"
        let safe = renderer.render(source).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        let trusted = MarkdownRenderer(allowRawHTML: true).render("<b>bold</b>\n").html
        #expect(trusted.contains("<b>bold</b>"))
    }

    @Test func javascriptURLsAreNotLinked() {
        let html = renderer.render("[x](javascript:alert(1))").html
        #expect(!html.contains("javascript:"))
    }

    @Test func rewritesRootRelativeLinks() {
        let address = PageAddress(directory: "outcomes/x/")
        let html = renderer.render(
            "[data](/about-the-data/) [ext](https://a.org/)", rewriteURL: { $0.hasPrefix("/") ? address.link(to: $0) : $0 }
        ).html
        #expect(html.contains("href=\"../../about-the-data/index.html\""))
        #expect(html.contains("href=\"https://a.org/\""))
    }

    @Test func outlineHasPositionsInFileLinesAndCharacters() {
        let outline = renderer.render("Intro\n\n## Café é [here](/x/)\n", path: "p.md", firstLine: 5).outline
        #expect(outline.headings.first?.location == SourceLocation(path: "p.md", line: 7, column: 1))
        #expect(outline.headings.first?.level == 2)
        let link = outline.links.first
        #expect(link?.text == "here")
        #expect(link?.location == SourceLocation(path: "p.md", line: 7, column: 11))
    }
}

@Suite("Footnotes in the site's words")
struct FootnoteWordsTests {
    @Test func theBackLinkIsLabelledFromTheWordFile() {
        let markdown = "A figure.[^1]\n\n[^1]: Its source.\n"
        #expect(MarkdownRenderer().render(markdown).html.contains(#"aria-label="Back to content""#))
        var renderer = MarkdownRenderer()
        renderer.footnoteBackLabel = "Yn ôl i'r cynnwys"
        let html = renderer.render(markdown).html
        #expect(html.contains(#"aria-label="Yn ôl i&#39;r cynnwys""#) && !html.contains("Back to content"))
        renderer.footnoteBackLabel = Words.english(.footnoteBackLabel)
        #expect(renderer.render(markdown).html == MarkdownRenderer().render(markdown).html)
    }
}
