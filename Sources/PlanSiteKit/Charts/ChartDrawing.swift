import Foundation

/// The SVG elements of a trend chart, given its axes. Presentation attributes
/// (fill="none", dashes) are set inline as well as in CSS, so the chart stays
/// legible where the stylesheet does not reach (a saved SVG, some print paths).
struct ChartDrawing {
    var indicator: Indicator
    var axis: XAxis
    var scale: Scale
    var frame: ChartFrame
    /// The target's and the break's labels, in the site's words.
    var words: Words

    private var top: Double { frame.top }
    private var plotBottom: Double { frame.plotBottom }
    private var plotRight: Double { frame.plotRight }
    private var left: Double { frame.left }

    func y(_ value: Double) -> Double {
        plotBottom - (value - scale.low) / (scale.high - scale.low) * (plotBottom - top)
    }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    /// The value grid and its labels, the unit, the period ticks and the baseline.
    func axes(into svg: inout SVGText) {
        svg.append("<g class=\"chart-axis\">")
        for tick in scale.ticks {
            let ty = y(tick)
            svg += "<line class=\"chart-grid\" x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(plotRight)\" y2=\"\(ty)\"/>"
            svg +=
                "<text class=\"chart-value-tick\" x=\"\(Int(left - 8))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escaped: NumberFormat.format(tick, decimals: scale.decimals))</text>"
        }
        svg += "<text class=\"chart-unit\" x=\"8\" y=\"16\">\(escaped: indicator.unit)</text>"
        for tick in axis.ticks(within: 0...frame.width) {
            svg += "<line class=\"chart-tick\" x1=\"\(tick.x)\" y1=\"\(plotBottom)\" x2=\"\(tick.x)\" y2=\"\(plotBottom + 6)\"/>"
            svg +=
                "<text class=\"chart-period\" x=\"\(tick.x)\" y=\"\(plotBottom + 24)\" text-anchor=\"middle\">\(escaped: tick.label)</text>"
        }
        svg += "<line class=\"chart-baseline\" x1=\"\(Int(left))\" y1=\"\(plotBottom)\" x2=\"\(plotRight)\" y2=\"\(plotBottom)\"/>"
        svg.append("</g>")
    }

    /// The target's line, labelled at the right of the plot, or (narrow: `labelY` nil) just above its left end.
    func target(_ target: IndicatorTarget, labelY: Double?, into svg: inout SVGText) {
        let ty = y(target.value)
        svg +=
            "<g class=\"chart-target\"><line x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(plotRight)\" y2=\"\(ty)\" stroke-dasharray=\"3 3\"/>"
        if let labelY {
            svg += "<text x=\"\(plotRight + 8)\" y=\"\(labelY)\" dominant-baseline=\"middle\">"
        } else {
            svg += "<text x=\"\(left + 4)\" y=\"\(ty - 6)\">"
        }
        svg += "\(escaped: words(.chartTarget, ["value": format(target.value)]))</text></g>"
    }

    /// The target's line across the plot, named in the legend's row `legendRow` (narrow drawing),
    /// where a label beside the line could sit on the data.
    func target(_ target: IndicatorTarget, legendRow: Int, into svg: inout SVGText) {
        let ty = y(target.value)
        let ly = 30 + Double(legendRow) * ChartText.lineHeight + ChartText.lineHeight / 2
        svg +=
            "<g class=\"chart-target\"><line x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(plotRight)\" y2=\"\(ty)\" stroke-dasharray=\"3 3\"/>"
        svg += "<line x1=\"8\" y1=\"\(ly)\" x2=\"36\" y2=\"\(ly)\" stroke-dasharray=\"3 3\"/>"
        svg +=
            "<text class=\"chart-label\" x=\"44\" y=\"\(ly)\" dominant-baseline=\"middle\">\(escaped: words(.chartTargetLegend, ["value": format(target.value)]))</text></g>"
    }

    /// One row per line under the unit: its marker, a stroke in its dash, its name.
    func legend(_ lines: [TrendChart.Line], into svg: inout SVGText) {
        svg.append("<g class=\"chart-legend\">")
        for (row, line) in lines.enumerated() {
            let ly = 30 + Double(row) * ChartText.lineHeight + ChartText.lineHeight / 2
            svg +=
                "<g class=\"\(line.cssClass)\"><line class=\"chart-line\" fill=\"none\"\(Self.dashes(line.cssClass)) x1=\"8\" y1=\"\(ly)\" x2=\"36\" y2=\"\(ly)\"/>"
            svg += "<\(line.marker.element) class=\"chart-point\""
            markerShape(line.marker, x: 22, y: ly, into: &svg)
            svg += "<text class=\"chart-label\" x=\"44\" y=\"\(ly)\" dominant-baseline=\"middle\">\(escaped: line.name)</text></g>"
        }
        svg.append("</g>")
    }

    /// The latest figure, written beside the area's last point.
    func lastValue(_ line: TrendChart.Line, text: String?, into svg: inout SVGText) {
        guard let text, let last = plotted(line.series).last, let value = last.observation.value else { return }
        svg +=
            "<text class=\"chart-last-value\" x=\"\(axis.x(last.index) + 8)\" y=\"\(y(value))\" dominant-baseline=\"middle\">\(escaped: text)</text>"
    }

    /// The dash pattern of a line's stroke, as an attribute with its leading space; none for the area's.
    static func dashes(_ cssClass: String) -> StaticString {
        switch cssClass {
        case "chart-national": " stroke-dasharray=\"8 5\""
        case "chart-regional": " stroke-dasharray=\"2 4\""
        default: ""
        }
    }

