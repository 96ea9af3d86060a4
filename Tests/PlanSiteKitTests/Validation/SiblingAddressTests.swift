import Testing

@testable import PlanSiteKit

/// Two priorities on one host link to each other by a path from the host's top (`/net-zero/`),
/// as written; a path inside this site's own folder, or a relative one, is refused.
@Suite struct SiblingAddressTests {
    static let base = "https://example.org/improving-wellbeing/"

    @Test(arguments: ["https://example.org/net-zero/", "/net-zero/", "/priorities/net-zero/"])
    func accepted(_ url: String) {
        #expect(FrontMatterLint.siblingAddressProblem(url, baseURL: Self.base) == nil)
    }

    @Test func insideThisSiteIsRefused() {
        let problem = FrontMatterLint.siblingAddressProblem("/improving-wellbeing/net-zero/", baseURL: Self.base)
        #expect(problem?.contains("inside this site's own address") == true)
        // a site at the host's top holds every path on the host
        #expect(FrontMatterLint.siblingAddressProblem("/net-zero/", baseURL: "https://example.org/") != nil)
    }

    @Test(arguments: ["net-zero/", "//evil.example/", "javascript:alert(1)", "/a\\b/"])
    func notAnAddressIsRefused(_ url: String) {
        #expect(FrontMatterLint.siblingAddressProblem(url, baseURL: Self.base)?.hasPrefix("`url` must be") == true)
    }
}
