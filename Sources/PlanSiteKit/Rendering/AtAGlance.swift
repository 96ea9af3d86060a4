import Foundation

/// The plan at a glance: one row per indicator, grouped under its outcome (latest figure
/// and period, direction of travel, comparison with England), and each commitment's
/// status and progress against its targets. The home page shows each outcome's headline
/// indicators; `/at-a-glance/` shows them all.
struct AtAGlance {
    var site: Site

    /// - Parameter limit: indicators per outcome (the home page shows the headline ones).
    func values(at address: PageAddress, limit: Int = .max) -> [String: Any] {
        let national = site.config.nationalComparator
        let outcomes: [[String: Any]] = site.outcomes.filter { !$0.indicatorIDs.isEmpty }.map { outcome in
            let rows = outcome.indicatorIDs.prefix(limit).compactMap { site.indicator($0.value) }.map { row($0, at: address) }
            return ["title": outcome.title, "href": address.link(to: outcome.outputDirectory), "indicators": rows]
        }
        return ["outcomes": outcomes, "commitments": site.commitments.map { commitment($0, at: address) },
                "national": national, "href": address.link(to: "at-a-glance/"), "is_summary": limit != .max]
    }

    private func row(_ indicator: Indicator, at address: PageAddress) -> [String: Any] {
        let presenter = IndicatorPresenter(indicator: indicator, site: site)
        let comparison = presenter.comparison
        return ["title": indicator.title, "href": address.link(to: "indicators/\(indicator.id)/"),
                "latest": presenter.latest?.value.map(presenter.formattedWithUnit) ?? "No figure published",
                "period": presenter.latest.map { PeriodText.display($0.period) } ?? "–",
                "direction": Self.directionOfTravel(indicator),
                "comparison": comparison.label(against: site.config.nationalComparator), "comparison_class": comparison.cssClass]
    }

    private func commitment(_ commitment: ContentPage, at address: PageAddress) -> [String: Any] {
        let progress = commitment.targets.compactMap { target in
            site.indicator(target.indicator.value).map { TargetProgress(target: target, indicator: $0).sentence }
        }
        return ["title": commitment.title, "href": address.link(to: commitment.outputDirectory),
                "status": commitment.status?.label(in: site.config) ?? "Not stated",
                "status_class": commitment.status?.rawValue ?? "none",
                "progress": progress.map { ["sentence": $0] }, "has_progress": !progress.isEmpty]
    }

    /// Direction of travel between the last two figures, in words, judged by polarity:
    /// "improving", "getting worse", "no clear change", or "no earlier figure". When both
    /// figures have confidence intervals that overlap, the change is not clear.
    /// The one place the table decides it, so another definition can replace it.
    static func directionOfTravel(_ indicator: Indicator) -> String {
        let values = indicator.series.filter { $0.value != nil }
        guard values.count >= 2, let last = values.last, let previous = values.dropLast().last,
              let now = last.value, let before = previous.value else { return "no earlier figure" }
        if let lower = last.lowerCI, let upper = last.upperCI, let previousLower = previous.lowerCI, let previousUpper = previous.upperCI,
           lower <= previousUpper && previousLower <= upper {
            return "no clear change"
        }
        if NumberFormat.format(now, decimals: indicator.decimals) == NumberFormat.format(before, decimals: indicator.decimals) {
            return "no clear change"
        }
        switch indicator.polarity {
        case .higherIsBetter: return now > before ? "improving" : "getting worse"
        case .lowerIsBetter: return now < before ? "improving" : "getting worse"
        case .noJudgement: return now > before ? "increasing (neither better nor worse)" : "decreasing (neither better nor worse)"
        }
    }
}
