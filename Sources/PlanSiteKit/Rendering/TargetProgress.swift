/// Progress toward a commitment's target, computed from the indicator's data:
/// "280 homes completed in 2020-21 against 425 a year: 66%".
struct TargetProgress {
    var target: CommitmentTarget
    var indicator: Indicator

    func values(at address: PageAddress) -> [String: Any] {
        ["label": target.label, "by": target.by, "sentence": sentence,
         "href": address.link(to: "indicators/\(indicator.id)/"), "indicator": indicator.title,
         "percent": percent.map { String($0) } ?? "", "has_percent": percent != nil,
         "predates": predatesNote ?? "", "has_predates": predatesNote != nil]
    }

    private var latest: Observation? { indicator.latest }

    /// Share of a "reach at least" target achieved; none for targets to get down to a level.
    var percent: Int? {
        guard indicator.polarity != .lowerIsBetter, target.value > 0, let value = latest?.value else { return nil }
        return Int((value / target.value * 100).rounded(.down))
    }

    var sentence: String {
        guard let latest, let value = latest.value else { return "No figure has been published yet for \(indicator.title.lowercased())." }
        let number = NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit)
        let goal = NumberFormat.format(target.value, decimals: indicator.decimals)
        if let percent {
            return "\(number) in \(latest.period) against a target of \(goal) (\(target.label)): \(percent)%."
        }
        let gap = value - target.value
        if gap <= 0 { return "\(number) in \(latest.period): the target of \(goal) (\(target.label)) is met." }
        return "\(number) in \(latest.period) against a target of \(goal) (\(target.label)): \(NumberFormat.format(gap, decimals: indicator.decimals)) above it."
    }

    /// The latest figure is older than the plan the target belongs to.
    var predatesNote: String? {
        guard let latest, let latestYear = Self.firstYear(in: latest.period) else {
            return latest == nil ? nil : "The period of the latest figure is not stated, so it may predate the target."
        }
        guard let targetYear = Self.firstYear(in: target.by), latestYear < targetYear - 5 else { return nil }
        return "The latest figure (\(latest.period)) predates the target, set for \(target.by)."
    }

    static func firstYear(in text: String) -> Int? {
        guard let match = text.range(of: #"(19|20)\d\d"#, options: .regularExpression) else { return nil }
        return Int(text[match])
    }
}
