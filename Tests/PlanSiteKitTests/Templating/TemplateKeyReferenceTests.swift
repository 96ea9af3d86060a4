import Foundation
import Testing

@testable import PlanSiteKit

/// docs/template-keys.md must list exactly the keys the renderer hands each template.
@Suite struct TemplateKeyReferenceTests {
    static let sites = [TestPaths.miniSite, TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/sites/seed-site/content")]

    @Test func referenceMatchesWhatTemplatesReceive() throws {
        var pages: [PageRender] = []
        for content in Self.sites {
            let options = BuildOptions.testing(content: content)
            let loaded = ContentLoader(contentFolder: content).load()
            let site = try #require(loaded.site)
            var problems: [Diagnostic] = []
            let templates = TemplateLibrary.load(from: options.templatesFolder, problems: &problems)
            #expect(problems.isEmpty)
            let assembly = SiteAssembly.assemble(site, templates: templates, contentIsComplete: true)
            pages += try #require(assembly.pages)
        }
        let generated = TemplateKeyReference.markdown(for: pages)
        let file = TestPaths.packageRoot.appendingPathComponent("docs/template-keys.md")
        let recording = ProcessInfo.processInfo.environment["PLANSITE_RECORD"] == "1"
        guard !recording, let written = try? String(contentsOf: file, encoding: .utf8) else {
            try generated.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("wrote \(file.path); check it and run again")
            return
        }
        #expect(
            written == generated, "docs/template-keys.md is out of date: PLANSITE_RECORD=1 swift test --filter TemplateKeyReferenceTests")
    }
}
