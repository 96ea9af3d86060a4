/// The chart's trend in words, generated from the data, for its <desc>:
/// "Rose from 3 in 2010 to 76 in 2016; England rose from 1,768 to 4,134 over the same years."
/// It names every gap and every comparator left off the chart, so a reader who
/// cannot see the drawing misses nothing the drawing shows.
struct ChartDescription {
    var indicator: Indicator
    var lines: [TrendChart.Line]
    var offScale: [String]

    var sentence: String {
        var clauses = [areaMovement]
        for name in lines.dropFirst().map(\.name) + offScale {
            guard let series = indicator.comparator(name)?.series, series.contains(where: { $0.value != nil }) else { continue }
            clauses.append("\(name) \(comparatorMovement(series))")
        }
        var text = clauses.joined(separator: "; ") + "."
        let gaps = indicator.series.filter { $0.value == nil }
        if !gaps.isEmpty {
            text += " No figure for " + gaps.map { $0.period + ($0.note.map { " (\($0))" } ?? "") }.joined(separator: ", ") + "."
        }
        text += missingYears
        for name in offScale {
            let larger = (indicator.comparator(name)?.series.compactMap(\.value).max() ?? 0) > (present.compactMap(\.value).max() ?? 0)
            text += " \(name)'s figures are on a much \(larger ? "larger" : "smaller") scale, so they are not drawn; the table gives them."
        }
        return text
    }

    /// The chart leaves a gap where years are missing from the series; say so. A year
    /// written with `value: null` is not missing: the sentence above names it with its note.
    private var missingYears: String {
        let years = indicator.series.map { Int($0.period) }
        guard years.allSatisfy({ $0 != nil && $0! >= 1000 && $0! <= 9999 }) else { return "" }
        let gaps = zip(years, years.dropFirst()).compactMap { a, b -> String? in
            guard let a, let b, b - a > 1 else { return nil }
            switch b - a {
            case 2: return "\(a + 1)"
            case 3: return "\(a + 1) and \(b - 1)"
            default: return "\(a + 1) to \(b - 1)"
            }
        }
        return gaps.isEmpty ? "" : " There are no figures for \(gaps.joined(separator: " or "))."
    }

    private var present: [Observation] { indicator.series.filter { $0.value != nil } }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    /// "Rose from 3 in 2010 to 76 in 2016"; "A single figure: 78.1 years (period not stated)".
    private var areaMovement: String {
        guard let first = present.first, let last = present.last, let start = first.value, let end = last.value else {
            return "No figures published"
        }
        if present.count == 1 {
            return
                "A single figure: \(NumberFormat.withUnit(end, decimals: indicator.decimals, unit: indicator.unit)) \(PeriodText.phrase(last.period))"
        }
        if start == end { return "Unchanged at \(format(end)) from \(first.period) to \(last.period)" }
        return
            "\(end > start ? "Rose" : "Fell") from \(format(start)) \(PeriodText.phrase(first.period)) to \(format(end)) \(PeriodText.phrase(last.period))"
    }

    /// "rose from 1,768 to 4,134 over the same years"; "was 3,898 in 2023".
    private func comparatorMovement(_ series: [Observation]) -> String {
        let values = series.filter { $0.value != nil }
        guard let first = values.first, let last = values.last, let start = first.value, let end = last.value else {
            return "has no figures"
        }
        if values.count == 1 { return "was \(format(end)) \(PeriodText.phrase(last.period))" }
        let sameYears = first.period == present.first?.period && last.period == present.last?.period
        let verb = end > start ? "rose" : end < start ? "fell" : "was unchanged"
        if start == end {
            return "was unchanged at \(format(end))" + (sameYears ? " over the same years" : " from \(first.period) to \(last.period)")
        }
        if sameYears { return "\(verb) from \(format(start)) to \(format(end)) over the same years" }
        return "\(verb) from \(format(start)) \(PeriodText.phrase(first.period)) to \(format(end)) \(PeriodText.phrase(last.period))"
    }
}
