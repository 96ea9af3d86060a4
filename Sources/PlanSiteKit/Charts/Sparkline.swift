/// A tiny decorative line of an indicator's series for tiles; the numbers are
/// always in the tile's text, so it is hidden from assistive technology. It breaks
/// where the trend chart does (a null, a missing year), so the two never disagree.
struct Sparkline {
    var indicator: Indicator
    var width = 96.0
    var height = 28.0

    func svg() -> String {
        let present = indicator.series.compactMap(\.value)
        guard present.count >= 2, let low = present.min(), let high = present.max() else { return "" }
        let span = high - low == 0 ? 1 : high - low
        let axis = XAxis(periods: indicator.series.map(\.period), left: 4, width: width - 8)
        let drawing = ChartDrawing(indicator: indicator, axis: axis, scale: Scale(values: present), frame: .wide(left: 4), words: .empty)
        var svg: SVGText =
            "<svg class=\"sparkline\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-hidden=\"true\" focusable=\"false\">"
        for run in drawing.segments(indicator.series) {
            svg.append("<polyline fill=\"none\" points=\"")
            for (offset, point) in run.enumerated() {
                if offset > 0 { svg.append(" ") }
                svg += "\(axis.x(point.index)),\(height - 4 - (point.value - low) / span * (height - 8))"
            }
            svg.append("\"/>")
        }
        svg.append("</svg>")
        return svg.string
    }
}
