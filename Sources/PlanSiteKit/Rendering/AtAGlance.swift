import Foundation

/// The plan at a glance: one row per indicator, grouped under its outcome (latest figure
/// and period, direction of travel, comparison with England), and each commitment's
/// status and progress against its targets. The home page shows each outcome's headline
/// indicators; `/at-a-glance/` shows them all.
struct AtAGlance {
    var site: Site
    /// Each indicator's presenter, made once per build: the row says what its page says.
    var presenter: (Indicator) -> IndicatorPresenter

    /// - Parameter limit: indicators per outcome (the home page shows the headline ones).
    func values(at address: PageAddress, limit: Int = .max) -> Glance {
        let groups = limit == .max ? outcomeGroups + commitmentGroups : outcomeGroups
        return Glance(
            outcomes: groups.map { page, ids in
                Glance.Group(
                    title: page.title, href: address.link(to: page.outputDirectory),
                    indicators: ids.prefix(limit).compactMap { site.indicator($0) }.map { row($0, at: address) })
            },
            commitments: site.commitments.map { commitment($0, at: address) },
            national: site.config.nationalComparator, href: address.link(to: .atAGlance), isSummary: limit != .max)
    }

    private var outcomeGroups: [(ContentPage, [String])] {
        site.outcomes.filter { !$0.indicatorIDs.isEmpty }.map { ($0, $0.indicatorIDs.map(\.value)) }
    }

    /// The full table has every indicator: one that no outcome lists is shown under the
    /// first commitment that lists it.
    private var commitmentGroups: [(ContentPage, [String])] {
        var shown = Set(site.outcomes.flatMap { $0.indicatorIDs.map(\.value) })
        return site.commitments.compactMap { commitment in
            let ids = commitment.indicatorIDs.map(\.value).filter { shown.insert($0).inserted }
            return ids.isEmpty ? nil : (commitment, ids)
        }
    }

    private func row(_ indicator: Indicator, at address: PageAddress) -> Glance.Row {
        let presenter = presenter(indicator)
        let comparison = presenter.comparison
        return Glance.Row(
            title: indicator.title, href: address.link(to: .indicator(id: indicator.id)),
            latest: presenter.latest?.value.map(presenter.formattedWithUnit) ?? site.words(.headlineNoFigure),
            period: presenter.latest.map { PeriodText.display($0.period, site.words) } ?? "–",
            direction: presenter.travel.phrase,
            comparison: comparison.label(against: site.config.nationalComparator, words: site.words), comparisonClass: comparison.cssClass)
    }

    private func commitment(_ commitment: ContentPage, at address: PageAddress) -> Glance.Commitment {
        let progress = commitment.targets.compactMap { target in
            site.indicator(target.indicator.value).map { TargetProgress(target: target, indicator: $0, words: site.words).sentence }
        }
        return Glance.Commitment(
            title: commitment.title, href: address.link(to: commitment.outputDirectory),
            progress: progress.map(Glance.Progress.init),
            status: CommitmentStatusValues(of: commitment, config: site.config, words: site.words))
    }
}

/// What `partials/at-a-glance.mustache` shows: on the home page (each outcome's headline
/// indicators) and on the at-a-glance page (every indicator, and every commitment).
struct Glance: TemplateModel {
    var outcomes: [Group]
    var commitments: [Commitment]
    var national: String
    var href: String
    var isSummary: Bool

    static let keys = TemplateKeys<Self>([
        .list(
            "outcomes", "Each outcome that lists indicators; on the full page, then each commitment with indicators no outcome lists.",
            \.outcomes),
        .list("commitments", "Each commitment, with its status and progress.", \.commitments),
        .text("national", "The national comparator's name.", \.national),
        .text("href", "Link to the at-a-glance page.", \.href),
        .flag("is_summary", "Whether this is the home page's summary (headline indicators, no commitments).", \.isSummary),
    ])

    /// An outcome (or commitment) and its indicators' rows.
    struct Group: TemplateModel {
        var title: String
        var href: String
        var indicators: [Row]

        static let keys = TemplateKeys<Self>([
            .text("title", "The outcome's title.", \.title),
            .text("href", "Link to its page.", \.href),
            .list("indicators", "A row for each of its indicators.", \.indicators),
        ])
    }

    /// One indicator's row.
    struct Row: TemplateModel {
        var title: String
        var href: String
        var latest: String
        var period: String
        var direction: String
        var comparison: String
        var comparisonClass: String

        static let keys = TemplateKeys<Self>([
            .text("title", "The indicator's title.", \.title),
            .text("href", "Link to its page.", \.href),
            .text("latest", "The latest figure with its unit, or \"No figure published\".", \.latest),
            .text("period", "Its period, or \"–\".", \.period),
            .text("direction", "The direction of travel, in a phrase.", \.direction),
            .text("comparison", "How it compares with the national figure.", \.comparison),
            .text("comparison_class", "The comparison for a CSS class: `better`, `worse`, `neutral`….", \.comparisonClass),
        ])
    }

    /// One commitment's row.
    struct Commitment: TemplateModel {
        var title: String
        var href: String
        var progress: [Progress]
        var status: CommitmentStatusValues

        static let keys = TemplateKeys<Self>(
            [
                .text("title", "The commitment's title.", \.title),
                .text("href", "Link to its page.", \.href),
                .list("progress", "Progress toward each target whose indicator exists.", \.progress),
                .flag("has_progress", "Whether there is any.", { !$0.progress.isEmpty }),
            ], including: [TemplatePart(CommitmentStatusValues.self) { $0.status.templateValue(symbol: $1, named: $2) }])
    }

    struct Progress: TemplateModel {
        var sentence: String

        static let keys = TemplateKeys<Self>([
            .text("sentence", "The latest figure against the target, in a sentence.", \.sentence)
        ])
    }
}
