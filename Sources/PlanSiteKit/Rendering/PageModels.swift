/// The values of each kind of page, one type per template. Every page also has the
/// layout's keys (`PageLayout`); the records inside pages are declared beside them.

/// `home.mustache`: the priority's own page.
struct HomePage: PageModel {
    static let template = "home"
    var layout: PageLayout
    var summary: String?
    var content: String
    var image: PageImage?
    var outcomes: [OutcomeCard]
    var commitments: [CommitmentCard]
    var siblings: [SiblingCard]
    var glance: Glance

    static let keys = TemplateKeys<Self>(page: [
        .text("summary", "The priority's summary.", \.summary),
        .html("content", "The priority's Markdown, as HTML.", \.content),
        .record("image", "The priority's image, if it has one.", \.image),
        .list("outcomes", "Each target outcome, in site order.", \.outcomes),
        .list("commitments", "Each commitment (major development), in site order.", \.commitments),
        .flag("has_commitments", "Whether there are any commitments.", { !$0.commitments.isEmpty }),
        .list("siblings", "The other priorities (`siblings` in site.yml).", \.siblings),
        .flag("has_siblings", "Whether there are other priorities.", { !$0.siblings.isEmpty }),
        .record("glance", "The headline indicators of each outcome, as on the at-a-glance page.", \.glance),
    ])
}

/// `outcome.mustache`: a target outcome and the indicators that track it.
struct OutcomePage: PageModel {
    static let template = "outcome"
    var layout: PageLayout
    var summary: String?
    var content: String
    var indicators: [IndicatorTile]
    var hasIndicators: Bool
    var image: PageImage?
    var briefingHref: String

    static let keys = TemplateKeys<Self>(page: [
        .text("summary", "The outcome's summary.", \.summary),
        .html("content", "The outcome's Markdown, as HTML.", \.content),
        .list("indicators", "A tile for each indicator the outcome lists.", \.indicators),
        .flag("has_indicators", "Whether the outcome lists any indicators.", \.hasIndicators),
        .record("image", "The outcome's image, if it has one.", \.image),
        .text("briefing_href", "Link to the outcome's printable briefing.", \.briefingHref),
    ])
}

/// `commitment.mustache`: a commitment, its status and its progress against targets.
struct CommitmentPage: PageModel {
    static let template = "commitment"
    var layout: PageLayout
    var summary: String?
    var content: String
    var due: String?
    var status: CommitmentStatusValues
    var indicators: [IndicatorTile]
    var hasIndicators: Bool
    var targets: [TargetProgress.Record]
    var image: PageImage?

    static let keys = TemplateKeys<Self>(
        page: [
            .text("summary", "The commitment's summary.", \.summary),
            .html("content", "The commitment's Markdown, as HTML.", \.content),
            .text("due", "When it is due (`due`).", \.due),
            .list("indicators", "A tile for each indicator the commitment lists.", \.indicators),
            .flag("has_indicators", "Whether the commitment lists any indicators.", \.hasIndicators),
            .list("targets", "Progress toward each target whose indicator exists.", \.targets),
            .flag("has_targets", "Whether there is progress to show.", { !$0.targets.isEmpty }),
            .record("image", "The commitment's image, if it has one.", \.image),
        ], including: [TemplatePart(CommitmentStatusValues.self) { $0.status.templateValue(symbol: $1, named: $2) }])
}

/// `page.mustache`: a page of words (about the data, accessibility…).
struct PlainPage: PageModel {
    static let template = "page"
    var layout: PageLayout
    var summary: String?
    var content: String
    var statement: AccessibilityStatement.Record?
    var image: PageImage?

    static let keys = TemplateKeys<Self>(page: [
        .text("summary", "The page's summary.", \.summary),
        .html("content", "The page's Markdown, as HTML.", \.content),
        .record("statement", "The accessibility statement's test results: only on `pages/accessibility.md`.", \.statement),
        .record("image", "The page's image, if it has one.", \.image),
    ])
}

/// `at-a-glance.mustache`: every indicator and commitment in two tables.
struct AtAGlancePage: PageModel {
    static let template = "at-a-glance"
    var layout: PageLayout
    var glance: Glance

    static let keys = TemplateKeys<Self>(page: [
        .record("glance", "Every indicator under its outcome, and every commitment.", \.glance)
    ])
}

