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
        #expect(lines.first == "indicator_id,title,geography,period,dimension,category,value,lower_ci,upper_ci,unit,source")
        #expect(lines.contains("life-expectancy,\"Life expectancy at birth, females\",Testtown,2017-19,,,81.95,81.45,82.45,years,Office for National Statistics: Life expectancy for local areas"))
        #expect(lines.contains { $0.hasPrefix("life-expectancy,\"Life expectancy at birth, females\",Testtown,2018-20,,,,,,years,") },
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
        let links = DataDownloads.links(to: DataDownloads(site: Self.site).files(), at: PageAddress(directory: "indicators/"))
        #expect(links.map { $0["format"] as? String } == ["CSV", "JSON"])
        #expect(links.map { $0["href"] as? String } == ["../data/indicators.csv", "../data/indicators.json"])
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

    @Test func aSiteWithoutIndicatorsStillHasTheList() throws {
        var site = try #require(TestBuild.fixture.site)
        site.indicators = []
        let downloads = DataDownloads(site: site)
        #expect(downloads.json() == downloads.jsonEncodedWhole())
    }
}
