import Testing

@testable import PlanSiteKit

/// Addresses written in content, as staff write them: root-relative, relative to the
/// page, or as the content file (so the same Markdown works in GitHub's preview).
@Suite struct LinkRulesTests {
    static let miniSite = TestBuild.run(content: TestPaths.miniSite).site!
    let links = LinkRules(site: Self.miniSite)
    let outcome = LinkOrigin(sourceFile: "outcomes/cleaner-streets.md", directory: "outcomes/cleaner-streets/")
    let here = SourceLocation(path: "content/outcomes/cleaner-streets.md", line: 3, column: 5)

    @Test(arguments: [
        ("/accessibility/", "../../accessibility/index.html"),
        ("../../accessibility/", "../../accessibility/index.html"),
        ("../pages/accessibility.md", "../../accessibility/index.html"),
        ("../pages/accessibility.md#contact", "../../accessibility/index.html#contact"),
        ("../../indicators/bins/", "../../indicators/bins/index.html"),
        ("../indicators/bins.yml", "../../indicators/bins/index.html"),
        ("../commitments/more-bins.md", "../../commitments/more-bins/index.html"),
        ("https://example.org/", "https://example.org/"),
        ("mailto:a@b.org", "mailto:a@b.org"),
        ("#top", "#top"),
    ])
    func contentAddressesBecomeRelativeLinks(written: String, published: String) {
        let address = PageAddress(directory: outcome.directory)
        #expect(links.href(for: written, from: outcome, at: address) == published)
        #expect(links.check(written, at: here, from: outcome) == nil)
    }

    @Test func pageServedAnywhereGetsAbsoluteLinks() {
        let address = PageAddress(directory: "", fileName: "404.html", absoluteBase: "https://e.org/s/")
        let home = LinkOrigin(sourceFile: "site.yml", directory: "")
        #expect(links.href(for: "/accessibility/#top", from: home, at: address) == "https://e.org/s/accessibility/#top")
        #expect(links.href(for: "pages/accessibility.md", from: home, at: address) == "https://e.org/s/accessibility/")
    }

    @Test(arguments: [
        (
            "images/map.png",
            "image to images/map.png: this page is at /outcomes/cleaner-streets/, so that address means /outcomes/cleaner-streets/images/map.png, which the site does not have"
        ),
        ("/about-the-data/", "link to /about-the-data/: no page or file of this site has that address"),
        (
            "accessibility/",
            "link to accessibility/: this page is at /outcomes/cleaner-streets/, so that address means /outcomes/cleaner-streets/accessibility/, which the site does not have; for the site's own accessibility/, write /accessibility/"
        ),
        (
            "../pages/about-the-data.md",
            "link to ../pages/about-the-data.md: there is no content file pages/about-the-data.md; check the name and the ../ steps from this file's folder"
        ),
        ("../../../x/", "link to ../../../x/ goes above the site's top folder; write it from the site's top, as /x/"),
        ("../../../pages/a.md", "link to ../../../pages/a.md goes above the content folder"),
    ])
    func missingTargetsAreErrorsAtTheirPosition(written: String, message: String) {
        let what = written.hasPrefix("images/") ? "image" : "link"
        #expect(links.check(written, at: here, from: outcome, what: what) == .error(here, message))
    }

    @Test func relativeFolderWithoutSlashIsAWarning() {
        let diagnostic = links.check("../../accessibility", at: here, from: outcome)
        #expect(diagnostic?.severity == .warning)
    }

    @Test(arguments: [("a/./b/../c/", "a/c/"), ("a/..", ""), ("..", nil), ("x/y", "x/y"), ("./", "")] as [(String, String?)])
    func foldsDotSteps(path: String, folded: String?) {
        #expect(LinkRules.normalise(path) == folded)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:x", "data:text/html,x",
        "file:///etc/passwd", "vbscript:x", "//evil.example/", "\\\\evil", "",
    ])
    func forbidden(_ url: String) {
        if case .forbidden = AddressKind(url) {} else { Issue.record("\(url) should be refused") }
    }

    @Test func allowed() {
        #expect(AddressKind("https://example.org") == .web)
        #expect(AddressKind("HTTP://example.org") == .web)
        #expect(AddressKind("mailto:a@example.org") == .mail)
        #expect(AddressKind("#table") == .fragment)
        #expect(AddressKind("../about/") == .relative)
        #expect(AddressKind("/about/") == .rootRelative("/about/"))
    }
}
