/// How an area's latest figure compares with the national one, by the method Fingertips
/// uses: significant when the comparator lies outside the area's 95% confidence interval,
/// judged by the indicator's polarity. The interval is the publisher's, or one PlanSite
/// computes from the figure's count by the method for its `value_type` (`FigureInterval`).
/// Without either there is no verdict: "not compared", with both figures shown.
public enum Comparison: Equatable, Sendable {
    case better, similar, worse
    /// Significantly different but polarity has no better or worse.
    case higher, lower
    /// No interval, and no count to compute one from: no test, so no verdict.
    case notTested
    /// A rate from fewer than 10 events: too unreliable for a verdict (OHID practice).
    case tooFewEvents
    case notCompared
    /// The comparator is on another scale (a national total beside a local count), so
    /// "lower than England" would be true and meaningless.
    case differentScale

    public static func compare(
        _ observation: Observation?, with comparator: Observation?, polarity: Polarity,
        valueType: ValueType? = nil, multiplier: Double? = nil
    ) -> Comparison {
        guard let observation, observation.value != nil, let reference = comparator?.value else { return .notCompared }
        if FigureInterval.restsOnFewEvents(observation, valueType: valueType) { return .tooFewEvents }
        guard let figure = FigureInterval.of(observation, valueType: valueType, multiplier: multiplier) else {
            return .notTested
        }
        if figure.interval.contains(reference) { return .similar }
        let isHigher = reference < figure.interval.lower
        switch polarity {
        case .higherIsBetter: return isHigher ? .better : .worse
        case .lowerIsBetter: return isHigher ? .worse : .better
        case .noJudgement: return isHigher ? .higher : .lower
        }
    }

    /// "better than England", "not compared".
    public func label(against name: String, words: Words) -> String {
        switch self {
        case .better: words(.comparisonBetter, ["name": name])
        case .similar: words(.comparisonSimilar, ["name": name])
        case .worse: words(.comparisonWorse, ["name": name])
        case .higher: words(.comparisonHigher, ["name": name])
        case .lower: words(.comparisonLower, ["name": name])
        case .notTested, .tooFewEvents, .notCompared, .differentScale: words(.comparisonNotCompared)
        }
    }

    /// A CSS class for the badge; the words always carry the meaning too.
    public var cssClass: String {
        switch self {
        case .better: "better"
        case .worse: "worse"
        case .similar: "similar"
        default: "neutral"
        }
    }
}
