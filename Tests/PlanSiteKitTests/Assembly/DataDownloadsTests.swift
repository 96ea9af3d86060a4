import Foundation
import Testing

@testable import PlanSiteKit

@Suite("Open data downloads")
struct DataDownloadsTests {
    static var site: Site { TestBuild.fixture.site! }

    func file(_ path: String, in result: PipelineResult = TestBuild.fixture) throws -> String {
        try #require(TestBuild.page(path, in: result))
    }

    @Test func tidyCSVOfEveryIndicatorWithRawValues() throws {
        let lines = try file("data/indicators.csv").components(separatedBy: "\r\n")
        #expect(
            lines.first == "indicator_id,title,geography,period,dimension,category,value,lower_ci,upper_ci,unit,source,"
                + "count,denominator,flag,note")
        #expect(
            lines.contains(
                "life-expectancy,\"Life expectancy at birth, females\",Testtown,2017-19,,,81.95,81.45,82.45,years,"
                    + "Office for National Statistics: Life expectancy for local areas,,,,"))
        #expect(lines.contains { $0.hasSuffix(",Suppressed: too few deaths") }, "a missing value's note is in its row")
        #expect(
            lines.contains { $0.hasPrefix("life-expectancy,\"Life expectancy at birth, females\",Testtown,2018-20,,,,,,years,") },
            "a null is an empty cell, never 0")
        #expect(lines.contains { $0.hasPrefix("rough-sleeping,People sleeping rough on a single night,England,2016,,,4134,,,people,") })
        let observations = Self.site.indicators.reduce(0) { $0 + $1.series.count + $1.comparators.reduce(0) { $0 + $1.series.count } }
        #expect(lines.count == observations + 2, "header, one row per observation, and the final line break")
    }

    @Test func aCSVPerIndicatorAndTheJSON() throws {
        for indicator in Self.site.indicators {
            let csv = try file("data/\(indicator.id).csv")
            #expect(csv.components(separatedBy: "\r\n").dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix(indicator.id + ",") })
        }
        let json = try JSONSerialization.jsonObject(with: Data(try file("data/indicators.json").utf8)) as? [String: Any]
        let indicators = try #require(json?["indicators"] as? [[String: Any]])
        #expect(indicators.compactMap { $0["id"] as? String } == Self.site.indicators.map(\.id))
        let life = try #require(indicators.first { $0["id"] as? String == "life-expectancy" })
        let series = try #require(life["series"] as? [[String: Any]])
        #expect(series.map { $0["value"] as? Double } == [82.1, 81.95, nil, 81.2], "raw values; a null stays null")
        #expect(series[2]["value"] is NSNull)
        #expect(series[2]["note"] as? String == "Suppressed: too few deaths")
        #expect((life["target"] as? [String: Any])?["value"] as? Double == 83)
    }

    @Test func theRealRateIsWrittenExactlyAsPublished() throws {
        let csv = try file("data/rough-sleeping-rate.csv", in: TestBuild.real)
        // As stored in the publisher's cell (luton-series.yml), not rounded.
        #expect(csv.contains(",2016,,,35.1991996813546,,,\"per 100,000 people\","))
    }

    @Test(arguments: [(10, "1 KB"), (1024, "1 KB"), (1025, "2 KB"), (2048, "2 KB"), (1_572_864, "1.5 MB")])
    func sizeLabel(bytes: Int, label: String) {
        #expect(DataDownloads.sizeLabel(bytes) == label)
    }

    @Test func linksSayFormatAndSize() throws {
        let links = DownloadLink.all(to: DataDownloads(site: Self.site).files(), at: PageAddress(directory: "indicators/"))
        #expect(links.map(\.format) == ["CSV", "JSON"])
        #expect(links.map(\.href) == ["../data/indicators.csv", "../data/indicators.json"])
        // Each link's size is the size of the file the build writes.
        let page = try file("indicators/life-expectancy/index.html")
        #expect(page.contains("(CSV, \(DataDownloads.sizeLabel(try file("data/life-expectancy.csv").utf8.count)))"))
        let index = try file("indicators/index.html")
        #expect(index.contains("(CSV, \(DataDownloads.sizeLabel(try file("data/indicators.csv").utf8.count)))"))
        #expect(index.contains("(JSON, \(DataDownloads.sizeLabel(try file("data/indicators.json").utf8.count)))"))
    }

    @Test func spreadsheetFormulasAreDefused() {
        #expect(DataDownloads.csvField("=SUM(A1)") == "'=SUM(A1)")
        #expect(DataDownloads.csvField("-12.5") == "-12.5")
        #expect(DataDownloads.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
        // OWASP's list: tab and CR start a formula too; a number is never prefixed.
        #expect(DataDownloads.csvField("\t=2+2") == "'\t=2+2")
        #expect(DataDownloads.csvField("\r=2+2") == "\"'\r=2+2\"")
        #expect(DataDownloads.csvField("@SUM(A1)") == "'@SUM(A1)" && DataDownloads.csvField("+44 1582") == "'+44 1582")
        #expect(DataDownloads.csvField("-3") == "-3" && DataDownloads.csvField("-2+3") == "'-2+3")
    }

    /// A YAML block title with a non-ASCII character once split every row in two: the lone "\n" was
    /// looked for among Characters, where "\r\n" is one. Quoting is decided on bytes.
    @Test func anyLineBreakIsQuotedWhateverTheText() {
        #expect(DataDownloads.csvField("Luton’s figures\nrevised") == "\"Luton’s figures\nrevised\"")
        #expect(DataDownloads.csvField("café\r\nbar") == "\"café\r\nbar\"")
        #expect(DataDownloads.csvField("é\"\u{301}") == "\"é\"\"\u{301}\"", "a quote followed by a combining mark is still doubled")
        #expect(DataDownloads.csvField("Luton’s") == "Luton’s")
    }
}

