import Foundation

/// The words and numbers a reader sees for one indicator, shared by its page,
/// its row in the index and its tile on outcome and commitment pages.
///
/// The latest figure, the direction of travel and the comparison with the national figure
/// are worked out once, when the presenter is made: the assemble stage makes one presenter
/// per indicator, and the page, tiles and rows all read the same answers.
struct IndicatorPresenter: Sendable {
    let indicator: Indicator
    let site: Site
    /// The most recent observation with a value; a later null one is reported beside it.
    let latest: Observation?
    let travel: DirectionOfTravel.Assessment
    /// Against the national comparator.
    let comparison: Comparison

    init(indicator: Indicator, site: Site) {
        self.indicator = indicator
        self.site = site
        latest = indicator.latest
        travel = DirectionOfTravel.assess(indicator, words: site.words)
        comparison = Self.comparison(of: indicator, latest: latest, against: site.config.nationalComparator)
    }

    var national: String { site.config.nationalComparator }
    var regional: String? { site.config.regionalComparator }

    func formatted(_ value: Double?) -> String {
        value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? "no value"
    }

    func formattedWithUnit(_ value: Double) -> String {
        NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit, words: site.words)
    }

    /// The latest figure against one comparator's figure for the same period.
    func comparison(against name: String) -> Comparison {
        name == national ? comparison : Self.comparison(of: indicator, latest: latest, against: name)
    }

    private static func comparison(of indicator: Indicator, latest: Observation?, against name: String) -> Comparison {
        guard let series = indicator.comparator(name)?.series else { return .notCompared }
        // A count beside a national or regional total shows scale, never better or worse.
        if indicator.measure == .count { return series.contains { $0.value != nil } ? .differentScale : .notCompared }
        let reference = latest.flatMap { latest in series.first { $0.period == latest.period } }
        let result = Comparison.compare(
            latest, with: reference, polarity: indicator.polarity,
            valueType: indicator.valueType, multiplier: indicator.multiplier)
        if result != .notCompared && !TrendChart.sharesScale(indicator.series, series) { return .differentScale }
        return result
    }

    /// "78.1 years (period not stated)", "76 people in 2016".
    var headline: String {
        guard let latest, let value = latest.value else { return "No figure published" }
        return "\(formattedWithUnit(value)) \(PeriodText.phrase(latest.period, site.words))"
    }

    /// Said when the newest period has no value, so the headline is not mistaken for it.
    var newerGap: String? {
        guard let last = indicator.series.last, last.value == nil else { return nil }
        return "There is no figure for \(last.period)" + (last.note.map { ": \($0)" } ?? "") + "."
    }

    func comparatorValue(_ name: String, for period: String?) -> String {
        guard let period, let value = indicator.comparator(name)?.observation(for: period)?.value else { return "Not available" }
        return formatted(value)
    }

    func row(at address: PageAddress) -> IndicatorRow {
        IndicatorRow(
            title: indicator.title, href: address.link(to: .indicator(id: indicator.id)),
            latest: latest?.value.map(formattedWithUnit) ?? "No figure",
            period: latest.map { PeriodText.display($0.period, site.words) } ?? "",
            national: comparatorValue(national, for: latest?.period),
            comparison: comparison.label(against: national, words: site.words), comparisonClass: comparison.cssClass,
            trend: travel.phrase)
    }

    /// Whether the comparison says something (better, similar, higher…), not "not compared".
    var isCompared: Bool { comparison != .notCompared && comparison != .differentScale }

    /// A tile says what a reader needs at a glance: the latest figure, which way it is
    /// going, and how it compares with England only when it can be compared.
    func tile(at address: PageAddress) -> IndicatorTile {
        IndicatorTile(
            title: indicator.title, href: address.link(to: .indicator(id: indicator.id)),
            headline: headline, sparkline: Sparkline(indicator: indicator).svg(),
            comparison: isCompared
                ? IndicatorTile.Comparison(label: comparison.label(against: national, words: site.words), cssClass: comparison.cssClass)
                : nil,
            direction: travel.reason == .onlyOneFigure
                ? nil : IndicatorTile.Direction(phrase: travel.phrase, cssClass: travel.direction.cssClass))
    }

    /// The values of the indicator's own page, but for its layout and the pages that list it.
    /// - Parameters:
    ///   - notesHTML: the indicator's notes, rendered for this page.
    ///   - csvBytes: the size of this indicator's CSV download, for its link.
    func page(layout: PageLayout, at address: PageAddress, notesHTML: String?, csvBytes: Int, evidences: [LinkItem]) -> IndicatorPage {
        let chart = TrendChart.drawings(of: indicator, national: national, regional: regional, words: site.words)
        return IndicatorPage(
            layout: layout,
            summary: TemplateText.optional(indicator.summary),
            headline: headline,
            newerGap: TemplateText.optional(newerGap),
            reliabilityNote: TemplateText.optional(reliabilityNote),
            unit: indicator.unit,
            geography: indicator.geography,
            direction: direction,
            comparisons: comparisons(),
            target: indicator.target.map { target in
                IndicatorPage.Target(label: target.label, value: formattedWithUnit(target.value), by: target.by.isEmpty ? nil : target.by)
            },
            chart: chart.wide,
            chartNarrow: chart.narrow,
            chartKey: TemplateText.optional(chartKey),
            table: table(),
            breakdowns: breakdowns(),
            csvHref: address.link(to: .indicatorCSV(id: indicator.id)),
            csvLabel: "CSV, \(DataDownloads.sizeLabel(csvBytes, words: site.words))",
            source: sourceValues,
            secondary: indicator.provenance == .secondary,
            provenance: provenanceText,
            notes: notesHTML,
            evidences: evidences,
            updates: TemplateText.optional(updatesText))
    }

    /// "Figures updated 3 November 2026. Next update due 1 May 2027.", from `updated` and `next_update`.
    var updatesText: String {
        let words = site.words
        let sentences: [(Located<String>?, WordKey)] = [(indicator.updated, .figuresUpdated), (indicator.nextUpdate, .nextUpdateDue)]
        return sentences.compactMap { field, key in
            field.flatMap { CalendarDate(iso: $0.value) }.map { words(key, ["date": $0.long(words)]) }
        }.joined(separator: " ")
    }

    /// What a hollow point and a rule across the chart mean, when it has them.
    var chartKey: String {
        let flags = Set((indicator.series + indicator.comparators.flatMap(\.series)).flatMap(\.flags))
        let words = [
            flags.contains(.provisional) ? "Hollow points are provisional figures." : nil,
            flags.contains(.breakInSeries) ? "The line breaks where the series does (a change of source or method)." : nil,
        ]
        return words.compactMap { $0 }.joined(separator: " ")
    }

    /// Primary or secondary, and whether the publisher's table was read from a copy someone else made.
    var provenanceText: String {
        switch (indicator.provenance, indicator.source.retrievedFrom) {
        case (.secondary, _):
            "Secondary: the figures are quoted from a page that cites the publisher, not read from the publisher's own table."
        case (.primary, _?):
            "Primary: the figures are the publisher's own, read from a copy of its table that another organisation or person published (see \"Read from\")."
        case (.primary, nil):
            "Primary: the figures are read from the publisher's own table."
        }
    }

    var direction: IndicatorPage.Direction {
        IndicatorPage.Direction(cssClass: travel.direction.cssClass, sentence: travel.sentence, phrase: travel.phrase)
    }

    func breakdowns() -> [BreakdownPresenter.Record] {
        indicator.breakdowns.enumerated().map { index, breakdown in
            BreakdownPresenter(breakdown: breakdown, indicator: indicator, national: national, index: index, words: site.words).record()
        }
    }

    private var sourceValues: IndicatorPage.Source {
        let source = indicator.source
        return IndicatorPage.Source(
            publisher: source.publisher, title: source.title, licence: source.licence ?? "Not stated by the source",
            url: TemplateText.optional(source.url), retrievedFrom: TemplateText.optional(source.retrievedFrom))
    }

    /// England always (saying "not compared" when it must); the region only where the indicator has its figures.
    func comparisons() -> [IndicatorPage.Comparison] {
        let names =
            [national] + [regional].compactMap { $0 }.filter { indicator.comparator($0)?.series.contains { $0.value != nil } ?? false }
        return names.map { name in
            let result = comparison(against: name)
            return IndicatorPage.Comparison(
                name: name, label: result.label(against: name, words: site.words), cssClass: result.cssClass,
                method: method(result, against: name))
        }
    }

    private func notComparedReason(against name: String) -> String {
        guard let latest else { return "There is no figure to compare with \(name)." }
        if latest.period.lowercased().contains("not stated") {
            return
                "The source does not state the period of the figure, so no \(name) figure can be matched to it and no comparison is made."
        }
        return "There is no \(name) figure for \(PeriodText.display(latest.period, site.words)), so no comparison is made."
    }

    func method(_ result: Comparison, against name: String) -> String {
        switch result {
        case .better, .similar, .worse, .higher, .lower:
            intervalMethod(against: name)
        case .notTested where latest?.count != nil:
            "Not compared: the source gives no confidence interval, and PlanSite has no method to compute one from the count for this kind of figure, so the difference cannot be tested. \(sideBySide(name))"
        case .notTested:
            "Not compared: the source gives no confidence interval, nor a count to compute one from, so the difference cannot be tested. \(sideBySide(name))"
        case .tooFewEvents:
            "Not compared: \(reliabilityNote ?? "") \(sideBySide(name))"
        case .notCompared:
            notComparedReason(against: name)
        case .differentScale where indicator.measure == .count:
            "This is a count of \(indicator.unit) in \(indicator.geography); the \(name) figure is a total for all of \(name), which shows scale, not whether \(indicator.geography) is doing better or worse, so no comparison is made. Both are in the table."
        case .differentScale:
            "The \(name) figure is on a very different scale (such as a national total beside a local count), so no comparison is made; both are in the table."
        }
    }

    /// Where the interval came from: the publisher, or PlanSite from the count (and by which method).
    private func intervalMethod(against name: String) -> String {
        let rule = "a difference counts only when the \(name) value lies outside it."
        guard let latest, let figure = FigureInterval.of(latest, valueType: indicator.valueType, multiplier: indicator.multiplier),
            let method = figure.computedBy, let count = latest.count
        else {
            return "Compared using the 95% confidence interval: \(rule)"
        }
        let interval = "\(formatted(figure.interval.lower)) to \(formatted(figure.interval.upper))"
        return
            "Compared using a 95% interval computed by PlanSite from the count (\(NumberFormat.format(count, decimals: 0))), by \(method.name): \(interval); \(rule)"
    }

    /// "Luton: 7.0 per 100,000; England: 7.9 per 100,000 (2019-21)."
    private func sideBySide(_ name: String) -> String {
        guard let latest, let value = latest.value else { return "" }
        let reference = indicator.comparator(name)?.observation(for: latest.period)?.value
        let theirs = reference.map(formattedWithUnit) ?? "no figure"
        return "\(indicator.geography): \(formattedWithUnit(value)); \(name): \(theirs) (\(PeriodText.display(latest.period, site.words)))."
    }

    /// Said of a rate made from fewer than 10 events, which OHID flags as unreliable.
    var reliabilityNote: String? {
        guard let latest, let count = latest.count, FigureInterval.restsOnFewEvents(latest, valueType: indicator.valueType) else {
            return nil
        }
        let events = NumberFormat.format(count, decimals: 0)
        return
            "The latest rate is made from a count of \(events), fewer than 10, so it is unreliable: one more or one fewer changes it a lot."
    }

}
