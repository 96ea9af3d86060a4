import Foundation

/// One page to render: its template and the values the template sees.
public struct PageRender: Sendable {
    public var template: String
    public var path: String
    /// The page's values: a `PageModel` (`HomePage`, `IndicatorPage`…) until it is rendered.
    var values: any TemplateModel
}

/// What a page's values are replaced with once it is rendered: nothing.
struct EmptiedValues: TemplateModel {
    static let keys = TemplateKeys<Self>([])
}

/// Turns an assembled site into the pages of the built site: first each page's
/// template values, then (in the render stage) the filled templates.
public struct SiteRenderer: Sendable {
    public var site: Site
    public var templates: TemplateLibrary
    /// Resolves the addresses written in content to the files they name.
    var links: LinkRules
    /// Each Markdown body, already rendered for its page.
    var markdown: [String: RenderedMarkdown]
    /// The open data files, and their sizes by path: pages link to them with their sizes.
    var downloads: [OutputFile]
    private var downloadSizes: [String: Int]
    /// The outcomes and commitments that list each indicator, in site order. Built once:
    /// asking every page for every indicator was quadratic (6% of a 10,000-indicator build).
    private var listedBy: [String: [ContentPage]]
    private var presenters: [String: IndicatorPresenter] = [:]
    /// Each indicator's trend chart as its page shows it, by indicator id, when already drawn with
    /// the chart's file (`TrendChartFile.drawn`); an indicator not here has its chart drawn for its page.
    var trendCharts: [String: TrendChart.Drawings] = [:]
    /// What every page's layout shares.
    private let siteLayout: SiteLayout

    public init(assembly: SiteAssembly, templates: TemplateLibrary) {
        self.site = assembly.site
        siteLayout = SiteLayout(site: assembly.site, links: assembly.links)
        self.templates = templates
        self.links = assembly.links
        self.markdown = assembly.markdown
        self.downloads = assembly.downloads
        downloadSizes = Dictionary(assembly.downloads.map { ($0.path, $0.contents.count) }, uniquingKeysWith: { first, _ in first })
        var listedBy: [String: [ContentPage]] = [:]
        for page in assembly.site.outcomes + assembly.site.commitments {
            // A page that lists an indicator twice is still one page that tracks it.
            for id in Set(page.indicatorIDs.map(\.value)) { listedBy[id, default: []].append(page) }
        }
        self.listedBy = listedBy
    }

    /// Fills each page's template with its values, on every core, emptying each page's
    /// values once it is filled: when `contexts` holds the only copy, they are freed as the
    /// pages are made, so the values and the finished pages are never all in memory at once.
    public func render(_ contexts: inout [PageRender], parallel: Bool = true) -> [OutputFile] {
        let templates = templates
        return Parallel.consume(&contexts, enabled: parallel) { page in
            OutputFile(path: page.path, contents: templates.render(page.values, with: page.template))
        } emptying: {
            $0.values = EmptiedValues()
        }
    }

    /// Size in bytes of a download, by its path under the output folder.
    func downloadSize(_ path: String) -> Int {
        downloadSizes[path] ?? 0
    }

    /// Every page's template and the values it is rendered with, in output order.
    /// `check` reads these to find template keys that no page provides.
    public func pageContexts(parallel: Bool = true) -> [PageRender] {
        eachPage(parallel: parallel) { $0 }
    }

    /// Makes each page's values and hands them to `use` on the core that made them, in the
    /// order of `Route.pages`; the values are dropped when `use` returns. `build` fills and
    /// writes each page there and then, so the values of all the pages are never held at once
    /// (at 10,000 indicators they were 200 MiB, which left every later allocation slower).
    func eachPage<Result>(parallel: Bool = true, _ use: @Sendable (PageRender) -> Result) -> [Result] {
        // One presenter per indicator, so its page, tiles and rows share one answer for its
        // direction of travel and comparison instead of working them out four times.
        let site = site
        var renderer = self
        let presenters = Parallel.map(site.indicators, enabled: parallel) { IndicatorPresenter(indicator: $0, site: site) }
        renderer.presenters = Dictionary(presenters.map { ($0.indicator.id, $0) }, uniquingKeysWith: { first, _ in first })
        var jobs: [PageJob] = [.home]
        jobs += site.outcomes.map(PageJob.outcome) + site.commitments.map(PageJob.commitment) + site.pages.map(PageJob.plain)
        jobs += [.atAGlance, .indicatorIndex] + site.indicators.map(PageJob.indicator) + [.notFound]
        jobs += site.outcomes.map(PageJob.briefing)
        let finished = renderer
        // An indicator's job also makes its embed page, from the same chart drawings and table
        // (one drawing, one copy in memory); the embed pages come last, as `Route.pages` lists them.
        let made = Parallel.map(jobs, enabled: parallel) { job in
            let pages = finished.contexts(for: job)
            return (page: use(pages.page), embed: pages.embed.map(use))
        }
        // The presenters are freed beside the render stage, not here while the other core waits.
        Teardown.inBackground((renderer, finished, presenters, jobs))
        return made.map(\.page) + made.compactMap(\.embed)
    }

