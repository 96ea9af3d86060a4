import Foundation

/// The words and numbers a reader sees for one indicator, shared by its page,
/// its row in the index and its tile on outcome and commitment pages.
struct IndicatorPresenter {
    var indicator: Indicator
    var site: Site

    var national: String { site.config.nationalComparator }
    var regional: String? { site.config.regionalComparator }

    func formatted(_ value: Double?) -> String {
        value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? "no value"
    }

    func formattedWithUnit(_ value: Double) -> String {
        NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit)
    }

    var latest: Observation? { indicator.latest }

    var comparison: Comparison {
        Comparison.compare(latest, with: latest.flatMap { indicator.comparator(national)?.observation(for: $0.period) },
                           polarity: indicator.polarity)
    }

    /// "78.1 years (period not stated)"
    var headline: String {
        guard let latest, let value = latest.value else { return "No figure published" }
        return "\(formattedWithUnit(value)) (\(latest.period))"
    }

    func nationalValue(for period: String?) -> String {
        guard let period, let value = indicator.comparator(national)?.observation(for: period)?.value else { return "Not available" }
        return formatted(value)
    }

    func row(at address: PageAddress) -> [String: Any] {
        ["title": indicator.title, "href": address.link(to: "indicators/\(indicator.id)/"),
         "latest": latest.map { formatted($0.value) } ?? "No figure", "unit": indicator.unit,
         "period": latest?.period ?? "", "national": nationalValue(for: latest?.period),
         "comparison": comparison.label(against: national), "comparison_class": comparison.cssClass,
         "trend": Trend.describe(indicator)]
    }

    func tile(at address: PageAddress) -> [String: Any] {
        ["title": indicator.title, "href": address.link(to: "indicators/\(indicator.id)/"),
         "headline": headline, "comparison": comparison.label(against: national), "comparison_class": comparison.cssClass,
         "sparkline": Sparkline(indicator: indicator).svg(),
         "secondary": indicator.provenance == .secondary]
    }

    func page(at address: PageAddress, markdown: MarkdownRenderer) -> [String: Any] {
        let source = indicator.source
        var values: [String: Any] = [
            "summary": indicator.summary ?? "",
            "headline": headline,
            "unit": indicator.unit,
            "geography": indicator.geography,
            "comparison": comparison.label(against: national),
            "comparison_class": comparison.cssClass,
            "comparison_method": comparisonMethod,
            "chart": TrendChart(indicator: indicator, national: national, regional: regional).svg(),
            "table": table(),
            "source": ["publisher": source.publisher, "title": source.title, "url": source.url ?? "",
                       "licence": source.licence ?? "Not stated by the source", "retrieved_from": source.retrievedFrom ?? ""],
            "secondary": indicator.provenance == .secondary,
            "csv_href": address.link(to: "data/\(indicator.id).csv"),
            "csv_label": "CSV, \(DataDownloads.sizeLabel(DataDownloads(site: site).csv(for: [indicator]).utf8.count))",
        ]
        // NSNull when absent: renders like a missing key, but tells the template lint the key is real.
        values["target"] = indicator.target.map { ["label": $0.label, "by": $0.by, "value": formattedWithUnit($0.value)] } ?? NSNull()
        values["notes"] = indicator.notes.map {
            markdown.render($0, path: indicator.path, firstLine: indicator.notesFirstLine + 1, rewriteURL: address.resolveContentURL).html
        } ?? NSNull()
        return values
    }

    private var comparisonMethod: String {
        switch comparison {
        case .better, .similar, .worse, .higher, .lower:
            "Compared using the 95% confidence interval: a difference counts only when the \(national) value lies outside it."
        case .higherUntested, .lowerUntested, .sameUntested:
            "The source gives no confidence interval, so the difference has not been tested for significance."
        case .notCompared:
            "There is no \(national) figure for the same period, so no comparison is made."
        }
    }

    /// The same numbers as the chart, one row per period.
    func table() -> [String: Any] {
        let comparators = [national, regional].compactMap { $0 }.filter { name in indicator.comparator(name).map { !$0.series.isEmpty } ?? false }
        let hasCI = indicator.series.contains { $0.lowerCI != nil }
        let rows: [[String: Any]] = periods().map { period in
            let observation = indicator.series.first { $0.period == period }
            var row: [String: Any] = ["period": period, "value": cell(observation)]
            // NSNull, not a missing key, so the template lint knows `ci` is a real value.
            row["ci"] = hasCI ? observation.flatMap { o in o.lowerCI.map { "\(formatted($0)) to \(formatted(o.upperCI))" } } ?? "–" : NSNull()
            row["comparators"] = comparators.map { ["value": cell(indicator.comparator($0)?.observation(for: period))] }
            return row
        }
        return ["caption": "\(indicator.title): \(indicator.geography) by period, \(indicator.unit)",
                "geography": indicator.geography, "has_ci": hasCI,
                "comparator_names": comparators.map { ["name": $0] }, "rows": rows]
    }

    private func cell(_ observation: Observation?) -> String {
        guard let observation else { return "–" }
        if let value = observation.value { return formatted(value) }
        return "No value" + (observation.note.map { ": \($0)" } ?? "")
    }

    /// Periods of the area and its comparators, in the order first written.
    func periods() -> [String] { Self.periods(of: indicator) }

    static func periods(of indicator: Indicator) -> [String] {
        var seen: [String] = []
        let all = indicator.series.map(\.period) + indicator.comparators.flatMap { $0.series.map(\.period) }
        for period in all where !seen.contains(period) { seen.append(period) }
        return seen
    }
}
