import Testing
@testable import PlanSiteKit

@Suite struct TextRulesTests {
    @Test(arguments: ["click here", "Here", "Find out more", "read more.", "  More  ", "https://example.org/x", "www.example.org"])
    func vagueLinkText(_ text: String) {
        #expect(TextRules.linkTextProblem(text, url: "https://example.org/x") != nil)
    }

    @Test(arguments: ["Find out more about Net zero town", "the housing strategy", "web@example.org"])
    func descriptiveLinkText(_ text: String) {
        #expect(TextRules.linkTextProblem(text, url: "mailto:web@example.org") == nil)
    }

    @Test(arguments: ["Image of a park", "picture of the town hall", "A blue png file with a black background.",
                      "hexagons.svg", "IMG_2041.JPG", "photo", String(repeating: "a tree ", count: 25)])
    func poorAltText(_ alt: String) {
        #expect(TextRules.altTextProblem(alt)?.0 == .warning)
    }

    @Test func missingAltTextIsAnError() {
        #expect(TextRules.altTextProblem("  ")?.0 == .error)
    }

    @Test(arguments: ["A man with dreadlocks smiling in a park.", "Two people walking in front of the water tower."])
    func goodAltText(_ alt: String) {
        #expect(TextRules.altTextProblem(alt) == nil)
    }
}

@Suite struct LinkRulesTests {
    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:x", "data:text/html,x",
                      "file:///etc/passwd", "vbscript:x", "//evil.example/", "\\\\evil", ""])
    func forbidden(_ url: String) {
        if case .forbidden = LinkRules.classify(url) {} else { Issue.record("\(url) should be refused") }
    }

    @Test func allowed() {
        #expect(LinkRules.classify("https://example.org") == .web)
        #expect(LinkRules.classify("HTTP://example.org") == .web)
        #expect(LinkRules.classify("mailto:a@example.org") == .mail)
        #expect(LinkRules.classify("#table") == .fragment)
        #expect(LinkRules.classify("../about/") == .relative)
        #expect(LinkRules.classify("/about/") == .rootRelative("/about/"))
    }
}