    /// One page to make values for; every kind is made on every core.
    private enum PageJob: Sendable {
        case home
        case outcome(ContentPage)
        case commitment(ContentPage)
        case plain(ContentPage)
        case atAGlance, indicatorIndex
        case indicator(Indicator)
        case notFound
        case briefing(ContentPage)
    }

    private func contexts(for job: PageJob) -> (page: PageRender, embed: PageRender?) {
        guard case .indicator(let indicator) = job else { return (context(for: job), nil) }
        return renderIndicator(indicator)
    }

    private func context(for job: PageJob) -> PageRender {
        switch job {
        case .home: renderHome()
        case .outcome(let page): renderOutcome(page)
        case .commitment(let page): renderCommitment(page)
        case .plain(let page): renderPlainPage(page)
        case .atAGlance: renderAtAGlance()
        case .indicatorIndex: renderIndicatorIndex()
        case .indicator(let indicator): renderIndicator(indicator).page
        case .notFound: renderNotFound()
        case .briefing(let outcome): renderBriefing(outcome)
        }
    }

    /// The indicator's presenter, made once per build by `pageContexts`.
    func presenter(for indicator: Indicator) -> IndicatorPresenter {
        presenters[indicator.id] ?? IndicatorPresenter(indicator: indicator, site: site)
    }

    // MARK: Page kinds

    private func renderHome() -> PageRender {
        let page = site.priority
        let address = address(of: .home)
        let values = HomePage(
            layout: layout(for: page.title, summary: page.summary, at: address, trail: [], current: .home),
            summary: TemplateText.optional(page.summary),
            content: body(of: page),
            image: image(of: page, at: address),
            outcomes: site.outcomes.map { outcomeSummary($0, from: address) },
            commitments: site.commitments.map { commitmentSummary($0, from: address) },
            siblings: site.siblings.map { sibling in
                SiblingCard(title: sibling.title, summary: TemplateText.optional(sibling.summary), url: sibling.url ?? "")
            },
            glance: AtAGlance(site: site, presenter: presenter).values(at: address, limit: 2))
        return self.page(values, at: address)
    }

    private func renderOutcome(_ outcome: ContentPage) -> PageRender {
        let address = address(of: outcome)
        let values = OutcomePage(
            layout: layout(for: outcome.title, summary: outcome.summary, at: address, trail: [home], current: nil),
            summary: TemplateText.optional(outcome.summary),
            content: body(of: outcome),
            indicators: tiles(for: outcome, at: address),
            hasIndicators: !outcome.indicatorIDs.isEmpty,
            image: image(of: outcome, at: address),
            briefingHref: address.link(to: .briefing(slug: outcome.slug)))
        return page(values, at: address)
    }

    private func renderCommitment(_ commitment: ContentPage) -> PageRender {
        let address = address(of: commitment)
        let values = CommitmentPage(
            layout: layout(for: commitment.title, summary: commitment.summary, at: address, trail: [home], current: nil),
            summary: TemplateText.optional(commitment.summary),
            content: body(of: commitment),
            due: TemplateText.optional(commitment.due),
            status: CommitmentStatusValues(of: commitment, config: site.config, words: site.words),
            indicators: tiles(for: commitment, at: address),
            hasIndicators: !commitment.indicatorIDs.isEmpty,
            targets: progress(of: commitment, at: address),
            image: image(of: commitment, at: address))
        return page(values, at: address)
    }

    private func renderPlainPage(_ page: ContentPage) -> PageRender {
        let address = address(of: page)
        let values = PlainPage(
            layout: layout(for: page.title, summary: page.summary, at: address, trail: [home], current: page.route),
            summary: TemplateText.optional(page.summary),
            content: body(of: page),
            statement: AccessibilityStatement.record(for: page, site: site),
            image: image(of: page, at: address))
        return self.page(values, at: address)
    }

