import Foundation
import Testing

@testable import PlanSiteKit

/// `plansite serve` keeps what it loaded and rendered between builds; after any edit a
/// build with that cache must give exactly the files and diagnostics a fresh build gives.
@Suite struct IncrementalBuildTests {
    func options(_ site: ScratchSite, cache: BuildCache?) -> BuildOptions {
        var options = BuildOptions.testing(content: site.root.appendingPathComponent("content"))
        options.cache = cache
        return options
    }

    /// Builds as `serve` does (cache, pages filled in when asked for) and from scratch, and compares the two.
    func expectSameAsFresh(_ site: ScratchSite, _ cache: BuildCache, after edit: Comment) {
        var served = options(site, cache: cache)
        served.deferPages = true
        let cached = BuildPipeline(options: served).run()
        let fresh = BuildPipeline(options: options(site, cache: nil)).run()
        #expect(tree(cached) == tree(fresh), edit)
        #expect(cached.report.diagnostics == fresh.report.diagnostics, edit)
        #expect(cached.report.rendered(sources: cached.sources) == fresh.report.rendered(sources: fresh.sources), edit)
    }

    /// Every file by path, deferred pages filled in; nil when the build failed.
    func tree(_ result: PipelineResult) -> [String: Data]? {
        guard let files = result.files else { return nil }
        var tree: [String: Data] = [:]
        for file in files { tree[file.path] = file.contents }
        for path in result.deferred?.paths ?? [] { tree[path] = result.deferred?.render(path)?.contents }
        #expect(tree.count == files.count + (result.deferred?.paths.count ?? 0), "no path twice")
        return tree
    }

    func read(_ site: ScratchSite, _ relative: String) throws -> String {
        try String(contentsOf: site.root.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func eachEditGivesTheTreeOfAFreshBuild() throws {
        let site = try ParallelBuildTests.largeSite()
        defer { site.remove() }
        let cache = BuildCache()
        expectSameAsFresh(site, cache, after: "first build")
        #expect(tree(BuildPipeline(options: options(site, cache: nil)).run())?.count ?? 0 > 160)
        expectSameAsFresh(site, cache, after: "nothing changed")

        try site.write(
            try read(site, "content/priority.md").replacingOccurrences(of: "title: ", with: "title: Edited "),
            to: "content/priority.md")
        expectSameAsFresh(site, cache, after: "the priority's title, shown on every page")

        let measure = try read(site, "content/indicators/measure-03.yml")
        try site.write(measure.replacingOccurrences(of: "value: 7 }", with: "value: 70 }"), to: "content/indicators/measure-03.yml")
        expectSameAsFresh(site, cache, after: "a figure")

        // A link that led nowhere leads to a page once the page exists, and back again.
        try site.write(
            "---\ntitle: Cleaner streets\norder: 1\nsummary: Less litter.\nindicators: [litter]\n---\nSee the [new page](/new-page/).\n",
            to: "content/outcomes/cleaner-streets.md")
        expectSameAsFresh(site, cache, after: "a link to a page that does not exist")
        try site.write("---\ntitle: New page\n---\nSome text.\n", to: "content/pages/new-page.md")
        expectSameAsFresh(site, cache, after: "the page it links to added")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pages/new-page.md"))
        expectSameAsFresh(site, cache, after: "that page removed")

        try site.write("id: measure-05\ntitle: Broken\nunit: people\npolarity: upwards\n", to: "content/indicators/measure-05.yml")
        expectSameAsFresh(site, cache, after: "an indicator broken")
        try site.write(measure, to: "content/indicators/measure-05.yml")
        expectSameAsFresh(site, cache, after: "an indicator written over with another's text")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/indicators/measure-05.yml"))
        expectSameAsFresh(site, cache, after: "an indicator deleted")
    }
}
