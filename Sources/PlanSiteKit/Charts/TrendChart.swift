import Foundation

/// An indicator's series against the national and regional comparators as an
/// inline SVG line chart: markers and line styles differ per series and every
/// line is named (beside its last point, or in a legend on the narrow drawing), so
/// colour is never the only cue. A null value breaks the line; it is never drawn as zero.
struct TrendChart {
    var indicator: Indicator
    var national: String
    var regional: String?
    /// The narrow drawing, for phones; the page carries both and CSS shows one.
    var narrow = false
    /// The title, the description and the labels, in the site's words.
    var words: Words

    struct Line {
        var name: String
        var cssClass: String
        var marker: Marker
        var series: [Observation]
    }
    enum Marker {
        case circle, square, triangle

        /// The SVG element that draws it.
        var element: StaticString {
            switch self {
            case .circle: "circle"
            case .square: "rect"
            case .triangle: "path"
            }
        }
    }

    /// The area first, then each comparator that has values and shares its scale. A
    /// count is drawn alone: a regional total beside it would invite a comparison.
    func lines() -> [Line] {
        var lines = [Line(name: indicator.geography, cssClass: "chart-area", marker: .circle, series: indicator.series)]
        guard indicator.measure != .count else { return lines }
        for (name, css, marker) in [(national, "chart-national", Marker.square), (regional, "chart-regional", Marker.triangle)] {
            guard let name, let series = indicator.comparator(name)?.series,
                series.contains(where: { $0.value != nil }),
                IndicatorVerdicts.sharesScale(indicator.series, series)
            else { continue }
            lines.append(Line(name: name, cssClass: css, marker: marker, series: series))
        }
        return lines
    }

    /// Comparators left off the chart because their scale is too different (or the
    /// indicator is a count); the table has them.
    func offScale() -> [String] { offScale(drawn: lines()) }

    private func offScale(drawn lines: [Line]) -> [String] {
        let drawn = Set(lines.map(\.name))
        return [national, regional].compactMap { $0 }.filter { name in
            !drawn.contains(name) && (indicator.comparator(name)?.series.contains { $0.value != nil } ?? false)
        }
    }

    private func title(for lines: [Line]) -> String {
        let others = lines.dropFirst().map(\.name)
        let names = others.dropFirst().reduce(others.first ?? "") { words(.listAnd, ["list": $0, "last": $1]) }
        return others.isEmpty
            ? words(.chartTitle, ["indicator": indicator.title, "area": indicator.geography])
            : words(.chartTitleCompared, ["indicator": indicator.title, "area": indicator.geography, "comparators": names])
    }

    func scale(for lines: [Line]) -> Scale {
        Scale(
            values: lines.flatMap { $0.series.flatMap { [$0.value, $0.lowerCI, $0.upperCI] } }.compactMap { $0 }
                + [indicator.target?.value].compactMap { $0 })
    }

    /// Room for the widest value label at the left of the plot.
    func frame(for lines: [Line], scale: Scale) -> ChartFrame {
        let widest = scale.ticks.map { ChartText.width(NumberFormat.format($0, decimals: scale.decimals)) }.max() ?? 0
        let left = max(narrow ? 40 : 72, widest + 16)
        guard narrow else { return .wide(left: left) }
        let last = lastValueText(lines.first).map { ChartText.width($0) + 14 } ?? 12
        return .narrow(left: left, right: max(16, last), legendRows: lines.count + (indicator.target == nil ? 0 : 1))
    }

    /// The area's latest figure, written beside its last point.
    func lastValueText(_ line: Line?) -> String? {
        guard let line, let last = line.series.last(where: { $0.value != nil })?.value else { return nil }
        return NumberFormat.format(last, decimals: indicator.decimals)
    }

    /// What the wide and the narrow drawing share: the lines drawn, the value scale, the
    /// periods along the axis and the words for screen readers. Worked out once for both.
    struct Reading {
        var lines: [Line]
        var scale: Scale
        /// The periods along the axis.
        var timeline: XAxis.Timeline
        var title: String
        var description: String
    }

