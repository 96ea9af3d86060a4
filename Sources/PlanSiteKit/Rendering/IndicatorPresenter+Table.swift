import Foundation

/// The indicator's data table: the same numbers as the chart, one row per period,
/// with every comparator (including any left off the chart for its scale) and
/// every observation's note.
extension IndicatorPresenter {
    func table() -> DataTable {
        let comparators = [national, regional].compactMap { $0 }.filter { name in
            indicator.comparator(name).map { !$0.series.isEmpty } ?? false
        }
        let hasCI = indicator.series.contains { $0.lowerCI != nil }
        let hasNotes = indicator.series.contains { $0.note != nil && $0.value != nil }
        // Looked up by period once per series, not searched once per row: series can be thousands long.
        let own = Self.byPeriod(indicator.series)
        let others = comparators.map { Self.byPeriod(indicator.comparator($0)?.series ?? []) }
        // Latest first: a screen-reader user reaches the figure that matters most in the
        // first row instead of after thirty (docs/content-format.md, "Data tables").
        let rows: [DataTable.Row] = periods().reversed().map { period in
            let observation = own[period]
            return DataTable.Row(
                period: PeriodText.display(period, words), value: cell(observation), flags: flagMarks(observation),
                ci: hasCI ? TextCell(text: interval(observation)) : nil,
                note: hasNotes ? TextCell(text: observation?.value == nil ? "" : observation?.note ?? "") : nil,
                comparators: others.map { DataTable.Cell(value: cell($0[period]), flags: flagMarks($0[period])) })
        }
        let areas = comparators.reduce(indicator.geography) { words(.listAnd, ["list": $0, "last": $1]) }
        return DataTable(
            caption: words(.tableCaption, ["indicator": indicator.title, "areas": areas, "unit": indicator.unit]),
            geography: indicator.geography, hasCI: hasCI, hasNotes: hasNotes,
            comparatorNames: comparators.map(DataTable.ComparatorName.init), rows: rows,
            flagKey: TemplateText.optional(flagKey(comparators)))
    }

    /// "[p]" beside a figure, with its meaning for screen readers.
    private func flagMarks(_ observation: Observation?) -> [DataTable.Flag] {
        (observation?.flags ?? []).map { DataTable.Flag(letter: $0.rawValue, meaning: $0.meaning(words)) }
    }

    /// "Key: [p] provisional; [b] break in series." for the flags the table shows, in the GSS order.
    private func flagKey(_ comparators: [String]) -> String? {
        let shown = Set((indicator.series + comparators.flatMap { indicator.comparator($0)?.series ?? [] }).flatMap(\.flags))
        let used = ValueFlag.allCases.filter(shown.contains)
        guard !used.isEmpty else { return nil }
        let items = used.map { words(.flagKeyItem, ["letter": $0.rawValue, "meaning": $0.meaning(words)]) }
        return words(.flagKey, ["flags": items.dropFirst().reduce(items[0]) { words(.listSemicolon, ["list": $0, "next": $1]) }])
    }

    /// The first observation of each period, as `first { $0.period == period }` finds it.
    private static func byPeriod(_ series: [Observation]) -> [String: Observation] {
        Dictionary(series.map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func interval(_ observation: Observation?) -> String {
        guard let observation, let lower = observation.lowerCI, let upper = observation.upperCI else { return "–" }
        return words(.intervalRange, ["lower": formatted(lower), "upper": formatted(upper)])
    }

    /// A null is "No value" with its reason, never 0; a period the series lacks is a dash.
    private func cell(_ observation: Observation?) -> String {
        guard let observation else { return "–" }
        if let value = observation.value { return formatted(value) }
        return observation.note.map { words(.tableNoValueNote, ["note": $0]) } ?? words(.tableNoValue)
    }

    /// Periods of the area and its comparators: in time order when every one is a time (`PeriodOrder.merge`).
    func periods() -> [String] { Self.periods(of: indicator) }

    static func periods(of indicator: Indicator) -> [String] {
        PeriodOrder.merge([indicator.series.map(\.period)] + indicator.comparators.map { $0.series.map(\.period) })
    }
}
