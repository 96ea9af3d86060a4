import Foundation

/// The words and numbers a reader sees for one indicator, shared by its page,
/// its row in the index and its tile on outcome and commitment pages.
///
/// The latest figure, the direction of travel and the comparison with the national figure
/// are worked out once, when the presenter is made (`IndicatorVerdicts`): the renderer makes
/// one presenter per indicator, and the page, tiles and rows all read the same answers.
final class IndicatorPresenter: Sendable {
    let indicator: Indicator
    let site: Site
    let verdicts: IndicatorVerdicts

    init(indicator: Indicator, site: Site) {
        self.indicator = indicator
        self.site = site
        verdicts = IndicatorVerdicts(indicator: indicator, site: site)
    }

    /// The most recent observation with a value; a later null one is reported beside it.
    var latest: Observation? { verdicts.latest }
    var travel: DirectionOfTravel.Assessment { verdicts.travel }
    /// Against the national comparator.
    var comparison: Comparison { verdicts.comparison }

    var words: Words { site.words }
    var national: String { site.config.nationalComparator }
    var regional: String? { site.config.regionalComparator }

    func formatted(_ value: Double?) -> String {
        value.map { NumberFormat.format($0, decimals: indicator.decimals) } ?? words(.figureNone)
    }

    func formattedWithUnit(_ value: Double) -> String { verdicts.formattedWithUnit(value) }

    /// The latest figure against one comparator's figure for the same period.
    func comparison(against name: String) -> Comparison { verdicts.comparison(against: name) }

    /// "78.1 years (period not stated)", "76 people in 2016".
    var headline: String {
        guard let latest, let value = latest.value else { return words(.headlineNoFigure) }
        return words.figure(formattedWithUnit(value), at: latest.period)
    }

    /// Said when the newest period has no value, so the headline is not mistaken for it.
    var newerGap: String? {
        guard let last = indicator.series.last, last.value == nil else { return nil }
        return last.note.map { words(.newerGapNote, ["period": last.period, "note": $0]) } ?? words(.newerGap, ["period": last.period])
    }

    func comparatorValue(_ name: String, for period: String?) -> String {
        guard let period, let value = indicator.comparator(name)?.observation(for: period)?.value else {
            return words(.comparatorNotAvailable)
        }
        return formatted(value)
    }

    func row(at address: PageAddress) -> IndicatorRow {
        IndicatorRow(
            title: indicator.title, href: address.link(to: .indicator(id: indicator.id)),
            latest: latest?.value.map(formattedWithUnit) ?? words(.latestNoFigure),
            period: latest.map { PeriodText.display($0.period, site.words) } ?? "",
            national: comparatorValue(national, for: latest?.period),
            comparison: comparison.label(against: national, words: site.words), comparisonClass: comparison.cssClass,
            trend: travel.phrase, summary: indicator.summary ?? "", keywords: indicator.keywords.joined(separator: ", "))
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
    ///   - chartBytes: the size of its chart's SVG file, for its link.
    ///   - chart: its trend chart, when already drawn with the chart's file (nil: drawn here).
    func page(
        layout: PageLayout, at address: PageAddress, notesHTML: String?, csvBytes: Int, chartBytes: Int = 0,
        chart drawn: TrendChart.Drawings? = nil, evidences: [LinkItem]
    ) -> IndicatorPage {
        let chart = drawings(drawn)
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
            target: targetValues,
            chart: chart.wide,
            chartNarrow: chart.narrow,
            chartKey: TemplateText.optional(chartKey),
            chartHref: address.link(to: .indicatorChart(id: indicator.id)),
            chartLabel: words(.downloadCsvLabel, ["format": words(.formatSvg), "size": DataDownloads.sizeLabel(chartBytes, words: words)]),
            table: table(),
            breakdowns: breakdowns(),
            csvHref: address.link(to: .indicatorCSV(id: indicator.id)),
            csvLabel: words(.downloadCsvLabel, ["format": words(.formatCsv), "size": DataDownloads.sizeLabel(csvBytes, words: words)]),
            source: sourceValues,
            secondary: indicator.provenance == .secondary,
            provenance: provenanceText,
            notes: notesHTML,
            evidences: evidences,
            updated: day(indicator.updated), nextUpdate: day(indicator.nextUpdate))
    }

    /// The trend chart as the page shows it: `drawn` when already drawn with the chart's file, else drawn here.
    func drawings(_ drawn: TrendChart.Drawings?) -> TrendChart.Drawings {
        drawn ?? TrendChart.drawings(of: indicator, national: national, regional: regional, words: site.words)
    }

