/// A figure's 95% interval: the publisher's own, or one PlanSite computes from the figure's
/// count (and denominator) by the method OHID uses for the indicator's `value_type`.
public struct FigureInterval: Sendable, Equatable {
    public var interval: ConfidenceInterval
    /// Nil when the publisher gave the interval.
    public var computedBy: IntervalMethod?

    /// The publisher's interval when it gives one, else the computed one, else nil.
    public static func of(_ observation: Observation, valueType: ValueType?, multiplier: Double?) -> FigureInterval? {
        if let lower = observation.lowerCI, let upper = observation.upperCI {
            return FigureInterval(interval: ConfidenceInterval(lower: lower, upper: upper), computedBy: nil)
        }
        return computed(observation, valueType: valueType, multiplier: multiplier)
    }

    /// Wilson for a proportion (needs the denominator and the multiplier); Byar, or the exact
    /// method below 10 events, for a crude rate. A crude rate's interval is the count's scaled
    /// by multiplier / denominator, or, without the denominator, by the published value / count.
    static func computed(_ observation: Observation, valueType: ValueType?, multiplier: Double?) -> FigureInterval? {
        guard let count = observation.count else { return nil }
        switch valueType {
        case .proportion?:
            guard let denominator = observation.denominator, let multiplier,
                let interval = IntervalMethods.wilson(count: count, denominator: denominator)
            else { return nil }
            return FigureInterval(interval: interval.scaled(by: multiplier), computedBy: .wilson)
        case .crudeRate?:
            guard let (interval, method) = IntervalMethods.poisson(count: count) else { return nil }
            if let denominator = observation.denominator, denominator > 0, let multiplier {
                return FigureInterval(interval: interval.scaled(by: multiplier / denominator), computedBy: method)
            }
            guard let value = observation.value, count > 0 else { return nil }
            return FigureInterval(interval: interval.scaled(by: value / count), computedBy: method)
        default:
            return nil
        }
    }

    /// A rate made from fewer than 10 events: OHID flags it and does not publish a verdict on it.
    public static func restsOnFewEvents(_ observation: Observation, valueType: ValueType?) -> Bool {
        guard let count = observation.count else { return false }
        let isRate = valueType == .crudeRate || valueType == .directlyStandardisedRate
        return isRate && count < IntervalMethods.fewestEventsForByar
    }
}
