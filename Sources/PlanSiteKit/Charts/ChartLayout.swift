import Foundation

/// Where each period sits along the x axis. Periods are categories, spaced evenly
/// in the order written, except when every period is a plain year in increasing
/// order: then they are placed by year, so a missing year shows as a gap instead of
/// being closed up (drug deaths for 2011, 2020 and 2021 are not a straight rise).
struct XAxis {
    var periods: [String]
    var left: Double
    var width: Double
    private var years: [Int]?
    /// Each period's place, so plotting a long series is not a search per point.
    private var positions: [String: Int]

    init(periods: [String], left: Double, width: Double) {
        self.periods = periods
        self.positions = Dictionary(periods.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.left = left
        self.width = width
        let years = periods.compactMap { $0.count == 4 ? Int($0) : nil }
        let increasing = years.count == periods.count && zip(years, years.dropFirst()).allSatisfy { $0 < $1 }
        self.years = increasing && years.count > 1 ? years : nil
    }

    var isYearScale: Bool { years != nil }

    /// The period's place on the axis (its first, should one be written twice).
    func index(of period: String) -> Int? { positions[period] }

    func x(_ index: Int) -> Double {
        guard periods.count > 1 else { return left + width / 2 }
        if let years, let first = years.first, let last = years.last {
            return left + Double(years[index] - first) / Double(last - first) * width
        }
        return left + Double(index) * width / Double(periods.count - 1)
    }

    /// Whether a line may join two points: neighbours on the axis, with no year missing between them.
    func joins(_ a: Int, _ b: Int) -> Bool {
        if let years { return years[b] - years[a] == 1 }
        return b == a + 1
    }

    /// Periods to label, dropping any that would overlap the one before; the last is always kept.
    func labelledIndexes() -> [Int] {
        let gap = (periods.map { ChartText.width($0) }.max() ?? 0) + 12
        var chosen: [Int] = []
        for index in periods.indices {
            if let last = chosen.last, x(index) - x(last) < gap {
                if index == periods.count - 1 { chosen[chosen.count - 1] = index }
                continue
            }
            chosen.append(index)
        }
        return chosen
    }
}

/// The value axis: a little room around the data, zero included when the data sit
/// near it (or there is only one value), round ticks.
struct Scale {
    var low: Double
    var high: Double
    var ticks: [Double]
    var decimals: Int

    init(values: [Double]) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if low >= 0 && (low <= high * 0.5 || low == high) { low = 0 }
        if high == low { high = low + max(1, abs(low) * 0.1); low -= (high - low) }
        let step = Scale.niceStep((high - low) / 5)
        self.low = (low / step).rounded(.down) * step
        self.high = (high / step).rounded(.up) * step
        if self.low < 0 && (values.min() ?? 0) >= 0 { self.low = 0 }
        ticks = stride(from: self.low, through: self.high + step / 2, by: step).map { $0 }
        decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}

/// Rough text metrics for the chart's 15px labels, so labels can be kept apart and
/// inside the drawing without a font engine.
enum ChartText {
    static let lineHeight = 17.0

    static func width(_ text: String) -> Double { Double(text.count) * 8.5 }
}

/// Labels at the right of their points, nudged apart vertically so none overlap.
enum LabelPlacer {
    /// `wanted` y positions in; the same count of y positions out, at least one line apart, order kept.
    static func spread(_ wanted: [Double], within range: ClosedRange<Double>) -> [Double] {
        let order = wanted.indices.sorted { wanted[$0] < wanted[$1] }
        var placed = wanted
        var previous = -Double.infinity
        for index in order {
            placed[index] = max(wanted[index], previous + ChartText.lineHeight)
            previous = placed[index]
        }
        // Anything pushed below the drawing is shifted back up as a block.
        if let lowest = placed.max(), lowest > range.upperBound {
            let shift = lowest - range.upperBound
            placed = placed.map { max(range.lowerBound, $0 - shift) }
        }
        return placed
    }
}