    func reading() -> Reading {
        let lines = lines()
        return Reading(
            lines: lines, scale: scale(for: lines),
            timeline: XAxis.Timeline(periods: PeriodOrder.merge(lines.map { $0.series.map(\.period) })),
            title: title(for: lines),
            description: ChartDescription(indicator: indicator, lines: lines, offScale: offScale(drawn: lines), words: words).sentence)
    }

    /// The page's two drawings of an indicator's chart: the wide one and the narrow one.
    struct Drawings: Sendable {
        var wide: String
        var narrow: String
        /// The chart's title and what it shows, in one text: the alternative of the `<img>` code that embeds its file.
        var description: String
    }

    /// The wide drawing and the narrow one, from one reading of the series.
    static func drawings(of indicator: Indicator, national: String, regional: String?, words: Words) -> Drawings {
        let wide = TrendChart(indicator: indicator, national: national, regional: regional, words: words)
        let reading = wide.reading()
        var narrow = wide
        narrow.narrow = true
        return Drawings(wide: wide.svg(reading), narrow: narrow.svg(reading), description: reading.title + ". " + reading.description)
    }

    func svg() -> String { svg(reading()) }

    func svg(_ reading: Reading) -> String {
        let frame = frame(for: reading)
        return svg(reading, frame: frame, drawing: drawing(reading, frame: frame)).string
    }

    /// The `<svg>` element around `drawing`, which was drawn from `reading` in `frame`
    /// (the chart file draws the wide chart once, for the page and for itself).
    func svg(_ reading: Reading, frame: ChartFrame, drawing: SVGText) -> SVGText {
        let suffix: StaticString = narrow ? "-narrow" : ""
        let small: StaticString = narrow ? " chart-small" : ""
        var svg: SVGText =
            "<svg class=\"chart\(small)\" viewBox=\"0 0 \(Int(frame.width)) \(Int(frame.height))\" role=\"img\" aria-labelledby=\"chart-title-\(indicator.id)\(suffix)\" aria-describedby=\"chart-desc-\(indicator.id)\(suffix)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg.reserveCapacity(drawing.bytes.count + 2 * reading.description.utf8.count + 512)
        svg += "<title id=\"chart-title-\(indicator.id)\(suffix)\">\(escaped: reading.title)</title>"
        svg += "<desc id=\"chart-desc-\(indicator.id)\(suffix)\">\(escaped: reading.description)</desc>"
        svg += drawing
        svg.append("</svg>")
        return svg
    }

    /// The chart's frame for a reading: its width and height, as `svg` draws it.
    func frame(for reading: Reading) -> ChartFrame { frame(for: reading.lines, scale: reading.scale) }

    /// The axes, lines, markers and labels, without the `<svg>` around them.
    func drawing(_ reading: Reading, frame: ChartFrame) -> SVGText {
        // Periods of the lines actually drawn, so a comparator left off adds no empty slots.
        let axis = XAxis(timeline: reading.timeline, left: frame.left, width: frame.plotWidth)
        let lines = reading.lines
        var svg = SVGText()
        svg.reserveCapacity(4096)
        let drawing = ChartDrawing(indicator: indicator, axis: axis, scale: reading.scale, frame: frame, words: words)
        drawing.axes(into: &svg)
        if frame.isNarrow {
            drawing.legend(lines, into: &svg)
            if let target = indicator.target { drawing.target(target, legendRow: lines.count, into: &svg) }
            for line in lines { drawing.draw(line, labelAt: nil, into: &svg) }
            drawing.lastValue(lines[0], text: lastValueText(lines[0]), into: &svg)
        } else {
            let labels = drawing.labelPositions(for: lines)
            if let target = indicator.target { drawing.target(target, labelY: labels.target, into: &svg) }
            for (offset, (line, label)) in zip(lines, labels.lines).enumerated() {
                let value = offset == 0 ? lastValueText(line) : nil
                let text = value.map { words(.chartLineLabel, ["name": line.name, "value": $0]) } ?? line.name
                drawing.draw(line, labelAt: label.map { ($0.x, $0.y, text) }, into: &svg)
            }
        }
        return svg
    }
}
