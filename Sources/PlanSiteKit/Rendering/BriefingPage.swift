// An outcome's printable briefing (`/outcomes/<slug>/briefing/`), for a councillor or a
// committee paper: the outcome's summary, each of its indicators' latest figure, verdicts and
// chart, the commitments that track the same indicators with their statuses, and the sources.
// Every figure and verdict comes from the indicator page's own presenter (`IndicatorPresenter`), so the
// briefing never says something the indicator's page does not.

/// `briefing.mustache`: the values of one outcome's briefing.
struct BriefingPage: PageModel {
    static let template = "briefing"
    var layout: PageLayout
    var summary: String?
    var outcomeHref: String
    var asOf: String?
    var asOfISO: String?
    var indicators: [BriefingIndicator]
    var commitments: [BriefingCommitment]
    var sources: [BriefingSource]

    static let keys = TemplateKeys<Self>(page: [
        .text("summary", "The outcome's summary.", \.summary),
        .text("outcome_href", "Link to the outcome's page.", \.outcomeHref),
        .text(
            "as_of", "The newest date in the briefing's data (indicators' `updated`, commitments' `assessed_on`), as people write it.",
            \.asOf),
        .text("as_of_iso", "The same date as YYYY-MM-DD, for `<time datetime>`.", \.asOfISO),
        .list("indicators", "Each indicator the outcome lists, in its order.", \.indicators),
        .flag("has_indicators", "Whether the outcome lists any indicators.", { !$0.indicators.isEmpty }),
        .list("commitments", "Each commitment that lists one of the outcome's indicators, in site order.", \.commitments),
        .flag("has_commitments", "Whether any commitment lists one of the outcome's indicators.", { !$0.commitments.isEmpty }),
        .list("sources", "Each source of the indicators' figures, once.", \.sources),
        .flag("has_sources", "Whether there are any sources.", { !$0.sources.isEmpty }),
    ])
}

/// One indicator in a briefing: what its own page says at the top, its chart and its source.
struct BriefingIndicator: TemplateModel {
    var id: String
    var title: String
    var href: String
    var url: String
    var summary: String?
    var headline: String
    var newerGap: String?
    var reliabilityNote: String?
    var direction: IndicatorPage.Direction
    var comparisons: [IndicatorPage.Comparison]
    var target: IndicatorPage.Target?
    var chart: String
    var chartNarrow: String
    var chartKey: String?
    var source: IndicatorPage.Source
    var updated: DayText?
    var nextUpdate: DayText?

    static let keys = TemplateKeys<Self>([
        .text("id", "The indicator's id, for the section's `id`.", \.id),
        .text("title", "The indicator's title.", \.title),
        .text("href", "Link to its page.", \.href),
        .text("url", "Its page's public address, from `base_url`, printed beside the link.", \.url),
        .text("summary", "Its summary.", \.summary),
        .text("headline", "The latest figure with its unit and period, as on its page.", \.headline),
        .text("newer_gap", "Said when the newest period has no figure.", \.newerGap),
        .text("reliability_note", "Said when the latest rate rests on fewer than 10 events.", \.reliabilityNote),
        .record("direction", "The direction of travel, as on its page.", \.direction),
        .list("comparisons", "The comparisons, as on its page.", \.comparisons),
        .record("target", "Its target, if it has one.", \.target),
        .html("chart", "The trend chart, as SVG.", \.chart),
        .html("chart_narrow", "The trend chart drawn for a narrow screen.", \.chartNarrow),
        .text("chart_key", "What a hollow point or a break in the line means, when the chart has them.", \.chartKey),
        .record("source", "Where the figures come from.", \.source),
        .record("updated", "When the figures were last updated from the source (`updated`).", \.updated),
        .record("next_update", "When the source next publishes (`next_update`).", \.nextUpdate),
        .flag("has_updates", "Whether either date is given.", { $0.updated != nil || $0.nextUpdate != nil }),
    ])
}

/// A commitment in a briefing, with its status and who assessed it and when.
struct BriefingCommitment: TemplateModel {
    var title: String
    var href: String
    var url: String
    var summary: String?
    var status: CommitmentStatusValues

    static let keys = TemplateKeys<Self>(
        [
            .text("title", "The commitment's title.", \.title),
            .text("href", "Link to its page.", \.href),
            .text("url", "Its page's public address, from `base_url`, printed beside the link.", \.url),
            .text("summary", "Its summary.", \.summary),
        ], including: [TemplatePart(CommitmentStatusValues.self) { $0.status.templateValue(symbol: $1, named: $2) }])
}

