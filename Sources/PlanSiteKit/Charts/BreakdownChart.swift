import Foundation

/// One breakdown as an inline SVG horizontal bar chart: a bar per group from zero,
/// its 95% interval as a whisker, and dashed reference lines for the area overall and
/// the national figure, named in a legend (so colour is never the only cue). Each
/// group's name sits above its bar and its value at the bar's end, so the same layout
/// reads at 320 px (the narrow drawing) and on a wide screen.
struct BreakdownChart {
    var breakdown: Breakdown
    var indicator: Indicator
    var national: String
    var index: Int
    var narrow = false
    /// The title, the description and the labels, in the site's words.
    var words: Words

    static let barHeight = 20.0, rowGap = 10.0

    private var width: Double { narrow ? 340 : 640 }
    private var left: Double { 8 }
    private var right: Double {
        let widest = breakdown.categories.compactMap(\.value).map { ChartText.width(format($0)) }.max() ?? 0
        return widest + 16
    }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    private var references: [(name: String, cssClass: String, value: Double)] {
        var lines: [(String, String, Double)] = []
        if let value = breakdown.overall?.value {
            lines.append((words(.breakdownOverall, ["area": indicator.geography]), "chart-overall", value))
        }
        if let value = breakdown.national?.value { lines.append((national, "chart-national", value)) }
        return lines
    }

    var scale: Scale {
        let values = breakdown.categories.flatMap { [$0.value, $0.lowerCI, $0.upperCI] }.compactMap { $0 } + references.map(\.value)
        return Scale(values: values)
    }

    /// A bar's length is read as its size, so bars start at zero. When the groups' figures are
    /// far from zero (life expectancy: 77 to 83 years), bars from zero would all look alike and
    /// bars from 77 would make a 6% gap look eightfold; each group is then a dot on a scale that
    /// says where it starts (the data review's defect 15).
    var isDotPlot: Bool { scale.low > 0 }

    /// Said under a dot plot: where its scale starts, so the gaps are read as gaps.
    var baselineNote: String? {
        let scale = scale
        guard isDotPlot else { return nil }
        return
            words(
                .breakdownChartBaseline,
                ["value": NumberFormat.withUnit(scale.low, decimals: scale.decimals, unit: indicator.unit, words: words)])
    }

