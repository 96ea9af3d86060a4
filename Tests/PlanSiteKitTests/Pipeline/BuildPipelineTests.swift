import Foundation
import Testing

@testable import PlanSiteKit

@Suite struct BuildPipelineTests {
    @Test func brokenTemplateFailsAndLeavesTheSiteAlone() throws {
        let templates = try TestPaths.copy(TestPaths.templates)
        let output = TestPaths.scratch().appendingPathComponent("site")
        _ = try BuildPipeline(options: .testing(content: TestPaths.miniSite, output: output)).build()
        let before = snapshotTree(output)
        #expect(!before.isEmpty)

        try write("<main>\n{{#title}}\n</main>\n", to: "page.mustache", in: templates)
        let (result, summary) = try BuildPipeline(options: .testing(content: TestPaths.miniSite, templates: templates, output: output))
            .build()
        #expect(summary == nil)
        let messages = result.report.diagnostics.map(\.description)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("templates/page.mustache:") == true)
        #expect(snapshotTree(output) == before)
    }

    @Test func everyPageHasOneH1AndRelativeLinks() throws {
        let files = try #require(BuildPipeline(options: .testing(content: TestPaths.miniSite)).run().files)
        for page in files.filter(\.isPage) {
            let html = String(decoding: page.contents, as: UTF8.self)
            #expect(html.components(separatedBy: "<h1").count == 2, "\(page.path) must have exactly one h1")
            #expect(!html.contains("href=\"/"), "\(page.path) has a root-absolute link")
            // The scripts are an indicator's JSON-LD, which is data; the deferred chart-png.js, which only
            // adds a PNG button beside the SVG link that works without it; and the indicators page's finder,
            // which only adds to a page that is whole without it (its form is `hidden` until the script runs).
            let scripts = html.components(separatedBy: "<script").dropFirst()
            #expect(
                scripts.allSatisfy {
                    $0.hasPrefix(" type=\"application/ld+json\">") || $0.hasPrefix(" src=\"../../assets/chart-png.js\" defer></script>")
                        || (page.path == "indicators/index.html" && $0.hasPrefix(" defer src=\"../assets/finder.js\">"))
                }, "\(page.path) must need no JavaScript")
            if page.path == "indicators/index.html" {
                #expect(html.contains("<form class=\"finder\" role=\"search\" hidden"), "the finder must be hidden without JavaScript")
            }
        }
    }

    @Test func textFromContentIsEscaped() throws {
        let files = try #require(BuildPipeline(options: .testing(content: TestPaths.miniSite)).run().files)
        let home = String(decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        #expect(home.contains("Keeping the town tidy &amp; safe for &lt;everyone&gt;."))
    }

    @Test func baseURLIsOnlyForCanonicalAndSitemap() throws {
        var options = BuildOptions.testing(content: TestPaths.miniSite)
        options.baseURL = "https://pages.example.net/tidy"
        let files = try #require(BuildPipeline(options: options).run().files)
        let sitemap = String(decoding: try #require(files.first { $0.path == "sitemap.xml" }).contents, as: UTF8.self)
        #expect(sitemap.contains("<loc>https://pages.example.net/tidy/outcomes/cleaner-streets/</loc>"))
        let home = String(decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        #expect(home.contains("<link rel=\"canonical\" href=\"https://pages.example.net/tidy/\">"))
        #expect(home.contains("href=\"outcomes/cleaner-streets/index.html\""))
    }
}

@Suite struct IndicatorIndexTests {
    @Test func rowsAreInTitleOrderForReaders() throws {
        let page = try #require(TestBuild.page("indicators/index.html", in: TestBuild.real))
        let regex = try NSRegularExpression(pattern: #"<th scope="row"><a href="[^"]+">([^<]+)</a>"#)
        let titles = regex.matches(in: page, range: NSRange(page.startIndex..., in: page))
            .map { String(page[Range($0.range(at: 1), in: page)!]).lowercased() }
        #expect(titles.count == TestBuild.real.site?.indicators.count)
        #expect(titles == titles.sorted())
    }
}
