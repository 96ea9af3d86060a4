import Foundation

/// What the site may say about one indicator's figures, worked out once: its latest figure,
/// the direction of travel and the comparison with the national figure. The indicator's page,
/// tile and row (through `IndicatorPresenter`) and the figure references in any text all read
/// these answers, so a figure is never described one way on a page and another in a sentence.
struct IndicatorVerdicts: Sendable {
    let indicator: Indicator
    let words: Words
    let national: String
    /// The most recent observation with a value; a later null one is reported beside it.
    let latest: Observation?
    let travel: DirectionOfTravel.Assessment
    /// Against the national comparator.
    let comparison: Comparison

    init(indicator: Indicator, site: Site) {
        self.indicator = indicator
        words = site.words
        national = site.config.nationalComparator
        latest = indicator.latest
        travel = DirectionOfTravel.assess(indicator, words: site.words)
        comparison = Self.comparison(of: indicator, latest: latest, against: national)
    }

    func formattedWithUnit(_ value: Double) -> String {
        NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit, words: words)
    }

    /// The latest figure against one comparator's figure for the same period.
    func comparison(against name: String) -> Comparison {
        name == national ? comparison : Self.comparison(of: indicator, latest: latest, against: name)
    }

    private static func comparison(of indicator: Indicator, latest: Observation?, against name: String) -> Comparison {
        guard let series = indicator.comparator(name)?.series else { return .notCompared }
        // A count beside a national or regional total shows scale, never better or worse.
        if indicator.measure == .count { return series.contains { $0.value != nil } ? .differentScale : .notCompared }
        let reference = latest.flatMap { latest in series.first { $0.period == latest.period } }
        let result = Comparison.compare(
            latest, with: reference, polarity: indicator.polarity,
            valueType: indicator.valueType, multiplier: indicator.multiplier)
        if result != .notCompared && !sharesScale(indicator.series, series) { return .differentScale }
        return result
    }

    /// A comparator plotted on the area's axis must be of a similar size, or one line
    /// flattens to nothing (Luton's 76 rough sleepers beside England's 4,134). Ten
    /// times apart still reads (a rate of 0.94 beside 0.18); national totals against
    /// local counts are 50 or more times apart.
    static let comparableRatio = 10.0

    /// Whether two series can share an axis, and so be compared at all.
    static func sharesScale(_ area: [Observation], _ comparator: [Observation]) -> Bool {
        let a = area.compactMap(\.value).map(abs).max() ?? 0
        let b = comparator.compactMap(\.value).map(abs).max() ?? 0
        guard a > 0, b > 0 else { return a == b }
        return max(a, b) / min(a, b) <= comparableRatio
    }
}
