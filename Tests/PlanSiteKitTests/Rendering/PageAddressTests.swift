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

    @Test func contentURLsKeepExternalAddresses() {
        let address = PageAddress(directory: "a/")
        #expect(address.resolveContentURL("https://example.org/") == "https://example.org/")
        #expect(address.resolveContentURL("mailto:a@b.org") == "mailto:a@b.org")
        #expect(address.resolveContentURL("//cdn.example.org/x") == "//cdn.example.org/x")
    }

    @Test func absoluteURLUsesBase() {
        #expect(PageAddress(directory: "outcomes/a/").absoluteURL(base: "https://e.org/s/") == "https://e.org/s/outcomes/a/")
        #expect(PageAddress(directory: "", fileName: "404.html").absoluteURL(base: "https://e.org/") == "https://e.org/404.html")
    }
}

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (4134.0, 0, "4,134"), (1768.0, 0, "1,768"), (0.9440524694425121, 2, "0.94"),
        (142490.0, 0, "142,490"), (7.0, 1, "7.0"), (-1234.5, 1, "−1,234.5"), (999.0, 0, "999"), (1_000_000.0, 0, "1,000,000"),
    ])
    func formatsInBritishEnglish(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.format(value, decimals: decimals) == expected)
    }

    @Test func unitsReadNaturally() {
        #expect(NumberFormat.withUnit(27, decimals: 0, unit: "%") == "27%")
        #expect(NumberFormat.withUnit(78.1, decimals: 1, unit: "years") == "78.1 years")
    }
}
