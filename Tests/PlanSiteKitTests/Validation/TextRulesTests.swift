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

    @Test(arguments: [
        "Image of a park", "picture of the town hall", "A blue png file with a black background.",
        "hexagons.svg", "IMG_2041.JPG", "photo", String(repeating: "a tree ", count: 25),
    ])
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
