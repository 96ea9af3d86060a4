/// A tiny decorative line of an indicator's series for tiles; the numbers are
/// always in the tile's text, so it is hidden from assistive technology.
struct Sparkline {
    var indicator: Indicator
    var width = 96.0
    var height = 28.0

    func svg() -> String {
        let values = indicator.series.map(\.value)
        let present = values.compactMap { $0 }
        guard present.count >= 2, let low = present.min(), let high = present.max() else { return "" }
        let span = high - low == 0 ? 1 : high - low
        let step = values.count > 1 ? (width - 8) / Double(values.count - 1) : 0
        var segments: [[String]] = [[]]
        for (index, value) in values.enumerated() {
            guard let value else { segments.append([]); continue }
            let x = 4 + Double(index) * step
            let y = height - 4 - (value - low) / span * (height - 8)
            segments[segments.count - 1].append("\(SVG.number(x)),\(SVG.number(y))")
        }
        let lines = segments.filter { $0.count > 1 }.map { "<polyline points=\"\($0.joined(separator: " "))\"/>" }.joined()
        return "<svg class=\"sparkline\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" aria-hidden=\"true\" focusable=\"false\">\(lines)</svg>"
    }
}
