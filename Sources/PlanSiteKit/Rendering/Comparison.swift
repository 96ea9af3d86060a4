/// How an area's latest figure compares with the national one, by the method
/// Fingertips uses: significant when the comparator lies outside the area's 95%
/// confidence interval, judged by the indicator's polarity.
public enum Comparison: Equatable, Sendable {
    case better, similar, worse
    /// Significantly different but polarity has no better or worse.
    case higher, lower
    /// No confidence interval, so not tested.
    case higherUntested, lowerUntested, sameUntested
    case notCompared
    /// The comparator is on another scale (a national total beside a local count), so
    /// "lower than England" would be true and meaningless.
    case differentScale

    public static func compare(_ observation: Observation?, with comparator: Observation?, polarity: Polarity) -> Comparison {
        guard let observation, let value = observation.value, let reference = comparator?.value else { return .notCompared }
        if let lower = observation.lowerCI, let upper = observation.upperCI {
            if reference >= lower && reference <= upper { return .similar }
            let isHigher = reference < lower
            switch polarity {
            case .higherIsBetter: return isHigher ? .better : .worse
            case .lowerIsBetter: return isHigher ? .worse : .better
            case .noJudgement: return isHigher ? .higher : .lower
            }
        }
        if value == reference { return .sameUntested }
        return value > reference ? .higherUntested : .lowerUntested
    }

    /// "better than England", "higher than England (not tested for significance)".
    public func label(against name: String) -> String {
        switch self {
        case .better: "better than \(name)"
        case .similar: "similar to \(name)"
        case .worse: "worse than \(name)"
        case .higher: "higher than \(name)"
        case .lower: "lower than \(name)"
        case .higherUntested: "higher than \(name) (not tested for significance)"
        case .lowerUntested: "lower than \(name) (not tested for significance)"
        case .sameUntested: "the same as \(name) (not tested for significance)"
        case .notCompared, .differentScale: "not compared"
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
