import Foundation

/// A 95% confidence interval, on the scale of the values it belongs to.
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    func scaled(by factor: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: lower * factor, upper: upper * factor)
    }

    func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}

/// The methods OHID uses for 95% intervals when a publisher gives counts but no interval
/// (OHID, "Technical Guide: Confidence Intervals", Public Health Data Science, 2018; the same
/// methods are in PHEindicatormethods' `phe_proportion` and `phe_rate`). docs/methods.md has
/// each formula with a worked example.
public enum IntervalMethod: String, Sendable, CaseIterable {
    case wilson, byar, exactPoisson

    /// As a page names it, in the site's words: "by Byar's method".
    public func name(_ words: Words) -> String {
        switch self {
        case .wilson: words(.intervalMethodWilson)
        case .byar: words(.intervalMethodByar)
        case .exactPoisson: words(.intervalMethodExactPoisson)
        }
    }
}

public enum IntervalMethods {
    /// The standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975).
    public static let z95 = 1.959963984540054

    /// OHID uses Byar's method from 10 events and the exact method below it, where Byar's
    /// approximation is poor (PHEindicatormethods, `phe_rate`, Notes).
    public static let fewestEventsForByar = 10.0

    /// Wilson's score interval for a proportion `count / denominator`, as a proportion (0 to 1).
    /// Technical Guide, "Proportions": (2O + z² ± z√(z² + 4O(1 − p))) / (2(n + z²)), p = O / n.
    public static func wilson(count: Double, denominator: Double) -> ConfidenceInterval? {
        guard count >= 0, denominator > 0, count <= denominator else { return nil }
        let z = z95
        let p = count / denominator
        let centre = 2 * count + z * z
        let spread = z * (z * z + 4 * count * (1 - p)).squareRoot()
        let scale = 2 * (denominator + z * z)
        return ConfidenceInterval(lower: (centre - spread) / scale, upper: (centre + spread) / scale)
    }

    /// Byar's approximation to the Poisson interval of an observed count O (Breslow and Day 1987,
    /// as given in the Technical Guide, "Crude rates"):
    /// O(1 − 1/(9O) − z/(3√O))³ to (O + 1)(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³.
    public static func byar(count: Double) -> ConfidenceInterval? {
        guard count >= 1 else { return nil }
        let z = z95
        let next = count + 1
        let lower = count * pow(1 - 1 / (9 * count) - z / (3 * count.squareRoot()), 3)
        let upper = next * pow(1 - 1 / (9 * next) + z / (3 * next.squareRoot()), 3)
        return ConfidenceInterval(lower: lower, upper: upper)
    }

    /// The exact Poisson interval of an observed count O from chi-squared quantiles (Technical
    /// Guide, "Exact method"): χ²(0.025; 2O) / 2 to χ²(0.975; 2O + 2) / 2; the lower limit of 0 is 0.
    public static func exactPoisson(count: Double) -> ConfidenceInterval? {
        guard count >= 0 else { return nil }
        let lower = count == 0 ? 0 : ChiSquared.quantile(0.025, degreesOfFreedom: 2 * count) / 2
        return ConfidenceInterval(lower: lower, upper: ChiSquared.quantile(0.975, degreesOfFreedom: 2 * count + 2) / 2)
    }

    /// A count's interval by the method OHID uses for its size.
    static func poisson(count: Double) -> (interval: ConfidenceInterval, method: IntervalMethod)? {
        if count >= fewestEventsForByar, let interval = byar(count: count) { return (interval, .byar) }
        return exactPoisson(count: count).map { ($0, .exactPoisson) }
    }
}
