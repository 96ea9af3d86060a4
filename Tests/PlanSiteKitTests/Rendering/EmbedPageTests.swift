import Foundation
import Testing

@testable import PlanSiteKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Each indicator's embed page (`embed/<id>/`), made to be shown in another site's frame, and
/// the code to embed it that the indicator's page offers.
@Suite("Embed pages")
struct EmbedPageTests {
    static let ids = IndicatorPagesTests.ids
    private var real: PipelineResult { TestBuild.real }
    private var base: String { real.site?.config.baseURL ?? "" }

    private func page(_ route: Route, in result: PipelineResult = TestBuild.real) throws -> String {
        try #require(TestBuild.page(route.file, in: result), "\(route.file) is written")
    }

    /// The text between the first `open` and the next `close` after it.
    private func slice(_ text: String, from open: String, to close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else {
            return nil
        }
        return String(text[start.lowerBound..<end.upperBound])
    }

    @Test(arguments: ids) func embedPageShowsTheChartTableAndSourceWithoutTheSiteFrame(id: String) throws {
        let indicator = try #require(real.site?.indicators.first { $0.id == id })
        let words = try #require(real.site?.words)
        let html = try page(.embed(id: id))
        let full = base + Route.indicator(id: id).path
        #expect(!base.isEmpty)

        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(html.contains("<link rel=\"canonical\" href=\"\(full)\">"), "\(id): canonical names the indicator's page")
        #expect(html.components(separatedBy: "<main").count == 2)
        #expect(html.contains("<h1>\(Markup.escape(indicator.title))</h1>"))
        // The same chart as the indicator's page.
        let own = try #require(slice(html, from: "<svg class=\"chart\"", to: "</svg>"))
        #expect(slice(try page(.indicator(id: id)), from: "<svg class=\"chart\"", to: "</svg>") == own)
        // The table, in a disclosure.
        let details = try #require(slice(html, from: "<details", to: "</details>"))
        #expect(details.contains("<summary>\(words(.embedTableSummary))</summary>"))
        #expect(details.contains("<table class=\"data-table\">"))
        // Source, licence and the data's date.
        #expect(html.contains(Markup.escape(indicator.source.publisher)))
        #expect(html.contains(Markup.escape(indicator.source.licence ?? words(.sourceLicenceNotStated))))
        if let url = indicator.source.url { #expect(html.contains("href=\"\(Markup.escape(url))\" target=\"_top\"")) }
        if let latest = indicator.series.last(where: { $0.value != nil }) {
            #expect(html.contains("<dd>\(Markup.escape(PeriodText.display(latest.period, words)))</dd>"))
        }
        // A way out of the frame to the full page.
        #expect(html.contains("<a href=\"\(full)\" target=\"_top\">\(words(.embedFullPageLink))</a>"))
        // No header, navigation, footer or skip link: there is nothing to skip.
        for frame in ["<nav", "<header", "<footer", "skip-link", words(.skipLink)] {
            #expect(!html.contains(frame), "\(id): the embed page has \(frame)")
        }
    }

    @Test func theSitemapListsIndicatorPagesButNoEmbed() throws {
        let sitemap = try page(.sitemap)
        for id in Self.ids {
            #expect(sitemap.contains("<loc>\(base)\(Route.indicator(id: id).path)</loc>"))
            #expect(!sitemap.contains(Route.embed(id: id).path))
        }
        #expect(Route(path: "embed/x/") == .embed(id: "x"))
        #expect(Route(path: "embed/x/index.html") == .embed(id: "x"))
        #expect(Route.embed(id: "x").isPage && !Route.embed(id: "x").isInSitemap)
    }

    /// The textarea's text as a browser shows it: the page escapes the code once more.
    private func textarea(_ id: String, in html: String) throws -> String {
        let element = try #require(slice(html, from: "<textarea id=\"\(id)\" readonly rows=\"4\">", to: "</textarea>"))
        let inner = element.dropFirst("<textarea id=\"\(id)\" readonly rows=\"4\">".count).dropLast("</textarea>".count)
        #expect(!inner.contains("<") && !inner.contains("\""), "the code is escaped in the page")
        return inner.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The one element of `code`, read by an XML parser: the code is well-formed, every attribute quoted and escaped.
    private func element(_ code: String) throws -> (name: String, attributes: [String: String]) {
        final class First: NSObject, XMLParserDelegate {
            var found: (String, [String: String])?
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]
            ) {
                if found == nil { found = (name, attributes) }
            }
        }
        let reader = First()
        let parser = XMLParser(data: Data(code.utf8))
        parser.delegate = reader
        #expect(parser.parse(), "\(code) does not parse: \(String(describing: parser.parserError))")
        let found = try #require(reader.found)
        return (found.0, found.1)
    }