    private func renderAtAGlance() -> PageRender {
        let address = address(of: .atAGlance)
        let layout = layout(
            for: site.words(.atAGlanceTitle),
            summary: site.words(
                .atAGlanceDescription, ["site_title": site.config.title, "national": site.config.nationalComparator]),
            at: address, trail: [home], current: .atAGlance)
        let values = AtAGlancePage(layout: layout, glance: AtAGlance(site: site, presenter: presenter).values(at: address))
        return page(values, at: address)
    }

    private func renderIndicatorIndex() -> PageRender {
        let address = address(of: .indicators)
        let layout = layout(
            for: site.words(.indicatorsTitle),
            summary: site.words(
                .indicatorsDescription, ["site_title": site.config.title, "national": site.config.nationalComparator]),
            at: address, trail: [home], current: .indicators)
        // Readers scan by name, not by file name: sort by title (then id, so the order is stable).
        // Each title is lowercased once, not twice per comparison (about 270,000 times at 10,000 indicators).
        let indicators = site.indicators
        let keys = indicators.map { $0.title.lowercased() }
        let byTitle = indicators.indices.sorted { (keys[$0], indicators[$0].id) < (keys[$1], indicators[$1].id) }.map { indicators[$0] }
        let values = IndicatorsPage(
            layout: layout, rows: byTitle.map { presenter(for: $0).row(at: address) },
            groups: indicatorGroups(byTitle: byTitle, at: address),
            finder: IndicatorFinder(
                label: site.words(.finderLabel),
                statuses: site.words.forms(.finderStatus).map { FinderStatus(category: $0.category.rawValue, text: $0.text) },
                fullTextSearch: site.config.fullTextSearch ? address.link(to: .fullTextSearchScript) : nil),
            finderScript: address.link(to: .asset("finder.js")),
            downloads: DownloadLink.all(to: downloads, at: address, words: site.words))
        return page(values, at: address)
    }

    /// Each outcome with its indicators, in site order; then every indicator no outcome lists, by title.
    private func indicatorGroups(byTitle: [Indicator], at address: PageAddress) -> [IndicatorGroup] {
        var listed = Set<String>()
        var groups = site.outcomes.enumerated().compactMap { index, outcome -> IndicatorGroup? in
            let indicators = outcome.indicatorIDs.compactMap { site.indicator($0.value) }
            guard !indicators.isEmpty else { return nil }
            listed.formUnion(indicators.map(\.id))
            return IndicatorGroup(
                title: outcome.title, href: address.link(to: outcome.outputDirectory), id: "outcome-\(index + 1)",
                rows: indicators.map { presenter(for: $0).row(at: address) })
        }
        let others = byTitle.filter { !listed.contains($0.id) }
        if !others.isEmpty {
            groups.append(
                IndicatorGroup(
                    title: site.words(.indicatorsNoOutcomeHeading), href: "", id: "outcome-none",
                    rows: others.map { presenter(for: $0).row(at: address) }))
        }
        return groups
    }

    /// The indicator's page and its embed page.
    private func renderIndicator(_ indicator: Indicator) -> (page: PageRender, embed: PageRender) {
        let address = address(of: .indicator(id: indicator.id))
        let trail = [home, (title: site.words(.indicatorsTitle), route: Route.indicators)]
        var layout = layout(for: indicator.title, summary: indicator.summary, at: address, trail: trail, current: nil)
        layout.structuredData = DatasetStructuredData.json(for: indicator, site: site)
        let notes = indicator.notes == nil ? nil : markdown[indicator.path]?.html
        let presenter = presenter(for: indicator)
        let chart = presenter.drawings(trendCharts[indicator.id])
        var values = presenter.page(
            layout: layout, at: address, notesHTML: notes, csvBytes: downloadSize(Route.indicatorCSV(id: indicator.id).path),
            chartBytes: downloadSize(Route.indicatorChart(id: indicator.id).path), chart: chart,
            evidences: evidencedBy(indicator).map { LinkItem(title: $0.title, href: address.link(to: $0.outputDirectory)) })
        values.embed = EmbedCode(indicator: indicator, site: site, chartDescription: chart.description)
        return (page(values, at: address), renderEmbed(indicator, sharing: values))
    }

    private func renderNotFound() -> PageRender {
        // Served at any depth by the host, so its links are absolute from the site's base URL.
        let address = address(of: .notFound)
        let values = NotFoundPage(
            layout: layout(for: site.words(.notFoundTitle), summary: nil, at: address, trail: [], current: nil),
            indicatorsHref: address.link(to: .indicators))
        return page(values, at: address)
    }

