/// Progress toward a commitment's target, computed from the indicator's data:
/// "280 dwellings in 2020-21 against a target of 425 (425 new homes a year): 65%."
struct TargetProgress {
    var target: CommitmentTarget
    var indicator: Indicator
    var words: Words

    /// What a template shows of the progress, with links made from the page at `address`.
    func record(at address: PageAddress) -> Record {
        Record(
            label: target.label, by: target.by, sentence: sentence, href: address.link(to: .indicator(id: indicator.id)),
            indicator: indicator.title, percent: percent.map { String(min($0, 100)) } ?? "", hasPercent: percent != nil,
            predates: predatesNote ?? "", hasPredates: predatesNote != nil)
    }

    struct Record: TemplateModel {
        var label: String
        var by: String
        var sentence: String
        var href: String
        var indicator: String
        var percent: String
        var hasPercent: Bool
        var predates: String
        var hasPredates: Bool

        static let keys = TemplateKeys<Self>([
            .text("label", "The target, as the commitment states it (`label`).", \.label),
            .text("by", "When it is to be met (`by`).", \.by),
            .text("sentence", "The latest figure against the target, in a sentence.", \.sentence),
            .text("href", "Link to the indicator's page.", \.href),
            .text("indicator", "The indicator's title.", \.indicator),
            .text("percent", "The share of the target reached, 0 to 100, for a meter; empty when there is none.", \.percent),
            .flag("has_percent", "Whether there is a share to show (not for targets to get down to a level).", \.hasPercent),
            .text("predates", "Said when the latest figure predates the target's period; empty otherwise.", \.predates),
            .flag("has_predates", "Whether `predates` says something.", \.hasPredates),
        ])
    }

    private var latest: Observation? { indicator.latest }

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    /// Share of a "reach at least" target achieved, to the nearest whole per cent (280 of
    /// 425 is 66%); none for targets to get down to a level, where a share means nothing.
    var percent: Int? {
        guard indicator.polarity != .lowerIsBetter, target.value > 0, let value = latest?.value else { return nil }
        // Held to a range an Int can take before converting: 2.8e20 against a target of 425 trapped here.
        let share = (value / target.value * 100).rounded(.toNearestOrAwayFromZero)
        guard share.isFinite else { return nil }
        return Int(min(max(share, -1_000), 1_000))
    }

    /// As a person writes it: "246 dwellings in 2020-21, above the target of 85 affordable
    /// homes a year"; "932 households on 31 December 2025, 432 above the target: fewer than
    /// 500 households in temporary accommodation".
    var sentence: String {
        guard let latest, let value = latest.value else { return words(.targetNoFigure, ["indicator": indicator.title.lowercased()]) }
        let figure = words.figure(
            NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit, words: words), at: latest.period)
        let label = target.label.prefix(1).lowercased() + target.label.dropFirst()
        let gap = format(abs(value - target.value))
        let aboveWanted = indicator.polarity != .lowerIsBetter
        if format(value) == format(target.value) { return words(.targetLevel, ["figure": figure, "label": label]) }
        if aboveWanted {
            // The label usually carries the number ("85 affordable homes a year"); say it otherwise.
            let goal = label.contains(format(target.value)) ? label : words(.targetGoal, ["number": format(target.value), "label": label])
            return value > target.value
                ? words(.targetAbove, ["figure": figure, "goal": goal])
                : words(.targetShort, ["figure": figure, "gap": gap, "goal": goal])
        }
        return value < target.value
            ? words(.targetBelowCeiling, ["figure": figure, "label": label])
            : words(.targetAboveCeiling, ["figure": figure, "gap": gap, "label": label])
    }

    /// Said when the latest figure cannot show whether the target is met: its period
    /// ends before the target's period starts, or the source does not state it.
    /// Compared by calendar year, so a figure is only called older when it plainly is.
    var predatesNote: String? {
        guard let latest, latest.value != nil else { return nil }
        let targetYears = PeriodText.years(target.by)
        guard let latestYears = PeriodText.years(latest.period) else {
            return targetYears == nil ? words(.targetPeriodUnstated) : words(.targetPeriodUnstatedBy, ["by": target.by])
        }
        guard let targetYears, latestYears.upperBound < targetYears.lowerBound else { return nil }
        return words(.targetPredates, ["period": PeriodText.display(latest.period, words), "by": target.by])
    }
}
