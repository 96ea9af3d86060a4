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

    func axes() -> String {
        var svg = "<g class=\"chart-axis\">"
        for tick in scale.ticks {
            let ty = SVG.number(y(tick))
            svg += "<line class=\"chart-grid\" x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(SVG.number(plotRight))\" y2=\"\(ty)\"/>"
            svg +=
                "<text class=\"chart-value-tick\" x=\"\(Int(left - 8))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Markup.escape(NumberFormat.format(tick, decimals: scale.decimals)))</text>"
        }
        svg += "<text class=\"chart-unit\" x=\"8\" y=\"16\">\(Markup.escape(indicator.unit))</text>"
        for tick in axis.ticks(within: 0...frame.width) {
            svg +=
                "<line class=\"chart-tick\" x1=\"\(SVG.number(tick.x))\" y1=\"\(SVG.number(plotBottom))\" x2=\"\(SVG.number(tick.x))\" y2=\"\(SVG.number(plotBottom + 6))\"/>"
            svg +=
                "<text class=\"chart-period\" x=\"\(SVG.number(tick.x))\" y=\"\(SVG.number(plotBottom + 24))\" text-anchor=\"middle\">\(Markup.escape(tick.label))</text>"
        }
        svg +=
            "<line class=\"chart-baseline\" x1=\"\(Int(left))\" y1=\"\(SVG.number(plotBottom))\" x2=\"\(SVG.number(plotRight))\" y2=\"\(SVG.number(plotBottom))\"/>"
        return svg + "</g>"
    }

    /// The target's line, labelled at the right of the plot, or (narrow: `labelY` nil) just above its left end.
    func target(_ target: IndicatorTarget, labelY: Double?) -> String {
        let ty = SVG.number(y(target.value))
        let label =
            labelY.map { "<text x=\"\(SVG.number(plotRight + 8))\" y=\"\(SVG.number($0))\" dominant-baseline=\"middle\">" }
            ?? "<text x=\"\(SVG.number(left + 4))\" y=\"\(SVG.number(y(target.value) - 6))\">"
        return
            "<g class=\"chart-target\"><line x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(SVG.number(plotRight))\" y2=\"\(ty)\" stroke-dasharray=\"3 3\"/>"
            + label + Markup.escape(words(.chartTarget, ["value": format(target.value)])) + "</text></g>"
    }

    /// The target's line across the plot, named in the legend's row `legendRow` (narrow drawing),
    /// where a label beside the line could sit on the data.
    func target(_ target: IndicatorTarget, legendRow: Int) -> String {
        let ty = SVG.number(y(target.value))
        let ly = SVG.number(30 + Double(legendRow) * ChartText.lineHeight + ChartText.lineHeight / 2)
        return
            "<g class=\"chart-target\"><line x1=\"\(Int(left))\" y1=\"\(ty)\" x2=\"\(SVG.number(plotRight))\" y2=\"\(ty)\" stroke-dasharray=\"3 3\"/>"
            + "<line x1=\"8\" y1=\"\(ly)\" x2=\"36\" y2=\"\(ly)\" stroke-dasharray=\"3 3\"/>"
            + "<text class=\"chart-label\" x=\"44\" y=\"\(ly)\" dominant-baseline=\"middle\">\(Markup.escape(words(.chartTargetLegend, ["value": format(target.value)])))</text></g>"
    }

    /// One row per line under the unit: its marker, a stroke in its dash, its name.
    func legend(_ lines: [TrendChart.Line]) -> String {
        var svg = "<g class=\"chart-legend\">"
        for (row, line) in lines.enumerated() {
            let ly = 30 + Double(row) * ChartText.lineHeight + ChartText.lineHeight / 2
            svg +=
                "<g class=\"\(line.cssClass)\"><line class=\"chart-line\" fill=\"none\"\(Self.dashes[line.cssClass] ?? "") x1=\"8\" y1=\"\(SVG.number(ly))\" x2=\"36\" y2=\"\(SVG.number(ly))\"/>"
            svg += marker(line.marker, x: 22, y: ly, data: "")
            svg +=
                "<text class=\"chart-label\" x=\"44\" y=\"\(SVG.number(ly))\" dominant-baseline=\"middle\">\(Markup.escape(line.name))</text></g>"
        }
        return svg + "</g>"
    }

    /// The latest figure, written beside the area's last point.
    func lastValue(_ line: TrendChart.Line, text: String?) -> String {
        guard let text, let last = plotted(line.series).last, let value = last.observation.value else { return "" }
        return
            "<text class=\"chart-last-value\" x=\"\(SVG.number(axis.x(last.index) + 8))\" y=\"\(SVG.number(y(value)))\" dominant-baseline=\"middle\">\(Markup.escape(text))</text>"
    }

    static let dashes = ["chart-national": " stroke-dasharray=\"8 5\"", "chart-regional": " stroke-dasharray=\"2 4\""]

    func draw(_ line: TrendChart.Line, labelAt label: (x: Double, y: Double, text: String)?) -> String {
        var svg = "<g class=\"\(line.cssClass)\" data-series=\"\(Markup.escape(line.name))\">"
        for segment in segments(line.series) {
            let points = segment.map { "\(SVG.number(axis.x($0.index))),\(SVG.number(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline class=\"chart-line\" fill=\"none\"\(Self.dashes[line.cssClass] ?? "") points=\"\(points)\"/>"
        }
        for (index, observation) in plotted(line.series) {
            svg += whisker(observation, at: axis.x(index))
        }
        for (index, observation) in plotted(line.series) {
            svg += marker(line.marker, x: axis.x(index), observation: observation)
        }
        if line.cssClass == "chart-area" { svg += breakRules(line.series) }
        if let label {
            svg +=
                "<text class=\"chart-label\" x=\"\(SVG.number(label.x))\" y=\"\(SVG.number(label.y))\" dominant-baseline=\"middle\">\(Markup.escape(label.text))</text>"
        }
        return svg + "</g>"
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

    /// A labelled rule half-way between a figure flagged `b` and the one before it.
    private func breakRules(_ series: [Observation]) -> String {
        let points = plotted(series)
        return zip(points, points.dropFirst()).map { before, after in
            guard after.observation.flags.contains(.breakInSeries) else { return "" }
            let x = SVG.number((axis.x(before.index) + axis.x(after.index)) / 2)
            return "<g class=\"chart-break\"><line x1=\"\(x)\" y1=\"\(SVG.number(top))\" x2=\"\(x)\" "
                + "y2=\"\(SVG.number(plotBottom))\" stroke-dasharray=\"2 3\"/><text x=\"\(x)\" y=\"\(SVG.number(top - 6))\" "
                + "text-anchor=\"middle\">\(Markup.escape(words(.chartBreakInSeries)))</text></g>"
        }.joined()
    }

    private func whisker(_ observation: Observation, at x: Double) -> String {
        guard let lower = observation.lowerCI, let upper = observation.upperCI else { return "" }
        let px = SVG.number(x)
        let y1 = SVG.number(y(lower))
        let y2 = SVG.number(y(upper))
        return "<path class=\"chart-ci\" fill=\"none\" d=\"M\(px) \(y1)V\(y2)M\(SVG.number(x - 4)) \(y1)h8M\(SVG.number(x - 4)) \(y2)h8\"/>"
    }

    private func marker(_ shape: TrendChart.Marker, x: Double, observation: Observation) -> String {
        guard let value = observation.value else { return "" }
        // A provisional figure is drawn hollow (docs/content-format.md, "Value flags").
        let kind = observation.flags.contains(.provisional) ? "chart-point chart-point-provisional" : "chart-point"
        return marker(
            shape, x: x, y: y(value), data: " data-period=\"\(Markup.escape(observation.period))\" data-value=\"\(value.plainText)\"",
            kind: kind)
    }

    private func marker(_ shape: TrendChart.Marker, x: Double, y: Double, data: String, kind: String = "chart-point") -> String {
        switch shape {
        case .circle:
            return "<circle class=\"\(kind)\"\(data) cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"5\"/>"
        case .square:
            return "<rect class=\"\(kind)\"\(data) x=\"\(SVG.number(x - 4.5))\" y=\"\(SVG.number(y - 4.5))\" width=\"9\" height=\"9\"/>"
        case .triangle:
            return
                "<path class=\"\(kind)\"\(data) d=\"M\(SVG.number(x)) \(SVG.number(y - 6))L\(SVG.number(x + 5.5)) \(SVG.number(y + 4))H\(SVG.number(x - 5.5))Z\"/>"
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