/// `indicators.mustache`: every indicator A to Z and by outcome, the finder, and the whole-site downloads.
struct IndicatorsPage: PageModel {
    static let template = "indicators"
    var layout: PageLayout
    var rows: [IndicatorRow]
    var groups: [IndicatorGroup]
    var finder: IndicatorFinder
    var finderScript: String
    var downloads: [DownloadLink]

    static let keys = TemplateKeys<Self>(page: [
        .list("rows", "Each indicator, by title.", \.rows),
        .list("groups", "Each outcome that lists indicators, then the indicators no outcome lists.", \.groups),
        .record("finder", "The words of the finder, for its script.", \.finder),
        .text("finder_script", "Link to `assets/finder.js`.", \.finderScript),
        .list("downloads", "The downloads of every indicator's figures (CSV, JSON).", \.downloads),
    ])
}

/// `indicator.mustache`: one indicator's figures, chart, comparisons, table and source.
struct IndicatorPage: PageModel {
    static let template = "indicator"
    var layout: PageLayout
    var summary: String?
    var headline: String
    var newerGap: String?
    var reliabilityNote: String?
    var unit: String
    var geography: String
    var direction: Direction
    var comparisons: [Comparison]
    var target: Target?
    var chart: String
    var chartNarrow: String
    var chartKey: String?
    var chartHref: String
    var chartLabel: String
    var table: DataTable
    var breakdowns: [BreakdownPresenter.Record]
    var csvHref: String
    var csvLabel: String
    var source: Source
    var secondary: Bool
    var provenance: String
    var notes: String?
    var evidences: [LinkItem]
    /// When the figures were last updated from the source (`updated`).
    var updated: DayText?
    /// When the source next publishes (`next_update`).
    var nextUpdate: DayText?
    /// The code to show the chart on another site, from `base_url`; set by the renderer.
    var embed: EmbedCode? = nil

    static let keys = TemplateKeys<Self>(page: [
        .text("summary", "The indicator's summary.", \.summary),
        .text("headline", "The latest figure with its unit and period: \"81.2 years in 2019-21\".", \.headline),
        .text("newer_gap", "Said when the newest period has no figure.", \.newerGap),
        .text("reliability_note", "Said when the latest rate rests on fewer than 10 events.", \.reliabilityNote),
        .text("unit", "The unit (`unit`).", \.unit),
        .text("geography", "The area the figures are for (`geography`).", \.geography),
        .record("direction", "The direction of travel.", \.direction),
        .list("comparisons", "The comparison with the national figure, then the regional one where there are its figures.", \.comparisons),
        .record("target", "The indicator's target, if it has one.", \.target),
        .html("chart", "The trend chart, as SVG.", \.chart),
        .html("chart_narrow", "The trend chart drawn for a narrow screen.", \.chartNarrow),
        .text("chart_key", "What a hollow point or a break in the line means, when the chart has them.", \.chartKey),
        .text("chart_href", "Link to the trend chart as a standalone SVG file.", \.chartHref),
        .text("chart_label", "The chart file's format and size: \"SVG, 12 KB\".", \.chartLabel),
        .record("table", "The data table: the chart's figures, latest first.", \.table),
        .list("breakdowns", "Each breakdown (figures by age, sex…).", \.breakdowns),
        .flag("has_breakdowns", "Whether there are breakdowns.", { !$0.breakdowns.isEmpty }),
        .text("csv_href", "Link to this indicator's CSV file.", \.csvHref),
        .text("csv_label", "The CSV file's format and size: \"CSV, 2 KB\".", \.csvLabel),
        .record("source", "Where the figures come from.", \.source),
        .flag("secondary", "Whether the figures are quoted from a secondary source.", \.secondary),
        .text("provenance", "Primary or secondary, said in a sentence.", \.provenance),
        .html("notes", "The indicator's notes (`notes`), as HTML.", \.notes),
        .list("evidences", "The outcomes and commitments that list the indicator.", \.evidences),
        .flag("has_evidences", "Whether any outcome or commitment lists it.", { !$0.evidences.isEmpty }),
        .record("updated", "When the figures were last updated from the source (`updated`).", \.updated),
        .record("next_update", "When the source next publishes (`next_update`).", \.nextUpdate),
        .flag("has_updates", "Whether either date is given.", { $0.updated != nil || $0.nextUpdate != nil }),
        .record("embed", "The code to show the chart on another site (`<iframe>` and `<img>`), from `base_url`.", \.embed),
    ])
}

