import Foundation
import Testing

@testable import PlanSiteKit

/// Each indicator's trend chart written as a file of its own (`data/<id>-chart.svg`), and the
/// link to it beside the chart on the indicator's page.
@Suite("Trend chart files")
struct TrendChartFileTests {
    static let ids = IndicatorPagesTests.ids

    private func file(_ path: String) throws -> Data {
        try #require(TestBuild.real.files?.first { $0.path == path }?.contents, "\(path) is written")
    }

    @Test(arguments: ids) func chartFileStandsAlone(id: String) throws {
        let indicator = try #require(TestBuild.real.site?.indicators.first { $0.id == id })
        let svg = String(decoding: try file(Route.indicatorChart(id: id).path), as: UTF8.self)
        let reader = SVGReader.read(svg)
        #expect(reader.error == nil, "\(id): the chart file does not parse: \(String(describing: reader.error))")
        let root = try #require(reader.root)
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        let width = try #require(root.attributes["width"].flatMap(Double.init))
        let height = try #require(root.attributes["height"].flatMap(Double.init))
        #expect(root.attributes["viewBox"] == "0 0 \(root.attributes["width"]!) \(root.attributes["height"]!)")
        #expect(width > 0 && height > 0)

        // The same title and description as the page's chart.
        let page = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        let start = try #require(page.range(of: "<svg class=\"chart\"")).lowerBound
        let pageChart = SVGReader.read(String(page[start...]).components(separatedBy: "</svg>")[0] + "</svg>")
        let title = try #require(reader.all("title").first?.text)
        let desc = try #require(reader.all("desc").first?.text)
        #expect(title == pageChart.all("title").first?.text)
        #expect(desc == pageChart.all("desc").first?.text)
        #expect(reader.all("text", class: "chart-file-title").map(\.text).joined(separator: " ") == title)

        // The footer names the source, the licence and the latest period; it carries no build date.
        let words = try #require(TestBuild.real.site?.words)
        let footer = reader.all("text", class: "chart-file-footer").map(\.text).joined(separator: " ")
        let source = indicator.source
        #expect(footer.contains(words(.chartFileSource, ["publisher": source.publisher, "title": source.title])), "\(id): \(footer)")
        let licence = source.licence ?? words(.sourceLicenceNotStated)
        #expect(footer.contains(words(.chartFileLicence, ["licence": licence])), "\(id): \(footer)")
        if let latest = indicator.series.last(where: { $0.value != nil }) {
            #expect(footer.contains(words(.chartFileLatest, ["period": PeriodText.display(latest.period, words)])))
        }

        // Its own style, with no variable and nothing outside the file.
        let style = try #require(reader.all("style").first?.text)
        #expect(style.contains("#1d43a6"))
        #expect(!svg.contains("var(--"))
        #expect(!svg.contains("href="))
        #expect(!svg.contains("url("))
    }

    @Test(arguments: ids) func pageLinksToTheChartWithItsSize(id: String) throws {
        let bytes = try file(Route.indicatorChart(id: id).path).count
        let page = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        let words = TestBuild.real.site!.words
        let label = words(.downloadCsvLabel, ["format": words(.formatSvg), "size": DataDownloads.sizeLabel(bytes, words: words)])
        #expect(page.contains("href=\"../../data/\(id)-chart.svg\" data-png-label=\"\(words(.downloadChartPng))\""))
        #expect(page.contains("(\(label))"), "\(id): the link says the file's size, \(label)")
        #expect(page.contains("href=\"../../data/\(id).csv\""), "the CSV link stays")
        #expect(page.contains("<script src=\"../../assets/chart-png.js\" defer></script>"))
    }

    @Test func aChartFileIsTheSameOnEveryBuild() {
        let again = TestBuild.run(content: TestPaths.realContent)
        let paths = Set(Route.charts(of: TestBuild.real.site!).map(\.path))
        let first = TestBuild.real.files?.filter { paths.contains($0.path) }.map(\.contents)
        let second = again.files?.filter { paths.contains($0.path) }.map(\.contents)
        #expect(first != nil && first == second)
    }

    @Test func chartRoutesReadBack() {
        #expect(Route(path: "data/litter-chart.svg") == .indicatorChart(id: "litter"))
        #expect(Route.indicatorChart(id: "litter").path == "data/litter-chart.svg")
        #expect(Route(path: "data/-chart.svg") == nil)
    }

    @Test func longLinesWrap() {
        let lines = TrendChartFile.wrap(String(repeating: "word ", count: 40), width: 300, size: 13)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { Double($0.count) * ChartText.charWidth * 13 / 15 <= 300 })
    }

    /// Words are split and counted on bytes when the text is ASCII, on Characters otherwise: the
    /// lines are those of splitting the Characters at spaces and counting each line again.
    @Test func wrappingSplitsAndCountsCharacters() {
        func reference(_ text: String, most: Int) -> [String] {
            var lines: [String] = []
            var line = ""
            for word in text.split(separator: " ") {
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= most {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = String(word)
                }
            }
            if !line.isEmpty || lines.isEmpty { lines.append(line) }
            return lines
        }
        let pieces = ["word", "a", " ", "  ", "Luton’s", "e\u{301}", " \u{301}", "\r\n", "\r", "\n", "😀", "🇬🇧", "–", "\t"]
        var random = SeededRandom(seed: 0x77A9)
        for _ in 0..<500 {
            let text = random.text(from: pieces, count: Int.random(in: 0...40, using: &random))
            // `wrap` allows 8 characters a line at the least: 100 pt at 15 px is 9 of ChartText's characters.
            #expect(TrendChartFile.wrap(text, width: 100, size: 15) == reference(text, most: 9), "\(text.debugDescription)")
        }
    }
}
