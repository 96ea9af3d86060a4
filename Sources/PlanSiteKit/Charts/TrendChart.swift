import Foundation

/// An indicator's series against the national and regional comparators as an
/// inline SVG line chart: markers and line styles differ per series and every
/// line is labelled directly, so colour is never the only cue. Periods are
/// categories, spaced evenly in the order written; a null value breaks the line.
struct TrendChart {
    var indicator: Indicator
    var national: String
    var regional: String?

    let width = 720.0, height = 340.0
    let left = 72.0, right = 150.0, top = 24.0, bottom = 56.0

    struct Line {
        var name: String
        var cssClass: String
        var marker: Marker
        var points: [(index: Int, observation: Observation)]
    }
    enum Marker { case circle, square, triangle }

    /// A comparator plotted on the area's axis must be of a similar size, or the
    /// area's own line flattens to nothing (Luton's 76 rough sleepers beside England's 4,134).
    static let comparableRatio = 5.0

    var periods: [String] { IndicatorPresenter.periods(of: indicator) }

    func lines() -> [Line] {
        var lines = [Line(name: indicator.geography, cssClass: "chart-area", marker: .circle, points: points(indicator.series))]
        let areaMax = indicator.series.compactMap(\.value).map(abs).max() ?? 0
        for (name, css, marker) in [(national, "chart-national", Marker.square), (regional, "chart-regional", Marker.triangle)] {
            guard let name, let comparator = indicator.comparator(name) else { continue }
            let plotted = points(comparator.series)
            let comparatorMax = plotted.compactMap(\.observation.value).map(abs).max() ?? 0
            guard !plotted.isEmpty, areaMax > 0, comparatorMax / areaMax <= Self.comparableRatio,
                  areaMax / max(comparatorMax, .leastNonzeroMagnitude) <= Self.comparableRatio else { continue }
            lines.append(Line(name: name, cssClass: css, marker: marker, points: plotted))
        }
        return lines
    }

    /// Comparators left off the chart because their scale is too different; the table has them.
    func offScale() -> [String] {
        let drawn = Set(lines().map(\.name))
        return [national, regional].compactMap { $0 }.filter { name in
            !drawn.contains(name) && !(indicator.comparator(name)?.series.isEmpty ?? true)
        }
    }

    private func points(_ series: [Observation]) -> [(index: Int, observation: Observation)] {
        series.compactMap { observation in periods.firstIndex(of: observation.period).map { ($0, observation) } }
    }