@Suite("The JSON download, encoded per indicator")
struct DataDownloadsJSONTests {
    @Test func encodedPerIndicatorEqualsEncodedWhole() throws {
        for result in [TestBuild.fixture] {
            let downloads = DataDownloads(site: try #require(result.site))
            #expect(downloads.json() == downloads.jsonEncodedWhole())
            var serial = downloads
            serial.parallel = false
            #expect(serial.json() == downloads.jsonEncodedWhole())
        }
    }

    /// Seeded indicators whose texts hold every control character, quotes, backslashes,
    /// slashes and non-ASCII, and whose numbers run from 5e-324 to 1e300, negative and zero:
    /// the hand-written JSON must be JSONEncoder's, byte for byte.
    @Test func theHandWrittenJSONIsJSONEncodersOnSeededValues() throws {
        var random = SeededRandom(seed: 0x15_0A)
        let pieces = [
            "a", "Z", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "\u{7f}",
            "é", "e\u{301}", "\u{2028}", "\u{fffd}", "😀", "£", "East", "east", "_", "10", "9",
        ]
        func text() -> String { random.text(from: pieces, count: 6) }
        func number() -> Double? {
            switch Int.random(in: 0..<8, using: &random) {
            case 0: return nil
            case 1: return Double(Int.random(in: -1000...1000, using: &random))
            case 2:
                return [0, -0.0, 5e-324, 1e-7, 1e15, 1e16, 1e20, 1e21, 1.5e300, 123_456_789_012_345_678][
                    Int.random(in: 0..<10, using: &random)]
            default:
                return (Double.random(in: -1e6...1e6, using: &random) * 1000).rounded()
                    / [1, 10, 100, 1000][Int.random(in: 0..<4, using: &random)]
            }
        }
        func observations() -> [Observation] {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in
                Observation(
                    period: text(), value: number(), lowerCI: number(), upperCI: number(), note: Bool.random(using: &random) ? text() : nil)
            }
        }
        var site = try #require(TestBuild.fixture.site)
        site.indicators = (0..<200).map { index in
            var indicator = makeIndicator(
                id: "i\(index)", unit: text(), decimals: Int.random(in: 0...3, using: &random), series: observations(),
                comparators: Dictionary(
                    (0..<Int.random(in: 0...3, using: &random)).map { _ in (text(), observations()) },
                    uniquingKeysWith: { first, _ in first }),
                target: Bool.random(using: &random) ? IndicatorTarget(value: number() ?? 1, by: text(), label: text()) : nil)
            indicator.title = text()
            indicator.source = DataSource(
                publisher: text(), title: text(), url: Bool.random(using: &random) ? text() : nil,
                licence: Bool.random(using: &random) ? text() : nil)
            if Bool.random(using: &random) {
                var breakdown = Breakdown(
                    dimension: text(), period: text(), ordered: Bool.random(using: &random),
                    categories: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                        BreakdownCategory(
                            category: text(), value: number(), lowerCI: number(), upperCI: number(),
                            note: Bool.random(using: &random) ? text() : nil)
                    })
                breakdown.title = Bool.random(using: &random) ? text() : nil
                breakdown.overall = observations().first
                breakdown.national = observations().first
                indicator.breakdowns = [breakdown]
            }
            return indicator
        }
        let downloads = DataDownloads(site: site)
        #expect(downloads.json() == downloads.jsonEncodedWhole())
    }

    @Test func aSiteWithoutIndicatorsStillHasTheList() throws {
        var site = try #require(TestBuild.fixture.site)
        site.indicators = []
        let downloads = DataDownloads(site: site)
        #expect(downloads.json() == downloads.jsonEncodedWhole())
    }
}
