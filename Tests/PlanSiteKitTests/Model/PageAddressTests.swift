import Testing

@testable import PlanSiteKit

@Suite struct PageAddressTests {
    @Test(arguments: [
        ("", "", "index.html"),
        ("", "indicators/", "indicators/index.html"),
        ("outcomes/a/", "", "../../index.html"),
        ("outcomes/a/", "assets/site.css", "../../assets/site.css"),
        ("indicators/x/", "/indicators/y/#data", "../../indicators/y/index.html#data"),
        ("indicators/", "indicators/#top", "#top"),
    ])
    func linksAreRelative(from directory: String, to target: String, expected: String) {
        #expect(PageAddress(directory: directory).link(to: target) == expected)
    }

    @Test func absoluteURLUsesBase() {
        #expect(PageAddress(directory: "outcomes/a/").absoluteURL(base: "https://e.org/s/") == "https://e.org/s/outcomes/a/")
        #expect(PageAddress(directory: "", fileName: "404.html").absoluteURL(base: "https://e.org/") == "https://e.org/404.html")
    }
}

@Suite struct AbsoluteAddressTests {
    /// 404.html is served at any path, so its links are absolute, with clean folder addresses.
    @Test func pageServedAnywhereLinksAbsolutely() {
        let address = PageAddress(directory: "", fileName: "404.html", absoluteBase: "https://e.org/s/")
        #expect(address.link(to: "") == "https://e.org/s/")
        #expect(address.link(to: "indicators/") == "https://e.org/s/indicators/")
        #expect(address.link(to: "/accessibility/#top") == "https://e.org/s/accessibility/#top")
        #expect(address.link(to: "assets/site.css") == "https://e.org/s/assets/site.css")
    }

    @Test func rootPrefixCountsTheFoldersAsSplittingDoes() {
        for directory in ["", "a/", "indicators/x/", "a//b/", "/a", "a/b/c", "//", "é/ü/", "a/\u{301}/b/"] {
            let expected = String(repeating: "../", count: directory.split(separator: "/").count)
            #expect(PageAddress(directory: directory).rootPrefix == expected, "\(directory.debugDescription)")
        }
    }
}