/// `not-found.mustache`: 404.html, served at any address, so its links are absolute.
struct NotFoundPage: PageModel {
    static let template = "not-found"
    var layout: PageLayout
    var indicatorsHref: String

    static let keys = TemplateKeys<Self>(page: [
        .text("indicators_href", "Link to the indicators page.", \.indicatorsHref)
    ])
}

/// Every page kind and its template, for the key reference and the lint.
enum PageKinds {
    static let all: [(template: String, keys: TemplateKeyList)] = [
        HomePage.kind, OutcomePage.kind, CommitmentPage.kind, PlainPage.kind, IndicatorPage.kind, IndicatorsPage.kind,
        AtAGlancePage.kind, NotFoundPage.kind, BriefingPage.kind, EmbedPage.kind,
    ]
}

extension PageModel {
    fileprivate static var kind: (template: String, keys: TemplateKeyList) { (template, .of(Self.self)) }
}

// MARK: Records on more than one kind of page

/// A page's image (`image` in its front matter).
struct PageImage: TemplateModel {
    var src: String
    var alt: String
    var decorative: Bool

    static let keys = TemplateKeys<Self>([
        .text("src", "Link to the image.", \.src),
        .text("alt", "Its text alternative; empty when it is decorative.", \.alt),
        .flag("decorative", "Whether it is decorative (`decorative: true`).", \.decorative),
    ])
}

/// An outcome on the home page, with its headline indicators.
struct OutcomeCard: TemplateModel {
    var title: String
    var summary: String?
    var href: String
    var indicators: [IndicatorTile]
    var hasIndicators: Bool

    static let keys = TemplateKeys<Self>([
        .text("title", "The outcome's title.", \.title),
        .text("summary", "Its summary.", \.summary),
        .text("href", "Link to its page.", \.href),
        .list("indicators", "Tiles for its headline indicators (two at most).", \.indicators),
        .flag("has_indicators", "Whether it lists any indicators.", \.hasIndicators),
    ])
}

/// A commitment on the home page, with its status and progress.
struct CommitmentCard: TemplateModel {
    var title: String
    var summary: String?
    var href: String
    var status: CommitmentStatusValues
    var progress: [TargetProgress.Record]

    static let keys = TemplateKeys<Self>(
        [
            .text("title", "The commitment's title.", \.title),
            .text("summary", "Its summary.", \.summary),
            .text("href", "Link to its page.", \.href),
            .list("progress", "Progress toward each target whose indicator exists.", \.progress),
        ], including: [TemplatePart(CommitmentStatusValues.self) { $0.status.templateValue(symbol: $1, named: $2) }])
}

/// Another priority, on the home page.
struct SiblingCard: TemplateModel {
    var title: String
    var summary: String?
    var url: String

    static let keys = TemplateKeys<Self>([
        .text("title", "The priority's title.", \.title),
        .text("summary", "Its summary.", \.summary),
        .text("url", "Its address; empty when it has none.", \.url),
    ])
}

/// The whole-site downloads on the indicators page.
struct DownloadLink: TemplateModel {
    var title: String
    var href: String
    var format: String
    var size: String

    static let keys = TemplateKeys<Self>([
        .text("title", "What the file holds.", \.title),
        .text("href", "Link to the file.", \.href),
        .text("format", "CSV or JSON.", \.format),
        .text("size", "Its size: \"2 KB\".", \.size),
    ])
}

extension DownloadLink {
    /// Links to the whole-site downloads among `files`, with format and size, e.g. "CSV, 2 KB".
    static func all(to files: [OutputFile], at address: PageAddress, words: Words) -> [DownloadLink] {
        [(Route.allIndicatorsCSV, words(.formatCsv)), (Route.allIndicatorsJSON, words(.formatJson))].compactMap { route, format in
            guard let file = files.first(where: { $0.path == route.path }) else { return nil }
            return DownloadLink(
                title: words(.downloadsAllIndicators), href: address.link(to: route), format: format,
                size: DataDownloads.sizeLabel(file.contents.count, words: words))
        }
    }
}