    private func renderBriefing(_ outcome: ContentPage) -> PageRender {
        let address = address(of: .briefing(slug: outcome.slug))
        let title = site.words(.briefingTitle, ["outcome": outcome.title])
        let trail = [home, (title: outcome.title, route: Route.outcome(slug: outcome.slug))]
        let summary = site.words(.briefingDescription, ["outcome": outcome.title])
        let layout = layout(for: title, summary: summary, at: address, trail: trail, current: nil)
        let briefing = Briefing(outcome: outcome, site: site, presenter: presenter, charts: trendCharts)
        return page(briefing.page(layout: layout, at: address), at: address)
    }

    /// The embed page, with the chart and table of the indicator's page: no trail or navigation
    /// is shown, and its canonical link names the indicator's page.
    private func renderEmbed(_ indicator: Indicator, sharing full: IndicatorPage) -> PageRender {
        let address = address(of: .embed(id: indicator.id))
        let url = site.config.baseURL + Route.indicator(id: indicator.id).path
        let layout = layout(for: indicator.title, summary: indicator.summary, at: address, trail: [], current: nil)
        return page(presenter(for: indicator).embed(layout: layout, indicatorURL: url, sharing: full), at: address)
    }

    // MARK: Pieces

    private var home: (title: String, route: Route) { (site.priority.title, .home) }

    /// Where the page at `route` is, for the links it makes.
    private func address(of route: Route) -> PageAddress {
        route.address(baseURL: site.config.baseURL) ?? PageAddress(directory: route.path)
    }

    private func address(of page: ContentPage) -> PageAddress {
        page.route.map(address(of:)) ?? PageAddress(directory: page.outputDirectory)
    }

    private func layout(
        for title: String, summary: String?, at address: PageAddress,
        trail: [(title: String, route: Route)], current: Route?
    ) -> PageLayout {
        PageLayout(
            site: site, shared: siteLayout, address: address, title: title, description: summary,
            trail: trail, navigationCurrent: current)
    }

    private func page<Page: PageModel>(_ values: Page, at address: PageAddress) -> PageRender {
        PageRender(template: Page.template, path: address.outputPath, values: values)
    }

    /// The page's Markdown, rendered in the assemble stage.
    func body(of page: ContentPage) -> String {
        markdown[page.path]?.html ?? ""
    }

    private func image(of page: ContentPage, at address: PageAddress) -> PageImage? {
        guard let image = page.image else { return nil }
        return PageImage(
            src: links.href(for: image.src, from: page.linkOrigin, at: address), alt: image.decorative ? "" : image.alt,
            decorative: image.decorative)
    }

    private func outcomeSummary(_ outcome: ContentPage, from address: PageAddress) -> OutcomeCard {
        OutcomeCard(
            title: outcome.title, summary: TemplateText.optional(outcome.summary), href: address.link(to: outcome.outputDirectory),
            indicators: headlineTiles(for: outcome, at: address), hasIndicators: !outcome.indicatorIDs.isEmpty)
    }

    private func commitmentSummary(_ commitment: ContentPage, from address: PageAddress) -> CommitmentCard {
        CommitmentCard(
            title: commitment.title, summary: TemplateText.optional(commitment.summary),
            href: address.link(to: commitment.outputDirectory),
            status: CommitmentStatusValues(of: commitment, config: site.config, words: site.words),
            progress: progress(of: commitment, at: address))
    }

    /// Progress toward each of the commitment's targets whose indicator exists.
    private func progress(of commitment: ContentPage, at address: PageAddress) -> [TargetProgress.Record] {
        commitment.targets.compactMap { target in
            site.indicator(target.indicator.value).map {
                TargetProgress(target: target, indicator: $0, words: site.words).record(at: address)
            }
        }
    }

    private func tiles(for page: ContentPage, at address: PageAddress, limit: Int = .max) -> [IndicatorTile] {
        page.indicatorIDs.prefix(limit).compactMap { site.indicator($0.value) }
            .map { presenter(for: $0).tile(at: address) }
    }

    /// The home page's two tiles per outcome: the first listed indicators that have a real
    /// series (three or more figures), then, if too few do, the first of the others.
    private func headlineTiles(for outcome: ContentPage, at address: PageAddress, count: Int = 2) -> [IndicatorTile] {
        let listed = outcome.indicatorIDs.compactMap { site.indicator($0.value) }
        let isSeries = { (indicator: Indicator) in indicator.series.filter { $0.value != nil }.count >= 3 }
        let chosen = (listed.filter(isSeries) + listed.filter { !isSeries($0) }).prefix(count)
        return chosen.map { presenter(for: $0).tile(at: address) }
    }

    private func evidencedBy(_ indicator: Indicator) -> [ContentPage] {
        listedBy[indicator.id] ?? []
    }
}
