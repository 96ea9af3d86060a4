import Foundation

/// The outcome of Fingertips' recent-trend test on the five latest points.
public struct TrendTestResult: Sendable, Equatable {
    /// Positive for a rise. For proportions, the slope of the log-odds a year.
    public var slope: Double
    public var chiSquared: Double
    /// Whether the slope has the same sign with each one point left out in turn.
    public var slopeKeepsSign: Bool

    public var isSignificant: Bool { slopeKeepsSign && chiSquared > TrendTest.threshold }
}

/// Fingertips' recent-trend marker, as its calculator computes it (`TrendMarkerCalculator`
/// in ukhsa-collaboration/fingertips-open and dhsc-govuk/FingertipsNext; OHID, "Fingertips
/// trend markers"). Points are in time order, oldest first, numbered t = 1…5.
public enum TrendTest {
    public static let points = 5
    /// χ² on one degree of freedom at 99.8%, Excel's CHIINV(0.002, 1), as the calculator has it.
    public static let threshold = 9.54953570608324

    public struct Point: Sendable, Equatable {
        public var value: Double
        public var interval: ConfidenceInterval
    }

    /// For values with 95% intervals: the least-squares slope of value on t, each point weighted
    /// by 1/se² with se = (upper − lower) / 3.92, and χ² = (slope / its standard error)².
    public static func weightedSlope(_ points: [Point]) -> TrendTestResult? {
        let weights = points.map { point -> Double in
            let standardError = (point.interval.upper - point.interval.lower) / 3.92
            return 1 / (standardError * standardError)
        }
        guard points.count >= 3, weights.allSatisfy({ $0.isFinite && $0 > 0 }) else { return nil }
        let fit = { (kept: [Int]) in weightedFit(kept.map { (Double($0 + 1), points[$0].value, weights[$0]) }) }
        let all = fit(Array(points.indices))
        return TrendTestResult(
            slope: all.slope, chiSquared: all.slope * all.slope / all.variance,
            slopeKeepsSign: keepsSign(all.slope, count: points.count) { fit($0).slope })
    }

    /// Weighted least squares of y on t: the slope and its variance (sums as in the calculator).
    private static func weightedFit(_ rows: [(t: Double, y: Double, w: Double)]) -> (slope: Double, variance: Double) {
        var s1 = 0.0
        var s2 = 0.0
        var s3 = 0.0
        var s4 = 0.0
        var s5 = 0.0
        for row in rows {
            s1 += row.w
            s2 += row.w * row.y * row.t
            s3 += row.w * row.t
            s4 += row.w * row.y
            s5 += row.w * row.t * row.t
        }
        let determinant = s1 * s5 - s3 * s3
        return ((s1 * s2 - s3 * s4) / determinant, s1 / determinant)
    }

    /// For proportions with counts: the chi-squared test for trend in proportions on the counts
    /// r out of n (χ² = N(NΣrt − RΣnt)² / (R(N − R)(NΣnt² − (Σnt)²)), N = Σn, R = Σr), and the
    /// direction and leave-one-out check from the ordinary slope of the log-odds ln(r / (n − r)).
    public static func proportions(counts: [Double], denominators: [Double]) -> TrendTestResult? {
        guard counts.count == denominators.count, counts.count >= 3,
            zip(counts, denominators).allSatisfy({ $0 > 0 && $0 < $1 })
        else { return nil }
        var n = 0.0
        var r = 0.0
        var rt = 0.0
        var nt = 0.0
        var ntt = 0.0
        for (index, (count, denominator)) in zip(counts, denominators).enumerated() {
            let t = Double(index + 1)
            n += denominator
            r += count
            rt += count * t
            nt += denominator * t
            ntt += denominator * t * t
        }
        let difference = n * rt - r * nt
        let chiSquared = n * difference * difference / (r * (n - r) * (n * ntt - nt * nt))
        let logOdds = zip(counts, denominators).map { log($0 / ($1 - $0)) }
        let slope = { (kept: [Int]) in weightedFit(kept.map { (Double($0 + 1), logOdds[$0], 1) }).slope }
        let all = slope(Array(counts.indices))
        return TrendTestResult(
            slope: all, chiSquared: chiSquared, slopeKeepsSign: keepsSign(all, count: counts.count, slope))
    }

    /// True when the slope without each point in turn has the sign of the slope with all of them.
    private static func keepsSign(_ slope: Double, count: Int, _ without: ([Int]) -> Double) -> Bool {
        guard slope != 0 else { return false }
        return (0..<count).allSatisfy { left in
            let rest = without((0..<count).filter { $0 != left })
            return rest.sign == slope.sign && rest != 0
        }
    }
}