    func draw(_ line: TrendChart.Line, labelAt label: (x: Double, y: Double, text: String)?, into svg: inout SVGText) {
        svg += "<g class=\"\(line.cssClass)\" data-series=\"\(escaped: line.name)\">"
        for segment in segments(line.series) {
            svg += "<polyline class=\"chart-line\" fill=\"none\"\(Self.dashes(line.cssClass)) points=\""
            for (offset, point) in segment.enumerated() {
                if offset > 0 { svg.append(" ") }
                svg.append(number: axis.x(point.index))
                svg.append(",")
                svg.append(number: y(point.value))
            }
            svg.append("\"/>")
        }
        let points = plotted(line.series)
        for (index, observation) in points {
            whisker(observation, at: axis.x(index), into: &svg)
        }
        for (index, observation) in points {
            marker(line.marker, x: axis.x(index), observation: observation, into: &svg)
        }
        if line.cssClass == "chart-area" { breakRules(points, into: &svg) }
        if let label {
            svg +=
                "<text class=\"chart-label\" x=\"\(label.x)\" y=\"\(label.y)\" dominant-baseline=\"middle\">\(escaped: label.text)</text>"
        }
        svg.append("</g>")
    }

    /// Observations with a value and a place on the axis, in the series' order.
    func plotted(_ series: [Observation]) -> [(index: Int, observation: Observation)] {
        series.compactMap { observation in
            guard observation.value != nil, let index = axis.index(of: observation.period) else { return nil }
            return (index, observation)
        }
    }

    /// Runs of joinable points; a null value or a missing year ends a run.
    func segments(_ series: [Observation]) -> [[(index: Int, value: Double)]] {
        var runs: [[(index: Int, value: Double)]] = []
        var run: [(index: Int, value: Double)] = []
        for observation in series {
            guard let value = observation.value, let index = axis.index(of: observation.period) else {
                runs.append(run)
                run = []
                continue
            }
            // A break in the series (a new survey or method) is never joined to what came before.
            if let last = run.last, !axis.joins(last.index, index) || observation.flags.contains(.breakInSeries) {
                runs.append(run)
                run = []
            }
            run.append((index, value))
        }
        runs.append(run)
        return runs.filter { $0.count > 1 }
    }

    /// A labelled rule half-way between a figure flagged `b` and the one before it (`points` is `plotted`'s).
    private func breakRules(_ points: [(index: Int, observation: Observation)], into svg: inout SVGText) {
        for (before, after) in zip(points, points.dropFirst()) where after.observation.flags.contains(.breakInSeries) {
            let x = (axis.x(before.index) + axis.x(after.index)) / 2
            svg += "<g class=\"chart-break\"><line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" "
            svg += "y2=\"\(plotBottom)\" stroke-dasharray=\"2 3\"/><text x=\"\(x)\" y=\"\(top - 6)\" "
            svg += "text-anchor=\"middle\">\(escaped: words(.chartBreakInSeries))</text></g>"
        }
    }

    private func whisker(_ observation: Observation, at x: Double, into svg: inout SVGText) {
        guard let lower = observation.lowerCI, let upper = observation.upperCI else { return }
        let y1 = y(lower)
        let y2 = y(upper)
        svg += "<path class=\"chart-ci\" fill=\"none\" d=\"M\(x) \(y1)V\(y2)M\(x - 4) \(y1)h8M\(x - 4) \(y2)h8\"/>"
    }

    private func marker(_ shape: TrendChart.Marker, x: Double, observation: Observation, into svg: inout SVGText) {
        guard let value = observation.value else { return }
        // A provisional figure is drawn hollow (docs/content-format.md, "Value flags").
        let kind: StaticString = observation.flags.contains(.provisional) ? "chart-point chart-point-provisional" : "chart-point"
        svg +=
            "<\(shape.element) class=\"\(kind)\" data-period=\"\(escaped: observation.period)\" data-value=\"\(value.plainText)\""
        markerShape(shape, x: x, y: y(value), into: &svg)
    }

    /// The rest of a marker's element, after its class and data: where it is drawn.
    private func markerShape(_ shape: TrendChart.Marker, x: Double, y: Double, into svg: inout SVGText) {
        switch shape {
        case .circle: svg += " cx=\"\(x)\" cy=\"\(y)\" r=\"5\"/>"
        case .square: svg += " x=\"\(x - 4.5)\" y=\"\(y - 4.5)\" width=\"9\" height=\"9\"/>"
        case .triangle: svg += " d=\"M\(x) \(y - 6)L\(x + 5.5) \(y + 4)H\(x - 5.5)Z\"/>"
        }
    }

    /// Where each line's name and the target's label go: beside the last point,
    /// labels that share a column spread apart so none overlap.
    func labelPositions(for lines: [TrendChart.Line]) -> (lines: [(x: Double, y: Double)?], target: Double) {
        var anchors: [(x: Double, y: Double)?] = lines.map { line in
            plotted(line.series).last.flatMap { last in last.observation.value.map { (axis.x(last.index) + 10, y($0)) } }
        }
        let targetIndex = anchors.count
        anchors.append(indicator.target.map { (plotRight + 8, y($0.value)) })
        var placed = anchors
        // Labels right of the plot share one column; others share one only if drawn at the same x.
        let column = { (x: Double) in x >= plotRight ? plotRight : x.rounded() }
        for key in Set(anchors.compactMap { $0.map { column($0.x) } }) {
            let members = anchors.indices.filter { anchors[$0].map { column($0.x) == key } ?? false }
            // No lower than the plot's bottom: the last period's tick label sits just below it.
            let spread = LabelPlacer.spread(members.map { anchors[$0]!.y }, within: top...plotBottom)
            for (member, newY) in zip(members, spread) { placed[member]?.y = newY }
        }
        return (Array(placed.dropLast()), placed[targetIndex]?.y ?? 0)
    }
}
