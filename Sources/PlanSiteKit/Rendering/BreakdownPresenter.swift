import Foundation

/// One breakdown's chart (wide and narrow drawings), table and sentence for the indicator page.
struct BreakdownPresenter {
    var breakdown: Breakdown
    var indicator: Indicator
    var national: String
    var index: Int
    var words: Words

    private func format(_ value: Double?) -> String {
        value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? "–"
    }

    private func interval(_ lower: Double?, _ upper: Double?) -> String {
        guard let lower, let upper else { return "–" }
        return "\(format(lower)) to \(format(upper))"
    }

    func values() -> [String: Any] {
        let chart = BreakdownChart(breakdown: breakdown, indicator: indicator, national: national, index: index, words: words)
        var narrow = chart
        narrow.narrow = true
        let hasCI =
            breakdown.categories.contains(where: \.hasInterval)
            || breakdown.overall?.lowerCI != nil || breakdown.national?.lowerCI != nil
        let hasNotes = breakdown.categories.contains { $0.note != nil }
        var rows: [[String: Any]] = breakdown.categories.map { category in
            [
                "category": category.category,
                "value": category.value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? "No value",
                "ci": hasCI ? ["text": interval(category.lowerCI, category.upperCI)] : NSNull(),
                "note": hasNotes ? ["text": category.note ?? ""] : NSNull(),
            ]
        }
        for (name, figure) in [("\(indicator.geography) overall", breakdown.overall), (national, breakdown.national)] {
            guard let figure, let value = figure.value else { continue }
            rows.append([
                "category": name, "value": format(value),
                "ci": hasCI ? ["text": interval(figure.lowerCI, figure.upperCI)] : NSNull(),
                "note": hasNotes ? ["text": ""] : NSNull(),
            ])
        }
        let heading = "By \(breakdown.dimension), \(PeriodText.display(breakdown.period, words))"
        return [
            "heading": heading, "id": "breakdown-\(index + 1)",
            "chart": chart.svg(), "chart_narrow": narrow.svg(),
            "baseline_note": TemplateText.optional(chart.baselineNote),
            "sentence": BreakdownSummary(breakdown: breakdown, indicator: indicator, words: words).sentence,
            "caption": "\(chart.title) (\(indicator.unit))",
            "dimension": breakdown.dimension.prefix(1).uppercased() + breakdown.dimension.dropFirst(),
            "has_ci": hasCI, "has_notes": hasNotes, "rows": rows,
        ]
    }
}
