/// Why a series gets no trend verdict: Fingertips tests only five or more separate yearly
/// figures with no break, of a rate, proportion or other measure with intervals, and a verdict
/// needs a polarity (OHID, "Fingertips trend markers"). Each reason says why in words.
public enum NoTrendReason: Sendable, Equatable {
    case onlyOneFigure
    case periodsNotYears
    /// Periods of several years that share years ("2018-20", "2019-21").
    case rollingPeriods(example: String)
    /// Periods of several years that do not overlap ("2011-13", "2014-16").
    case multiYearPeriods(example: String)
    case quarterly
    case singleDates
    case fewerThanFive(yearly: Int)
    /// `flag: b` on `period`: only the figures from it on are on one basis.
    case breakInSeries(period: String, yearly: Int)
    /// No figure for `period` inside the run of years.
    case gap(period: String, yearly: Int)
    case count
    case noIntervals
    case extremeProportion
    /// Tested, but neither higher nor lower is better; `rise` is the tested direction, if any.
    case noPolarity(rise: Bool?)

    /// In brackets after "Trend not assessed" in badges and tables.
    func short(_ words: Words) -> String {
        switch self {
        case .onlyOneFigure: words(.noTrendShortOnlyOneFigure)
        case .periodsNotYears: words(.noTrendShortPeriodsNotYears)
        case .rollingPeriods: words(.noTrendShortRollingPeriods)
        case .multiYearPeriods: words(.noTrendShortMultiYearPeriods)
        case .quarterly: words(.noTrendShortQuarterly)
        case .singleDates: words(.noTrendShortSingleDates)
        case .fewerThanFive: words(.noTrendShortFewerThanFive)
        case .breakInSeries: words(.noTrendShortBreakInSeries)
        case .gap: words(.noTrendShortGap)
        case .count: words(.noTrendShortCount)
        case .noIntervals: words(.noTrendShortNoIntervals)
        case .extremeProportion: words(.noTrendShortExtremeProportion)
        case .noPolarity: words(.noTrendShortNoPolarity)
        }
    }

    /// The reason as a sentence for the indicator's page.
    func sentence(_ words: Words) -> String {
        if case .onlyOneFigure = self { return words(.noTrendOnlyOneFigure) }
        if case .noPolarity(let rise) = self {
            return words(rise.map { $0 ? .noTrendNoPolarityRise : .noTrendNoPolarityFall } ?? .noTrendNoPolarityNone)
        }
        return words(.noTrendSentence, ["why": why(words)])
    }

    /// After "No trend is assessed: ".
    private func why(_ words: Words) -> String {
        let needs = words(.noTrendNeeds)
        let figures = { (count: Int) in words(.yearlyFigures, count: count) }
        return switch self {
        case .onlyOneFigure, .noPolarity: ""
        case .periodsNotYears: words(.noTrendWhyPeriodsNotYears)
        case .rollingPeriods(let example): words(.noTrendWhyRollingPeriods, ["example": example, "needs": needs])
        case .multiYearPeriods(let example): words(.noTrendWhyMultiYearPeriods, ["example": example, "needs": needs])
        case .quarterly: words(.noTrendWhyQuarterly, ["needs": needs])
        case .singleDates: words(.noTrendWhySingleDates, ["needs": needs])
        case .fewerThanFive(let yearly): words(.noTrendWhyFewerThanFive, count: yearly, ["needs": needs])
        case .breakInSeries(let period, let yearly):
            words(
                .noTrendWhyBreakInSeries, ["period": PeriodText.display(period, words), "figures": figures(yearly), "needs": needs])
        case .gap(let period, let yearly):
            words(.noTrendWhyGap, ["period": PeriodText.display(period, words), "figures": figures(yearly), "needs": needs])
        case .count: words(.noTrendWhyCount)
        case .noIntervals: words(.noTrendWhyNoIntervals)
        case .extremeProportion: words(.noTrendWhyExtremeProportion)
        }
    }
}