    func svg() -> String {
        let scale = scale
        let refs = references
        let top = 8 + Double(refs.count) * ChartText.lineHeight + (refs.isEmpty ? 0 : 8)
        let row = ChartText.lineHeight + Self.barHeight + Self.rowGap
        let plotBottom = top + Double(breakdown.categories.count) * row
        let height = plotBottom + 36
        let plotRight = width - right
        let x = { (value: Double) in left + (value - scale.low) / (scale.high - scale.low) * (plotRight - left) }
        let id = "breakdown-\(indicator.id)-\(index)\(narrow ? "-narrow" : "")"
        let summary = BreakdownSummary(breakdown: breakdown, indicator: indicator, words: words)
        var svg =
            "<svg class=\"chart chart-bars\(narrow ? " chart-small" : "")\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\""
            + " aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(Markup.escape(title))</title><desc id=\"\(id)-desc\">\(Markup.escape(summary.sentence))</desc>"
        svg += "<g class=\"chart-axis\">"
        for tick in scale.ticks {
            let tx = SVG.number(x(tick))
            svg += "<line class=\"chart-grid\" x1=\"\(tx)\" y1=\"\(SVG.number(top))\" x2=\"\(tx)\" y2=\"\(SVG.number(plotBottom))\"/>"
        }
        for tick in ticks(scale, x: x) {
            svg +=
                "<text class=\"chart-value-tick\" x=\"\(SVG.number(tick.x))\" y=\"\(SVG.number(plotBottom + 22))\" text-anchor=\"middle\">\(Markup.escape(tick.label))</text>"
        }
        svg += "</g>"
        for (offset, category) in breakdown.categories.enumerated() {
            let rowTop = top + Double(offset) * row
            let barTop = rowTop + ChartText.lineHeight + 2
            svg += "<g class=\"chart-bar\" data-category=\"\(Markup.escape(category.category))\">"
            svg +=
                "<text class=\"chart-category\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(rowTop + 13))\">\(Markup.escape(category.category))</text>"
            if let value = category.value {
                let x1 = x(value)
                let cy = barTop + Self.barHeight / 2
                if !isDotPlot {
                    let x0 = x(max(scale.low, 0))
                    svg +=
                        "<rect class=\"chart-bar-fill\" data-value=\"\(value.plainText)\" x=\"\(SVG.number(min(x0, x1)))\" y=\"\(SVG.number(barTop))\" width=\"\(SVG.number(abs(x1 - x0)))\" height=\"\(Int(Self.barHeight))\"/>"
                }
                if let lower = category.lowerCI, let upper = category.upperCI {
                    let l = SVG.number(x(lower))
                    let u = SVG.number(x(upper))
                    svg +=
                        "<path class=\"chart-ci\" fill=\"none\" d=\"M\(l) \(SVG.number(cy))H\(u)M\(l) \(SVG.number(cy - 6))v12M\(u) \(SVG.number(cy - 6))v12\"/>"
                }
                if isDotPlot {
                    svg +=
                        "<circle class=\"chart-dot\" data-value=\"\(value.plainText)\" cx=\"\(SVG.number(x1))\" cy=\"\(SVG.number(cy))\" r=\"6\"/>"
                }
                // Values sit in their own column right of the plot, clear of the bars, whiskers and reference lines.
                svg +=
                    "<text class=\"chart-bar-value\" x=\"\(SVG.number(plotRight + 8))\" y=\"\(SVG.number(cy))\" dominant-baseline=\"middle\">\(Markup.escape(format(value)))</text>"
            } else {
                svg +=
                    "<text class=\"chart-bar-missing\" x=\"\(SVG.number(left))\" y=\"\(SVG.number(barTop + Self.barHeight / 2))\" dominant-baseline=\"middle\">\(Markup.escape(category.note.map { words(.breakdownChartNoFigureNote, ["note": $0]) } ?? words(.breakdownChartNoFigure)))</text>"
            }
            svg += "</g>"
        }
        for (offset, ref) in refs.enumerated() {
            let rx = SVG.number(x(ref.value))
            let ly = 8 + Double(offset) * ChartText.lineHeight + ChartText.lineHeight / 2
            let dash = ref.cssClass == "chart-national" ? "8 5" : "3 3"
            svg +=
                "<g class=\"chart-reference \(ref.cssClass)\"><line class=\"chart-line\" fill=\"none\" stroke-dasharray=\"\(dash)\" x1=\"\(rx)\" y1=\"\(SVG.number(top - 4))\" x2=\"\(rx)\" y2=\"\(SVG.number(plotBottom))\"/>"
            svg +=
                "<line class=\"chart-line\" fill=\"none\" stroke-dasharray=\"\(dash)\" x1=\"\(SVG.number(left))\" y1=\"\(SVG.number(ly))\" x2=\"\(SVG.number(left + 28))\" y2=\"\(SVG.number(ly))\"/>"
            svg +=
                "<text class=\"chart-label\" x=\"\(SVG.number(left + 36))\" y=\"\(SVG.number(ly))\" dominant-baseline=\"middle\">\(Markup.escape(words(.breakdownChartReference, ["name": ref.name, "value": format(ref.value)])))</text></g>"
        }
        return svg + "</svg>"
    }

    var title: String {
        words(
            .breakdownChartTitle,
            [
                "title": breakdown.title
                    ?? words(.breakdownChartDefaultTitle, ["indicator": indicator.title, "dimension": breakdown.dimension]),
                "area": indicator.geography, "period": PeriodText.display(breakdown.period, words),
            ])
    }

    /// Every tick, or every second…, whichever keeps the labels apart.
    private func ticks(_ scale: Scale, x: (Double) -> Double) -> [XAxis.Tick] {
        let all = scale.ticks.map { XAxis.Tick(x: x($0), label: NumberFormat.format($0, decimals: scale.decimals)) }
        for every in 1...max(1, all.count) {
            let chosen = stride(from: 0, to: all.count, by: every).map { all[$0] }.map { tick -> XAxis.Tick in
                let half = ChartText.width(tick.label) / 2
                return XAxis.Tick(x: min(max(tick.x, half), width - half), label: tick.label)
            }
            if zip(chosen, chosen.dropFirst()).allSatisfy({
                $1.x - $0.x >= (ChartText.width($0.label) + ChartText.width($1.label)) / 2 + 12
            }) {
                return chosen
            }
        }
        return Array(all.prefix(1))
    }
}