    @Test(arguments: ids) func indicatorPageOffersTheIframeAndImageCode(id: String) throws {
        let indicator = try #require(real.site?.indicators.first { $0.id == id })
        let words = try #require(real.site?.words)
        let html = try page(.indicator(id: id))
        #expect(html.contains("<summary>\(words(.embedHeading))</summary>"))
        #expect(html.contains("<label for=\"embed-iframe\">\(words(.embedIframeLabel))</label>"))
        #expect(html.contains("<label for=\"embed-image\">\(words(.embedImageLabel))</label>"))

        let iframeCode = try textarea("embed-iframe", in: html)
        #expect(iframeCode.hasPrefix("<iframe ") && iframeCode.hasSuffix("></iframe>"))
        let iframe = try element(iframeCode)
        #expect(iframe.name == "iframe")
        #expect(iframe.attributes["src"] == base + Route.embed(id: id).path)
        #expect(iframe.attributes["title"] == words(.embedIframeTitle, ["indicator": indicator.title]))
        #expect(iframe.attributes["width"] == nil, "HTML's width attribute takes only pixels")
        #expect(iframe.attributes["style"] == "width:100%;border:0")
        #expect(iframe.attributes["height"] == "\(EmbedCode.height)")
        #expect(iframe.attributes["loading"] == "lazy")

        // An HTML <img> has no end tag; the XML reader is given one.
        let imageCode = try textarea("embed-image", in: html)
        #expect(imageCode.hasPrefix("<img ") && imageCode.hasSuffix(">") && !imageCode.hasSuffix("/>"))
        let image = try element(imageCode + "</img>")
        #expect(image.name == "img")
        #expect(image.attributes["src"] == base + Route.indicatorChart(id: id).path)
        // The text alternative says what the chart says: its title and description.
        let chart = try #require(slice(html, from: "<svg class=\"chart\"", to: "</svg>"))
        let svg = SVGReader.read(chart)
        let title = try #require(svg.all("title").first?.text)
        let desc = try #require(svg.all("desc").first?.text)
        #expect(image.attributes["alt"] == title + ". " + desc)
    }

    @Test func titlesWithQuotesAndAmpersandsAreEscapedInTheCode() throws {
        let site = try ScratchSite(content: TestPaths.miniSite)
        defer { site.remove() }
        let file = site.root.appendingPathComponent("content/indicators/bins.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
        try site.write(
            text.replacingOccurrences(of: String(line), with: "title: 'Bins & \"boxes\" <emptied>'"), to: "content/indicators/bins.yml")
        let result = site.check()
        #expect(result.report.errors.isEmpty, "\(result.report.errors)")
        let html = try page(.indicator(id: "bins"), in: result)
        let iframe = try element(try textarea("embed-iframe", in: html))
        #expect(iframe.attributes["title"] == "Bins & \"boxes\" <emptied>: chart, figures and source")
        let embed = try page(.embed(id: "bins"), in: result)
        #expect(embed.contains("<h1>Bins &amp; &quot;boxes&quot; &lt;emptied&gt;</h1>"))
    }

    @Test func theEmbedSaysWhenTheFiguresWereUpdatedAndAreDueNext() throws {
        let result = TestBuild.run(content: TestPaths.updatesSite)
        let bins = try page(.embed(id: "bins"), in: result)
        #expect(
            bins.contains(
                "<p class=\"note\">Figures updated <time datetime=\"2026-11-03\">3 November 2026</time>. "
                    + "Next update due <time datetime=\"2027-05-01\">1 May 2027</time>.</p>"))
        // The embed is not an entry of the feed of updates: its indicator's page is.
        let feed = try #require(TestBuild.page(Route.updatesFeed.path, in: result))
        #expect(!feed.contains(Route.embed(id: "bins").path))
    }
}
