/// `embed.mustache`: an indicator's chart, its table and its source on a page of their own
/// (`embed/<id>/`), made to be shown in another site's `<iframe>`. It has no header,
/// navigation or footer (so no skip link: there is nothing to skip), says `noindex`, and its
/// canonical link names the indicator's own page, which is the one search engines should list.
struct EmbedPage: PageModel {
    static let template = "embed"
    var layout: PageLayout
    /// The indicator's own page, absolute from `base_url` (which every site.yml has).
    var indicatorURL: String
    var chart: String
    var chartNarrow: String
    var chartKey: String?
    var table: DataTable
    var source: IndicatorPage.Source
    var latestPeriod: String?
    var updated: DayText?
    var nextUpdate: DayText?

    static let keys = TemplateKeys<Self>(page: [
        .text(
            "indicator_url",
            "The indicator's own page's public address, for the canonical link and the link out of the frame.",
            \.indicatorURL),
        .html("chart", "The trend chart, as SVG (the same as on the indicator's page).", \.chart),
        .html("chart_narrow", "The trend chart drawn for a narrow screen.", \.chartNarrow),
        .text("chart_key", "What a hollow point or a break in the line means, when the chart has them.", \.chartKey),
        .record("table", "The data table: the chart's figures, latest first.", \.table),
        .record("source", "Where the figures come from.", \.source),
        .text("latest_period", "The latest period with a figure, as readers write it.", \.latestPeriod),
        .record("updated", "When the figures were last updated from the source (`updated`).", \.updated),
        .record("next_update", "When the source next publishes (`next_update`).", \.nextUpdate),
        .flag("has_updates", "Whether either date is given.", { $0.updated != nil || $0.nextUpdate != nil }),
    ])
}

/// The code a reader copies from an indicator's page to show its chart on another site: an
/// `<iframe>` of the embed page, and an `<img>` of the chart's SVG file. Both name the files by
/// their public address, from `base_url` (a relative address would point into the other site).
struct EmbedCode: TemplateModel {
    /// The `<iframe>` element, as text to copy (the template escapes it once more for the page).
    var iframe: String
    /// The `<img>` element.
    var image: String

    /// The width is the style's `width:100%`: HTML's `width` attribute takes only pixels.
    /// Tall enough for the heading, the wide chart, the closed table and the source without a
    /// scroll bar at most widths; a narrow frame scrolls inside.
    static let height = 760

    static let keys = TemplateKeys<Self>([
        .text("iframe", "The `<iframe>` code for the embed page, to copy.", \.iframe),
        .text("image", "The `<img>` code for the chart's SVG file, to copy.", \.image),
    ])
}

extension EmbedCode {
    /// The code for `indicator`.
    /// - Parameter chartDescription: what the chart shows, for the image's text alternative.
    init(indicator: Indicator, site: Site, chartDescription: String) {
        let base = site.config.baseURL
        let title = site.words(.embedIframeTitle, ["indicator": indicator.title])
        iframe =
            "<iframe src=\"\(Markup.escape(base + Route.embed(id: indicator.id).path))\" title=\"\(Markup.escape(title))\""
            + " height=\"\(Self.height)\" loading=\"lazy\" style=\"width:100%;border:0\"></iframe>"
        image =
            "<img src=\"\(Markup.escape(base + Route.indicatorChart(id: indicator.id).path))\""
            + " alt=\"\(Markup.escape(chartDescription))\" style=\"max-width:100%;height:auto\">"
    }
}

extension IndicatorPresenter {
    /// The values of the indicator's embed page, but for its layout.
    /// - Parameters:
    ///   - indicatorURL: the indicator's own page's public address.
    ///   - full: the values of the indicator's page, whose chart drawings, table and source it shows.
    func embed(layout: PageLayout, indicatorURL: String, sharing full: IndicatorPage) -> EmbedPage {
        EmbedPage(
            layout: layout, indicatorURL: indicatorURL, chart: full.chart, chartNarrow: full.chartNarrow, chartKey: full.chartKey,
            table: full.table, source: full.source,
            latestPeriod: indicator.series.last(where: { $0.value != nil }).map { PeriodText.display($0.period, words) },
            updated: full.updated, nextUpdate: full.nextUpdate)
    }
}
