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
    func values(at address: PageAddress, limit: Int = .max) -> [String: Any] {
        let national = site.config.nationalComparator
        let groups = limit == .max ? outcomeGroups + commitmentGroups : outcomeGroups
        let rows: [[String: Any]] = groups.map { page, ids in
            [
                "title": page.title, "href": address.link(to: page.outputDirectory),
                "indicators": ids.prefix(limit).compactMap { site.indicator($0) }.map { row($0, at: address) },
            ]
        }
        return [
            "outcomes": rows, "commitments": site.commitments.map { commitment($0, at: address) },
            "national": national, "href": address.link(to: "at-a-glance/"), "is_summary": limit != .max,
        ]
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

    private func row(_ indicator: Indicator, at address: PageAddress) -> [String: Any] {
        let presenter = presenter(indicator)
        let comparison = presenter.comparison
        return [
            "title": indicator.title, "href": address.link(to: "indicators/\(indicator.id)/"),
            "latest": presenter.latest?.value.map(presenter.formattedWithUnit) ?? "No figure published",
            "period": presenter.latest.map { PeriodText.display($0.period, site.words) } ?? "–",
            "direction": presenter.travel.phrase,
            "comparison": comparison.label(against: site.config.nationalComparator, words: site.words),
            "comparison_class": comparison.cssClass,
        ]
    }

    private func commitment(_ commitment: ContentPage, at address: PageAddress) -> [String: Any] {
        let progress = commitment.targets.compactMap { target in
            site.indicator(target.indicator.value).map { TargetProgress(target: target, indicator: $0, words: site.words).sentence }
        }
        var values: [String: Any] = [
            "title": commitment.title, "href": address.link(to: commitment.outputDirectory),
            "progress": progress.map { ["sentence": $0] }, "has_progress": !progress.isEmpty,
        ]
        values.merge(CommitmentStatusValues.values(for: commitment, config: site.config, words: site.words)) { _, new in new }
        return values
    }
}
