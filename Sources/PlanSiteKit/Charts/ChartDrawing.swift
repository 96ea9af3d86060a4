import Foundation

/// The SVG elements of a trend chart, given its axes. Presentation attributes
/// (fill="none", dashes) are set inline as well as in CSS, so the chart stays
/// legible where the stylesheet does not reach (a saved SVG, some print paths).
struct ChartDrawing {
    var indicator: Indicator
    var axis: XAxis
    var scale: Scale

    private var top: Double { TrendChart.top }
    private var plotBottom: Double { TrendChart.height - TrendChart.bottom }
    private var plotRight: Double { TrendChart.width - TrendChart.right }

    func y(_ value: Double) -> Double {
        plotBottom - (value - scale.low) / (scale.high - scale.low) * (plotBottom - top)
    }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    func axes() -> String {
        var svg = "<g class=\"chart-axis\">"
        for tick in scale.ticks {
            let ty = SVG.number(y(tick))
            svg += "<line class=\"chart-grid\" x1=\"\(Int(TrendChart.left))\" y1=\"\(ty)\" x2=\"\(SVG.number(plotRight))\" y2=\"\(ty)\"/>"
            svg += "<text x=\"\(Int(TrendChart.left - 8))\" y=\"\(ty)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Markup.escape(NumberFormat.format(tick, decimals: scale.decimals)))</text>"
        }
        svg += "<text class=\"chart-unit\" x=\"8\" y=\"16\">\(Markup.escape(indicator.unit))</text>"
        for index in axis.labelledIndexes() {
            let period = axis.periods[index]
            let half = ChartText.width(period) / 2 + 2
            let lx = min(max(axis.x(index), half), TrendChart.width - half)
            svg += "<text class=\"chart-period\" x=\"\(SVG.number(lx))\" y=\"\(SVG.number(plotBottom + 24))\" text-anchor=\"middle\">\(Markup.escape(period))</text>"
        }
        svg += "<line class=\"chart-baseline\" x1=\"\(Int(TrendChart.left))\" y1=\"\(SVG.number(plotBottom))\" x2=\"\(SVG.number(plotRight))\" y2=\"\(SVG.number(plotBottom))\"/>"
        return svg + "</g>"
    }

    func target(_ target: IndicatorTarget, labelY: Double) -> String {
        let ty = SVG.number(y(target.value))
        return "<g class=\"chart-target\"><line x1=\"\(Int(TrendChart.left))\" y1=\"\(ty)\" x2=\"\(SVG.number(plotRight))\" y2=\"\(ty)\" stroke-dasharray=\"3 3\"/>"
            + "<text x=\"\(SVG.number(plotRight + 8))\" y=\"\(SVG.number(labelY))\" dominant-baseline=\"middle\">Target \(Markup.escape(format(target.value)))</text></g>"
    }

    static let dashes = ["chart-national": " stroke-dasharray=\"8 5\"", "chart-regional": " stroke-dasharray=\"2 4\""]

    func draw(_ line: TrendChart.Line, labelAt label: (x: Double, y: Double)?) -> String {
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
        if let label {
            svg += "<text class=\"chart-label\" x=\"\(SVG.number(label.x))\" y=\"\(SVG.number(label.y))\" dominant-baseline=\"middle\">\(Markup.escape(line.name))</text>"
        }
        return svg + "</g>"
    }

    /// Observations with a value and a place on the axis, in the order written.
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
            if let last = run.last, !axis.joins(last.index, index) {
                runs.append(run)
                run = []
            }
            run.append((index, value))
        }
        runs.append(run)
        return runs.filter { $0.count > 1 }
    }

    private func whisker(_ observation: Observation, at x: Double) -> String {
        guard let lower = observation.lowerCI, let upper = observation.upperCI else { return "" }
        let px = SVG.number(x), y1 = SVG.number(y(lower)), y2 = SVG.number(y(upper))
        return "<path class=\"chart-ci\" fill=\"none\" d=\"M\(px) \(y1)V\(y2)M\(SVG.number(x - 4)) \(y1)h8M\(SVG.number(x - 4)) \(y2)h8\"/>"
    }

    private func marker(_ shape: TrendChart.Marker, x: Double, observation: Observation) -> String {
        guard let value = observation.value else { return "" }
        let y = y(value)
        let data = "data-period=\"\(Markup.escape(observation.period))\" data-value=\"\(value.plainText)\""
        switch shape {
        case .circle:
            return "<circle class=\"chart-point\" \(data) cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"5\"/>"
        case .square:
            return "<rect class=\"chart-point\" \(data) x=\"\(SVG.number(x - 4.5))\" y=\"\(SVG.number(y - 4.5))\" width=\"9\" height=\"9\"/>"
        case .triangle:
            return "<path class=\"chart-point\" \(data) d=\"M\(SVG.number(x)) \(SVG.number(y - 6))L\(SVG.number(x + 5.5)) \(SVG.number(y + 4))H\(SVG.number(x - 5.5))Z\"/>"
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
            let spread = LabelPlacer.spread(members.map { anchors[$0]!.y }, within: top...plotBottom + 12)
            for (member, newY) in zip(members, spread) { placed[member]?.y = newY }
        }
        return (Array(placed.dropLast()), placed[targetIndex]?.y ?? 0)
    }
}