    var targetValues: IndicatorPage.Target? {
        indicator.target.map { target in
            IndicatorPage.Target(label: target.label, value: formattedWithUnit(target.value), by: target.by.isEmpty ? nil : target.by)
        }
    }

    /// `updated` or `next_update`, for "Figures updated 3 November 2026. Next update due 1 May 2027."
    func day(_ field: Located<String>?) -> DayText? {
        field.flatMap { CalendarDate(iso: $0.value) }.map { DayText($0, words: site.words) }
    }

    /// What a hollow point and a rule across the chart mean, when it has them.
    var chartKey: String {
        let flags = Set((indicator.series + indicator.comparators.flatMap(\.series)).flatMap(\.flags))
        let sentences = [
            flags.contains(.provisional) ? words(.chartKeyProvisional) : nil,
            flags.contains(.breakInSeries) ? words(.chartKeyBreak) : nil,
        ]
        return sentences.compactMap { $0 }.joined(separator: " ")
    }

    /// Primary or secondary, and whether the publisher's table was read from a copy someone else made.
    var provenanceText: String {
        switch (indicator.provenance, indicator.source.retrievedFrom) {
        case (.secondary, _): words(.provenanceSecondary)
        case (.primary, _?): words(.provenancePrimaryCopy)
        case (.primary, nil): words(.provenancePrimary)
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

    var sourceValues: IndicatorPage.Source {
        let source = indicator.source
        return IndicatorPage.Source(
            publisher: source.publisher, title: source.title, licence: source.licence ?? words(.sourceLicenceNotStated),
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
        guard let latest else { return words(.notComparedNoFigure, ["name": name]) }
        if latest.period.lowercased().contains("not stated") { return words(.notComparedPeriodUnstated, ["name": name]) }
        return words(.notComparedNoComparatorFigure, ["name": name, "period": PeriodText.display(latest.period, words)])
    }

    func method(_ result: Comparison, against name: String) -> String {
        switch result {
        case .better, .similar, .worse, .higher, .lower:
            intervalMethod(against: name)
        case .notTested where latest?.count != nil:
            words(.methodNotTestedCount, ["side_by_side": sideBySide(name)])
        case .notTested:
            words(.methodNotTested, ["side_by_side": sideBySide(name)])
        case .tooFewEvents:
            words(.methodTooFewEvents, ["reliability": reliabilityNote ?? "", "side_by_side": sideBySide(name)])
        case .notCompared:
            notComparedReason(against: name)
        case .differentScale where indicator.measure == .count:
            words(.methodDifferentScaleCount, ["unit": indicator.unit, "area": indicator.geography, "name": name])
        case .differentScale:
            words(.methodDifferentScale, ["name": name])
        }
    }

    /// Where the interval came from: the publisher, or PlanSite from the count (and by which method).
    private func intervalMethod(against name: String) -> String {
        guard let latest, let figure = FigureInterval.of(latest, valueType: indicator.valueType, multiplier: indicator.multiplier),
            let method = figure.computedBy, let count = latest.count
        else {
            return words(.methodPublishedInterval, ["name": name])
        }
        let interval = words(.intervalRange, ["lower": formatted(figure.interval.lower), "upper": formatted(figure.interval.upper)])
        return words(
            .methodComputedInterval,
            ["count": NumberFormat.format(count, decimals: 0), "method": method.name(words), "interval": interval, "name": name])
    }

    /// "Luton: 7.0 per 100,000; England: 7.9 per 100,000 (2019-21)."
    private func sideBySide(_ name: String) -> String {
        guard let latest, let value = latest.value else { return "" }
        let reference = indicator.comparator(name)?.observation(for: latest.period)?.value
        let theirs = reference.map(formattedWithUnit) ?? words(.sideBySideNoFigure)
        return words(
            .sideBySide,
            [
                "area": indicator.geography, "value": formattedWithUnit(value), "name": name, "theirs": theirs,
                "period": PeriodText.display(latest.period, words),
            ])
    }

    /// Said of a rate made from fewer than 10 events, which OHID flags as unreliable.
    var reliabilityNote: String? {
        guard let latest, let count = latest.count, FigureInterval.restsOnFewEvents(latest, valueType: indicator.valueType) else {
            return nil
        }
        return words(.reliabilityNote, ["events": NumberFormat.format(count, decimals: 0)])
    }

}