    func svg() -> String {
        let lines = lines()
        let scale = Scale(values: lines.flatMap { $0.points.flatMap { [$0.observation.value, $0.observation.lowerCI, $0.observation.upperCI] } }.compactMap { $0 }
                          + [indicator.target?.value].compactMap { $0 })
        let titleID = "chart-title-\(indicator.id)", descID = "chart-desc-\(indicator.id)"
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descID)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleID)\">\(SVG.escape(title))</title>"
        svg += "<desc id=\"\(descID)\">\(SVG.escape(ChartDescription(indicator: indicator, lines: lines, offScale: offScale()).sentence))</desc>"
        svg += axes(scale)
        if let target = indicator.target { svg += targetLine(target, scale) }
        for line in lines { svg += draw(line, scale) }
        svg += "</svg>"
        return svg
    }

    var title: String { "\(indicator.title), \(indicator.geography)" + (lines().count > 1 ? " compared with \(lines().dropFirst().map(\.name).joined(separator: " and "))" : "") }

    // MARK: Drawing

    private var plotWidth: Double { width - left - right }
    private var plotHeight: Double { height - top - bottom }

    func x(_ index: Int) -> Double {
        periods.count <= 1 ? left + plotWidth / 2 : left + Double(index) * plotWidth / Double(periods.count - 1)
    }

    func y(_ value: Double, _ scale: Scale) -> Double {
        top + plotHeight - (value - scale.low) / (scale.high - scale.low) * plotHeight
    }

    private func axes(_ scale: Scale) -> String {
        var svg = "<g class=\"chart-axis\">"
        for tick in scale.ticks {
            let ty = SVG.number(y(tick, scale))
            svg += "<line class=\"chart-grid\" x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(SVG.number(width - right))\" y2=\"\(ty)\"/>"
            svg += "<text x=\"\(Int(left - 8))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVG.escape(NumberFormat.format(tick, decimals: scale.decimals)))</text>"
        }
        svg += "<text class=\"chart-unit\" x=\"\(Int(left - 8))\" y=\"12\" text-anchor=\"end\">\(SVG.escape(indicator.unit))</text>"
        let labelEvery = max(1, Int((Double(periods.count) / 8).rounded(.up)))
        for (index, period) in periods.enumerated() where index % labelEvery == 0 || index == periods.count - 1 {
            svg += "<text x=\"\(SVG.number(x(index)))\" y=\"\(SVG.number(height - bottom + 22))\" text-anchor=\"middle\">\(SVG.escape(period))</text>"
        }
        svg += "<line class=\"chart-baseline\" x1=\"\(Int(left))\" y1=\"\(SVG.number(top + plotHeight))\" x2=\"\(SVG.number(width - right))\" y2=\"\(SVG.number(top + plotHeight))\"/>"
        return svg + "</g>"
    }

    private func targetLine(_ target: IndicatorTarget, _ scale: Scale) -> String {
        let ty = SVG.number(y(target.value, scale))
        return "<g class=\"chart-target\"><line x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(SVG.number(width - right))\" y2=\"\(ty)\"/>"
            + "<text x=\"\(SVG.number(width - right + 8))\" y=\"\(ty)\" dominant-baseline=\"middle\">Target \(SVG.escape(NumberFormat.format(target.value, decimals: indicator.decimals)))</text></g>"
    }

    private func draw(_ line: Line, _ scale: Scale) -> String {
        var svg = "<g class=\"\(line.cssClass)\" data-series=\"\(SVG.escape(line.name))\">"
        var segment: [String] = []
        var paths: [String] = []
        var lastIndex = -2
        for (index, observation) in line.points {
            guard let value = observation.value else {
                if segment.count > 1 { paths.append(segment.joined(separator: " ")) }
                segment = []
                continue
            }
            if index != lastIndex + 1 && segment.count > 1 { paths.append(segment.joined(separator: " ")); segment = [] } else if index != lastIndex + 1 { segment = [] }
            segment.append("\(SVG.number(x(index))),\(SVG.number(y(value, scale)))")
            lastIndex = index
        }
        if segment.count > 1 { paths.append(segment.joined(separator: " ")) }
        svg += paths.map { "<polyline class=\"chart-line\" points=\"\($0)\"/>" }.joined()
        for (index, observation) in line.points {
            guard let value = observation.value else { continue }
            if let lower = observation.lowerCI, let upper = observation.upperCI {
                let px = SVG.number(x(index)), y1 = SVG.number(y(lower, scale)), y2 = SVG.number(y(upper, scale))
                svg += "<path class=\"chart-ci\" d=\"M\(px) \(y1)V\(y2)M\(SVG.number(x(index) - 4)) \(y1)h8M\(SVG.number(x(index) - 4)) \(y2)h8\"/>"
            }
            svg += marker(line.marker, x: x(index), y: y(value, scale), observation: observation)
        }
        if let last = line.points.last(where: { $0.observation.value != nil }), let value = last.observation.value {
            svg += "<text class=\"chart-label\" x=\"\(SVG.number(x(last.index) + 10))\" y=\"\(SVG.number(y(value, scale)))\" dominant-baseline=\"middle\">\(SVG.escape(line.name))</text>"
        }
        return svg + "</g>"
    }

    private func marker(_ shape: Marker, x: Double, y: Double, observation: Observation) -> String {
        let data = "data-period=\"\(SVG.escape(observation.period))\" data-value=\"\(observation.value.map(\.plainText) ?? "")\""
        switch shape {
        case .circle:
            return "<circle class=\"chart-point\" \(data) cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"5\"/>"
        case .square:
            return "<rect class=\"chart-point\" \(data) x=\"\(SVG.number(x - 4.5))\" y=\"\(SVG.number(y - 4.5))\" width=\"9\" height=\"9\"/>"
        case .triangle:
            return "<path class=\"chart-point\" \(data) d=\"M\(SVG.number(x)) \(SVG.number(y - 6))L\(SVG.number(x + 5.5)) \(SVG.number(y + 4))H\(SVG.number(x - 5.5))Z\"/>"
        }
    }
}

/// The value axis: a little room around the data, zero included when the data sit near it, round ticks.
struct Scale {
    var low: Double
    var high: Double
    var ticks: [Double]
    var decimals: Int

    init(values: [Double]) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if low >= 0 && low <= high * 0.5 { low = 0 }
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
