/// Which way an indicator has moved over its last five figures, judged by its polarity,
/// in words a resident reads: "improving", "getting worse", "no clear change", "no
/// earlier figure". The one place these words are decided; pages, tiles and the
/// indicator index all read them from here.
///
/// The method: the first and the latest of the last five periods that have a value,
/// when each is a stated period (a year, financial year, span of years or date).
/// When both have a 95% confidence interval the change counts only if the intervals do
/// not overlap (a conservative test, as Fingertips uses for comparisons). Without
/// intervals it is not tested for significance, and counts only if the figure moved the
/// same way in all but at most one of the steps between them, so a single jump in a
/// series that goes up and down is "no clear change".
public enum DirectionOfTravel: String, Sendable, CaseIterable {
    case improving
    case gettingWorse
    case noClearChange
    case noEarlierFigure

    /// How many of the latest periods the direction looks over.
    public static let window = 5

    /// The short words, exactly as shown in badges and tables.
    public var words: String {
        switch self {
        case .improving: "improving"
        case .gettingWorse: "getting worse"
        case .noClearChange: "no clear change"
        case .noEarlierFigure: "no earlier figure"
        }
    }

    /// A CSS class for the badge; the words always carry the meaning too.
    public var cssClass: String {
        switch self {
        case .improving: "better"
        case .gettingWorse: "worse"
        default: "neutral"
        }
    }

    public struct Assessment: Sendable, Equatable {
        public var direction: DirectionOfTravel
        /// The first period of the window ("2017-19"), when there is one.
        public var since: String?
        /// Whether confidence intervals decided it.
        public var tested: Bool
        /// "Getting worse since 2017-19: from 59.6 to 56.9 in 2022-24. Not tested for significance."
        public var sentence: String

        /// "getting worse since 2017-19", "no earlier figure".
        public var phrase: String {
            guard let since, direction != .noEarlierFigure else { return direction.words }
            return "\(direction.words) since \(PeriodText.display(since))"
        }
    }

    public static func assess(_ indicator: Indicator) -> Assessment {
        let present = indicator.series.filter { $0.value != nil }
        let recent = Array(present.suffix(window))
        guard recent.count >= 2, let first = recent.first, let last = recent.last,
              let start = first.value, let end = last.value else {
            return Assessment(direction: .noEarlierFigure, since: nil, tested: false,
                              sentence: "There is no earlier figure to show a direction of travel.")
        }
        // "past year (to 2025)" beside "2025 (projection)" is not a run of periods to read a direction from.
        guard recent.allSatisfy({ PeriodText.span($0.period) != nil }) else {
            return Assessment(direction: .noClearChange, since: nil, tested: false,
                              sentence: "The figures are not for a run of stated periods (such as years), so no direction of travel is given.")
        }
        let format = { (value: Double) in NumberFormat.format(value, decimals: indicator.decimals) }
        let tested = first.lowerCI != nil && first.upperCI != nil && last.lowerCI != nil && last.upperCI != nil
        let rise: Bool?
        if tested, let l1 = first.lowerCI, let u1 = first.upperCI, let l2 = last.lowerCI, let u2 = last.upperCI {
            rise = u2 < l1 ? false : l2 > u1 ? true : nil
        } else if format(start) == format(end) {
            rise = nil
        } else {
            let up = end > start
            let values = recent.compactMap(\.value)
            let against = zip(values, values.dropFirst()).filter { up ? $1 < $0 : $1 > $0 }.count
            rise = against <= (values.count > 2 ? 1 : 0) ? up : nil
        }
        let direction: DirectionOfTravel
        switch (rise, indicator.polarity) {
        case (nil, _), (_, .noJudgement): direction = .noClearChange
        case (true?, .higherIsBetter), (false?, .lowerIsBetter): direction = .improving
        default: direction = .gettingWorse
        }
        var sentence = "\(direction.words.prefix(1).uppercased() + direction.words.dropFirst()) since \(PeriodText.display(first.period)):"
        sentence += " \(format(start)) then, \(format(end)) \(PeriodText.phrase(last.period))"
        sentence += recent.count < window ? " (the \(recent.count) latest figures)." : " (the last \(window) figures)."
        if tested {
            sentence += rise == nil ? " The confidence intervals overlap, so the change is not significant." : " The confidence intervals do not overlap."
        } else {
            sentence += " No confidence intervals are published, so this is not tested for significance."
        }
        if indicator.polarity == .noJudgement, rise != nil {
            sentence += " Neither higher nor lower is better for this measure."
        }
        return Assessment(direction: direction, since: first.period, tested: tested, sentence: sentence)
    }
}
