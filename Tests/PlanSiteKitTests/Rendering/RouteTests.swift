import Foundation
import Testing

@testable import PlanSiteKit

/// The route table knows every address the build writes, and reads each back.
@Suite struct RouteTests {
    /// The routes a site has, as file paths, beside the files a build of it writes.
    private func routesAndFiles(content: URL, templates: URL = TestPaths.templates) throws -> (routes: [String], files: [String]) {
        let result = BuildPipeline(options: .testing(content: content, templates: templates, output: URL(fileURLWithPath: "/nonexistent")))
            .run()
        let files = try #require(result.files, "\(result.report.diagnostics)").map(\.path)
        let site = try #require(ContentLoader(contentFolder: content).load().site)
        var problems: [Diagnostic] = []
        let library = TemplateLibrary.read(from: templates, problems: &problems)
        return (Route.all(of: site, assetFiles: Array(library.assetFiles)).map(\.file).sorted(), files.sorted())
    }

    @Test func theRoutesOfTheRealContentAreTheFilesItsBuildWrites() throws {
        let (routes, files) = try routesAndFiles(content: TestPaths.packageRoot.appendingPathComponent("content"))
        #expect(files.count > 80)
        #expect(Set(routes).count == routes.count, "no two routes share an address")
        #expect(routes == files)
    }

    @Test func theRoutesOfASmallSiteAreTheFilesItsBuildWrites() throws {
        let site = try ScratchSite(content: TestPaths.miniSite)
        defer { site.remove() }
        // An image, and a page of words beside the mini-site's outcome, commitment and accessibility page.
        try site.write(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>Dot</title></svg>"#, to: "content/images/dot.svg")
        try site.write(
            "---\ntitle: About the data\nsummary: Where the figures come from.\n---\nThe figures are official.\n",
            to: "content/pages/about-the-data.md")
        let (routes, files) = try routesAndFiles(
            content: site.root.appendingPathComponent("content"), templates: site.root.appendingPathComponent("templates"))
        #expect(files.contains("images/dot.svg") && files.contains("about-the-data/index.html"))
        #expect(routes == files)
    }

    @Test func everyRouteIsReadBackFromItsPathAndItsFile() {
        let routes: [Route] = [
            .home, .outcome(slug: "a"), .commitment(slug: "b"), .page(slug: "about-the-data"), .atAGlance, .indicators,
            .indicator(id: "x"), .notFound, .indicatorCSV(id: "x"), .allIndicatorsCSV, .allIndicatorsJSON,
            .asset("site.css"), .asset("fonts/a.woff2"), .image("maps/ward.svg"), .sitemap, .robots, .briefing(slug: "a"),
            .embed(id: "x"),
        ]
        for route in routes {
            #expect(Route(path: route.path) == route, "\(route)")
            #expect(Route(path: route.file) == route, "\(route)")
        }
        #expect(Route(path: "indicators/x/#table") == nil)
        #expect(Route(path: "outcomes/") == .page(slug: "outcomes"))
        #expect(Route(path: "a/b/c/") == nil)
        #expect(Route(path: "data/.csv") == nil)
    }

    @Test func pagesAreReadBackToTheFilesTheyAreMadeFrom() {
        #expect(Route(path: "outcomes/healthier-lives/")?.sourceFile == "outcomes/healthier-lives.md")
        #expect(Route(path: "about-the-data/")?.sourceFile == "pages/about-the-data.md")
        #expect(Route(path: "indicators/x/")?.sourceFile == "indicators/x.yml")
        #expect(Route.indicators.sourceFile == nil)
    }
}
