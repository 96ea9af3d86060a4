/// The chart's trend in words, generated from the data, for its <desc>:
/// "Rose from 3 in 2010 to 76 in 2016; England rose from 1,768 to 4,134 over the same years."
/// It names every gap and every comparator left off the chart, so a reader who
/// cannot see the drawing misses nothing the drawing shows.
struct ChartDescription {
    var indicator: Indicator
    var lines: [TrendChart.Line]
    var offScale: [String]
    var words: Words

    var sentence: String {
        var clauses = [areaMovement]
        for name in lines.dropFirst().map(\.name) + offScale {
            guard let series = indicator.comparator(name)?.series, series.contains(where: { $0.value != nil }) else { continue }
            clauses.append(words(.chartComparator, ["name": name, "movement": comparatorMovement(series)]))
        }
        let joined = clauses.dropFirst().reduce(clauses[0]) { words(.chartClauses, ["first": $0, "next": $1]) }
        var text = words(.chartSentence, ["text": joined])
        let gaps = indicator.series.filter { $0.value == nil }
        if !gaps.isEmpty {
            text += " " + words(.noFigureFor, ["list": words.commaList(gaps.map { words.withNote($0.period, $0.note) })])
        }
        text += missingYears
        for name in offScale {
            let larger = (indicator.comparator(name)?.series.compactMap(\.value).max() ?? 0) > (present.compactMap(\.value).max() ?? 0)
            text += " " + words(larger ? .chartOffScaleLarger : .chartOffScaleSmaller, ["name": name])
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
            case 3: return words(.chartYearsTwo, ["first": "\(a + 1)", "last": "\(b - 1)"])
            default: return words.span("\(a + 1)", "\(b - 1)")
            }
        }
        return gaps.isEmpty ? "" : " " + words(.chartNoFiguresForYears, ["years": words.orList(gaps)])
    }

    private var present: [Observation] { indicator.series.filter { $0.value != nil } }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    private func when(_ period: String) -> String { PeriodText.phrase(period, words) }

    /// "Rose from 3 in 2010 to 76 in 2016"; "A single figure: 78.1 years (period not stated)".
    private var areaMovement: String {
        guard let first = present.first, let last = present.last, let start = first.value, let end = last.value else {
            return words(.chartNoFigures)
        }
        if present.count == 1 {
            let figure = NumberFormat.withUnit(end, decimals: indicator.decimals, unit: indicator.unit, words: words)
            return words(.chartSingleFigure, ["figure": figure, "when": when(last.period)])
        }
        if start == end { return words(.chartUnchanged, ["value": format(end), "from": first.period, "to": last.period]) }
        return words(
            end > start ? .chartRose : .chartFell,
            ["start": format(start), "start_when": when(first.period), "end": format(end), "end_when": when(last.period)])
    }

    /// "rose from 1,768 to 4,134 over the same years"; "was 3,898 in 2023".
    private func comparatorMovement(_ series: [Observation]) -> String {
        let values = series.filter { $0.value != nil }
        guard let first = values.first, let last = values.last, let start = first.value, let end = last.value else {
            return words(.chartComparatorNoFigures)
        }
        if values.count == 1 { return words(.chartComparatorSingle, ["value": format(end), "when": when(last.period)]) }
        let sameYears = first.period == present.first?.period && last.period == present.last?.period
        if start == end {
            return sameYears
                ? words(.chartComparatorUnchangedSameYears, ["value": format(end)])
                : words(.chartComparatorUnchanged, ["value": format(end), "from": first.period, "to": last.period])
        }
        let rose = end > start
        if sameYears {
            return words(
                rose ? .chartComparatorRoseSameYears : .chartComparatorFellSameYears, ["start": format(start), "end": format(end)])
        }
        return words(
            rose ? .chartComparatorRose : .chartComparatorFell,
            ["start": format(start), "start_when": when(first.period), "end": format(end), "end_when": when(last.period)])
    }
}