/// A source of a briefing's figures, listed once however many indicators it gives.
struct BriefingSource: TemplateModel {
    var publisher: String
    var title: String
    var url: String?
    var licence: String

    static let keys = TemplateKeys<Self>([
        .text("publisher", "Who publishes the figures.", \.publisher),
        .text("title", "The publication's title.", \.title),
        .text("url", "Its address.", \.url),
        .text("licence", "Its licence, or \"Not stated by the source\".", \.licence),
    ])
}

/// Makes an outcome's briefing from the site and the indicators' presenters.
struct Briefing {
    let outcome: ContentPage
    let site: Site
    let presenter: (Indicator) -> IndicatorPresenter
    /// Each indicator's trend chart, already drawn for its page and file, by id (an indicator not here is drawn anew).
    var charts: [String: TrendChart.Drawings] = [:]

    /// The outcome's indicators, each once, in the order the outcome lists them.
    var indicators: [Indicator] {
        var seen = Set<String>()
        return outcome.indicatorIDs.compactMap { site.indicator($0.value) }.filter { seen.insert($0.id).inserted }
    }

    /// The commitments that list any of the outcome's indicators, in site order.
    var commitments: [ContentPage] {
        let ids = Set(outcome.indicatorIDs.map(\.value))
        return site.commitments.filter { commitment in commitment.indicatorIDs.contains { ids.contains($0.value) } }
    }

    /// The newest date the briefing's data carry: an indicator's `updated` or a commitment's `assessed_on`.
    /// Not the day of the build, so building twice gives the same briefing.
    var asOf: CalendarDate? {
        let updated = indicators.compactMap { $0.updated.flatMap { CalendarDate(iso: $0.value) } }
        let assessed = commitments.compactMap { $0.assessment?.on?.value }
        return (updated + assessed).max()
    }

    func page(layout: PageLayout, at address: PageAddress) -> BriefingPage {
        let indicators = indicators.map { record(of: $0, at: address) }
        let date = asOf
        return BriefingPage(
            layout: layout, summary: TemplateText.optional(outcome.summary), outcomeHref: address.link(to: outcome.outputDirectory),
            asOf: date?.long(site.words), asOfISO: date?.description, indicators: indicators,
            commitments: commitments.map { commitment in
                BriefingCommitment(
                    title: commitment.title, href: address.link(to: commitment.outputDirectory),
                    url: PageAddress(directory: commitment.outputDirectory).absoluteURL(base: site.config.baseURL),
                    summary: TemplateText.optional(commitment.summary),
                    status: CommitmentStatusValues(of: commitment, config: site.config, words: site.words))
            },
            sources: sources(of: indicators))
    }

    /// What the indicator's page says at the top, each value made by the presenter as it makes the page's
    /// (`IndicatorPresenter.page`), without the page's table, breakdowns and download labels.
    private func record(of indicator: Indicator, at address: PageAddress) -> BriefingIndicator {
        let route = Route.indicator(id: indicator.id)
        let presenter = presenter(indicator)
        let chart = presenter.drawings(charts[indicator.id])
        return BriefingIndicator(
            id: indicator.id, title: indicator.title, href: address.link(to: route),
            url: PageAddress(directory: route.path).absoluteURL(base: site.config.baseURL),
            summary: TemplateText.optional(indicator.summary), headline: presenter.headline,
            newerGap: TemplateText.optional(presenter.newerGap), reliabilityNote: TemplateText.optional(presenter.reliabilityNote),
            direction: presenter.direction, comparisons: presenter.comparisons(), target: presenter.targetValues, chart: chart.wide,
            chartNarrow: chart.narrow, chartKey: TemplateText.optional(presenter.chartKey), source: presenter.sourceValues,
            updated: presenter.day(indicator.updated), nextUpdate: presenter.day(indicator.nextUpdate))
    }

    private func sources(of indicators: [BriefingIndicator]) -> [BriefingSource] {
        var seen = Set<[String]>()
        return indicators.map(\.source).filter { seen.insert([$0.publisher, $0.title, $0.url ?? ""]).inserted }.map {
            BriefingSource(publisher: $0.publisher, title: $0.title, url: $0.url, licence: $0.licence)
        }
    }
}
