/// Progress toward a commitment's target, computed from the indicator's data:
/// "280 dwellings in 2020-21 against a target of 425 (425 new homes a year): 65%."
struct TargetProgress {
    var target: CommitmentTarget
    var indicator: Indicator

    func values(at address: PageAddress) -> [String: Any] {
        ["label": target.label, "by": target.by, "sentence": sentence,
         "href": address.link(to: "indicators/\(indicator.id)/"), "indicator": indicator.title,
         "percent": percent.map { String(min($0, 100)) } ?? "", "has_percent": percent != nil,
         "predates": predatesNote ?? "", "has_predates": predatesNote != nil]
    }

    private var latest: Observation? { indicator.latest }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    /// Share of a "reach at least" target achieved, to the nearest whole per cent (280 of
    /// 425 is 66%); none for targets to get down to a level, where a share means nothing.
    var percent: Int? {
        guard indicator.polarity != .lowerIsBetter, target.value > 0, let value = latest?.value else { return nil }
        return Int((value / target.value * 100).rounded(.toNearestOrAwayFromZero))
    }

    var sentence: String {
        guard let latest, let value = latest.value else { return "No figure has been published yet for \(indicator.title.lowercased())." }
        let number = NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit)
        let against = "\(number) \(PeriodText.phrase(latest.period)) against a target of \(format(target.value)) (\(target.label))"
        if let percent { return "\(against): \(percent)%." }
        let gap = value - target.value
        if gap <= 0 { return "\(against): the target is met." }
        return "\(against): \(format(gap)) above it."
    }

    /// Said when the latest figure cannot show whether the target is met: its period
    /// ends before the target's period starts, or the source does not state it.
    /// Compared by calendar year, so a figure is only called older when it plainly is.
    var predatesNote: String? {
        guard let latest, latest.value != nil else { return nil }
        let targetYears = PeriodText.years(target.by)
        guard let latestYears = PeriodText.years(latest.period) else {
            return "The source does not state the period of the latest figure, so it cannot show progress toward the target"
                + (targetYears == nil ? "." : " for \(target.by).")
        }
        guard let targetYears, latestYears.upperBound < targetYears.lowerBound else { return nil }
        return "The latest figure, for \(PeriodText.display(latest.period)), predates the target's period (\(target.by)): it shows the position then, not whether the target has been met."
    }
}
