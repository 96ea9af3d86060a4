import Foundation

@testable import PlanSiteKit

extension Words {
    /// The shipped British English word file, as a build with `language: en-GB` reads it.
    static let english: Words = {
        let path = "templates/words/en-GB.yml"
        let text = try! String(contentsOf: TestPaths.packageRoot.appendingPathComponent(path), encoding: .utf8)
        return WordFile.parse(text, language: "en-GB", path: path).0
    }()
}

// The generator's sentences in English, under the names the tests used before they came from
// the word file: each passes `Words.english` to the call that now takes the site's words.

extension DirectionOfTravel {
    var words: String { words(.english) }
    static func assess(_ indicator: Indicator) -> Assessment { assess(indicator, words: .english) }
}

extension NoTrendReason {
    var short: String { short(.english) }
    var sentence: String { sentence(.english) }
}

extension Comparison {
    func label(against name: String) -> String { label(against: name, words: .english) }
}

extension PeriodText {
    static func phrase(_ period: String) -> String { phrase(period, .english) }
    static func display(_ period: String) -> String { display(period, .english) }
}

extension NumberFormat {
    static func withUnit(_ value: Double, decimals: Int, unit: String) -> String {
        withUnit(value, decimals: decimals, unit: unit, words: .english)
    }
}

extension TrendChart {
    init(indicator: Indicator, national: String, regional: String?, narrow: Bool = false) {
        self.init(indicator: indicator, national: national, regional: regional, narrow: narrow, words: .english)
    }

    static func drawings(of indicator: Indicator, national: String, regional: String?) -> TrendChart.Drawings {
        drawings(of: indicator, national: national, regional: regional, words: .english)
    }
}

extension BreakdownChart {
    init(breakdown: Breakdown, indicator: Indicator, national: String, index: Int, narrow: Bool = false) {
        self.init(breakdown: breakdown, indicator: indicator, national: national, index: index, narrow: narrow, words: .english)
    }
}

extension BreakdownSummary {
    init(breakdown: Breakdown, indicator: Indicator) { self.init(breakdown: breakdown, indicator: indicator, words: .english) }
}

extension CommitmentStatus {
    var label: String { label(.english) }
}

extension DataDownloads {
    static func sizeLabel(_ bytes: Int) -> String { sizeLabel(bytes, words: .english) }
}

extension TargetProgress {
    init(target: CommitmentTarget, indicator: Indicator) { self.init(target: target, indicator: indicator, words: .english) }
}

extension ChartDescription {
    init(indicator: Indicator, lines: [TrendChart.Line], offScale: [String]) {
        self.init(indicator: indicator, lines: lines, offScale: offScale, words: .english)
    }
}

extension DownloadLink {
    static func all(to files: [OutputFile], at address: PageAddress) -> [DownloadLink] {
        all(to: files, at: address, words: .english)
    }
}

extension DirectionOfTravel.Assessment {
    init(direction: DirectionOfTravel, reason: NoTrendReason? = nil, window: String? = nil, sentence: String) {
        self.init(direction: direction, reason: reason, window: window, sentence: sentence, words: .english)
    }
}
