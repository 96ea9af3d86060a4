import Foundation

/// An indicator's series against the national and regional comparators as an
/// inline SVG line chart: markers and line styles differ per series and every
/// line is labelled directly, so colour is never the only cue. A null value
/// breaks the line; it is never drawn as zero.
struct TrendChart {
    var indicator: Indicator
    var national: String
    var regional: String?

    static let width = 720.0, height = 340.0
    static let left = 72.0, right = 170.0, top = 40.0, bottom = 56.0

    struct Line {
        var name: String
        var cssClass: String
        var marker: Marker
        var series: [Observation]
    }
    enum Marker { case circle, square, triangle }

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

    /// The area first, then each comparator that has values and shares its scale.
    func lines() -> [Line] {
        var lines = [Line(name: indicator.geography, cssClass: "chart-area", marker: .circle, series: indicator.series)]
        for (name, css, marker) in [(national, "chart-national", Marker.square), (regional, "chart-regional", Marker.triangle)] {
            guard let name, let series = indicator.comparator(name)?.series,
                  series.contains(where: { $0.value != nil }),
                  Self.sharesScale(indicator.series, series) else { continue }
            lines.append(Line(name: name, cssClass: css, marker: marker, series: series))
        }
        return lines
    }

    /// Comparators left off the chart because their scale is too different; the table has them.
    func offScale() -> [String] { offScale(drawn: lines()) }

    private func offScale(drawn lines: [Line]) -> [String] {
        let drawn = Set(lines.map(\.name))
        return [national, regional].compactMap { $0 }.filter { name in
            !drawn.contains(name) && (indicator.comparator(name)?.series.contains { $0.value != nil } ?? false)
        }
    }

    private func title(for lines: [Line]) -> String {
        let others = lines.dropFirst().map(\.name)
        return "\(indicator.title), \(indicator.geography)" + (others.isEmpty ? "" : " compared with \(others.joined(separator: " and "))")
    }

    func svg() -> String {
        let lines = lines()
        let axis = xAxis(for: lines)
        let scale = Scale(values: lines.flatMap { $0.series.flatMap { [$0.value, $0.lowerCI, $0.upperCI] } }.compactMap { $0 }
                          + [indicator.target?.value].compactMap { $0 })
        let titleID = "chart-title-\(indicator.id)", descID = "chart-desc-\(indicator.id)"
        let description = ChartDescription(indicator: indicator, lines: lines, offScale: offScale(drawn: lines)).sentence
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\""
            + " aria-labelledby=\"\(titleID)\" aria-describedby=\"\(descID)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(titleID)\">\(Markup.escape(title(for: lines)))</title>"
        svg += "<desc id=\"\(descID)\">\(Markup.escape(description))</desc>"
        let drawing = ChartDrawing(indicator: indicator, axis: axis, scale: scale)
        let labels = drawing.labelPositions(for: lines)
        svg += drawing.axes()
        if let target = indicator.target { svg += drawing.target(target, labelY: labels.target) }
        for (line, label) in zip(lines, labels.lines) { svg += drawing.draw(line, labelAt: label) }
        return svg + "</svg>"
    }

    /// Periods of the lines actually drawn, so a comparator left off adds no empty slots.
    func xAxis(for lines: [Line]) -> XAxis {
        XAxis(periods: PeriodOrder.merge(lines.map { $0.series.map(\.period) }),
              left: Self.left, width: Self.width - Self.left - Self.right)
    }
}
