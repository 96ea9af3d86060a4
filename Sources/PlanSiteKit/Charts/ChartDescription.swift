/// The chart's trend in one or two sentences, generated from the data:
/// "Rose from 3 in 2010 to 76 in 2016; England rose from 1,768 to 4,134 over the same years."
struct ChartDescription {
    var indicator: Indicator
    var lines: [TrendChart.Line]
    var offScale: [String]

    var sentence: String {
        let area = movement(indicator.series, capitalised: true)
        var comparators: [String] = []
        for name in lines.dropFirst().map(\.name) + offScale {
            guard let series = indicator.comparator(name)?.series, !series.isEmpty else { continue }
            comparators.append("\(name) \(movement(series, capitalised: false, sameYearsAs: indicator.series))")
        }
        var text = area
        if !comparators.isEmpty { text += "; " + comparators.joined(separator: "; ") }
        if !offScale.isEmpty { text += ". \(offScale.joined(separator: " and ")) is on a different scale and is shown in the table only" }
        return text + "."
    }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    private func movement(_ series: [Observation], capitalised: Bool, sameYearsAs reference: [Observation]? = nil) -> String {
        let present = series.filter { $0.value != nil }
        guard let first = present.first, let last = present.last, let start = first.value, let end = last.value else {
            return capitalised ? "No values published" : "has no values"
        }
        if present.count == 1 {
            let text = "\(format(start)) \(indicator.unit == "%" ? "per cent " : "")in \(first.period)"
            return capitalised ? "A single value: \(text)" : "was \(text)"
        }
        let verb = end > start ? "rose" : end < start ? "fell" : "was unchanged"
        let sameYears = reference.map { ref in
            let refPresent = ref.filter { $0.value != nil }
            return refPresent.first?.period == first.period && refPresent.last?.period == last.period
        } ?? false
        let span = sameYears ? "over the same years" : "in \(last.period)"
        let body: String
        if verb == "was unchanged" {
            body = "was unchanged at \(format(end)) from \(first.period) to \(last.period)"
        } else if sameYears {
            body = "\(verb) from \(format(start)) to \(format(end)) \(span)"
        } else {
            body = "\(verb) from \(format(start)) in \(first.period) to \(format(end)) in \(last.period)"
        }
        return capitalised ? body.prefix(1).uppercased() + body.dropFirst() : body
    }
}
