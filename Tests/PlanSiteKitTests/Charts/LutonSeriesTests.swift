import Foundation
import Testing

@testable import PlanSiteKit

/// The real site's charts, tables and CSV carry exactly the figures of the research's
/// luton-series.yml (copied unchanged into Tests/Fixtures/sources/), read here as plain
/// text, not through the loader or the project's own content files.
@Suite("The real site against luton-series.yml")
struct LutonSeriesTests {
    struct Record {
        var id: String
        /// Geography ("Luton", "England", "East of England") → (period, value as written).
        var series: [String: [(period: String, value: String)]]
    }

    static let records: [Record] = {
        guard let text = try? String(contentsOf: TestPaths.lutonSeries, encoding: .utf8) else { return [] }
        return text.components(separatedBy: "\n---\n").dropFirst().compactMap { doc in
            var id: String?
            var geography = "Luton"
            var series: [String: [(String, String)]] = [:]
            for line in doc.split(separator: "\n").map(String.init) {
                if line.hasPrefix("id: ") { id = String(line.dropFirst(4)) }
                if line == "series:" { geography = "Luton" }
                if line.hasPrefix("  ") && line.hasSuffix(":") && !line.hasPrefix("   ") && !line.contains("{") {
                    geography = line.trimmingCharacters(in: .whitespaces).dropLast().description
                }
                if line.hasPrefix("source:") { geography = "" }
                guard !geography.isEmpty, let period = YAMLSeries.capture(#"period: "([^"]*)""#, in: line),
                    let value = YAMLSeries.capture(#"value: ([^,}\s]+)"#, in: line)
                else { continue }
                series[geography, default: []].append((period, value))
            }
            return id.map { Record(id: $0, series: series) }
        }
    }()

    @Test func theSourceHoldsNineteenRecords() {
        #expect(Self.records.count == 19)
        #expect(Self.records.allSatisfy { $0.series["Luton"]?.isEmpty == false && $0.series["England"]?.isEmpty == false })
    }

    @Test(arguments: records.map(\.id)) func csvCarriesEveryFigureRaw(id: String) throws {
        let record = try #require(Self.records.first { $0.id == id })
        let csv = try #require(TestBuild.page("data/\(id).csv", in: TestBuild.real))
        let rows = Set(
            csv.components(separatedBy: "\r\n").map { line -> String in
                // geography, period, value: the 3rd, 4th and 7th fields (the title may be quoted with commas).
                let fields = Self.csvFields(line)
                return fields.count > 6 ? "\(fields[2])|\(fields[3])|\(fields[4])|\(fields[6])" : ""
            })
        for (geography, series) in record.series {
            for (period, value) in series {
                let raw = value == "null" ? "" : try #require(Double(value)).plainText
                #expect(rows.contains("\(geography)|\(period)||\(raw)"), "\(id): \(geography) \(period) \(value) is not in the CSV")
            }
        }
    }

    @Test(arguments: records.map(\.id)) func tableShowsEveryFigure(id: String) throws {
        let record = try #require(Self.records.first { $0.id == id })
        let indicator = try #require(TestBuild.real.site?.indicator(id))
        let html = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        let table = try #require(SVGReader.fragment(html, open: "<table class=\"data-table\">", close: "</table>"))
        let rows = SVGReader.read(table).rows()
        let header = try #require(rows.first)
        for (geography, series) in record.series {
            let column = try #require(header.firstIndex(of: geography), "\(id): no column for \(geography)")
            for (period, value) in series {
                let row = try #require(rows.first { $0.first == PeriodText.display(period) }, "\(id): no row for \(period)")
                let shown =
                    value == "null"
                    ? row[column].hasPrefix("No value") : row[column] == NumberFormat.format(Double(value)!, decimals: indicator.decimals)
                #expect(shown, "\(id) \(geography) \(period): \(row[column])")
            }
        }
    }

    @Test(arguments: records.map(\.id)) func chartPlotsEveryLutonFigure(id: String) throws {
        let record = try #require(Self.records.first { $0.id == id })
        let html = try #require(TestBuild.page("indicators/\(id)/index.html", in: TestBuild.real))
        for open in ["<svg class=\"chart\" ", "<svg class=\"chart chart-small\" "] {
            let svg = try #require(SVGReader.fragment(html, open: open, close: "</svg>"))
            let points = SVGReader.read(svg).points(inGroup: "chart-area")
            let plotted = points.filter { $0.attributes["data-period"] != nil }.map {
                ($0.attributes["data-period"]!, Double($0.attributes["data-value"] ?? "") ?? .nan)
            }
            let expected = (record.series["Luton"] ?? []).filter { $0.value != "null" }.map { ($0.period, Double($0.value)!) }
            #expect(
                plotted.map(\.0) == expected.map(\.0) && plotted.map(\.1) == expected.map(\.1),
                "\(id) \(open) \(plotted.count) \(expected.count)")
        }
    }

    /// Must show: at least 15 indicators with three or more periods, at least 10 of them
    /// compared with England; every count says why it is not compared.
    @Test func enoughLongSeriesAreCompared() throws {
        let site = try #require(TestBuild.real.site)
        let long = site.indicators.filter { $0.series.filter { $0.value != nil }.count >= 3 }
        let compared = long.filter { IndicatorPresenter(indicator: $0, site: site).isCompared }
        #expect(long.count >= 15, "\(long.count) indicators with three or more periods")
        #expect(compared.count >= 10, "\(compared.count) compared with England: \(compared.map(\.id))")
        for indicator in site.indicators where indicator.measure == .count {
            let presenter = IndicatorPresenter(indicator: indicator, site: site)
            let england = try #require(presenter.comparisons().first)
            #expect(england.label == "not compared")
            #expect(england.method.contains("shows scale, not whether") == true, "\(indicator.id) says why")
        }
    }

    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                continue
            }
            if character == "," && !quoted {
                fields.append(field)
                field = ""
                continue
            }
            field.append(character)
        }
        fields.append(field)
        return fields
    }
}
