/// The sentence under a breakdown's chart, generated from its figures: the gap between
/// the highest and lowest groups (the first and last, for an ordered dimension such as
/// deprivation deciles), and which groups differ significantly from the area overall.
/// Significance is the confidence-interval test used elsewhere: a group differs only
/// when the overall value lies outside its 95% interval; without intervals nothing is
/// called significant.
struct BreakdownSummary {
    var breakdown: Breakdown
    var indicator: Indicator

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    /// A difference in the indicator's unit; a difference of percentages is in percentage points.
    func gap(_ value: Double) -> String {
        if indicator.unit == "%" { return "\(format(value)) percentage points" }
        return NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit)
    }

    var sentence: String {
        let present = breakdown.present
        var parts: [String] = []
        if present.count < 2 {
            parts.append(present.first.map { "Only \($0.category) has a figure: \(format($0.value!))." } ?? "No group has a figure.")
        } else {
            parts.append(gapClause(present))
            parts.append(significanceClause(present))
        }
        let missing = breakdown.categories.filter { $0.value == nil }
        if !missing.isEmpty {
            parts.append("No figure for " + missing.map { $0.category + ($0.note.map { " (\($0))" } ?? "") }.joined(separator: ", ") + ".")
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Ordered: first against last, as written. Unordered: highest against lowest.
    private func gapClause(_ present: [BreakdownCategory]) -> String {
        if breakdown.ordered, let first = present.first, let last = present.last, let a = first.value, let b = last.value {
            if format(a) == format(b) { return "\(first.category) and \(last.category) have the same figure, \(format(a))." }
            return
                "From \(first.category) to \(last.category) the figure \(b > a ? "rises" : "falls") from \(format(a)) to \(format(b)), a gap of \(gap(abs(b - a)))."
        }
        let sorted = present.sorted { ($0.value!, $0.category) > ($1.value!, $1.category) }
        guard let high = sorted.first, let low = sorted.last, let h = high.value, let l = low.value else { return "" }
        if format(h) == format(l) { return "Every group has the same figure, \(format(h))." }
        return
            "The highest figure is for \(high.category) (\(format(h))) and the lowest for \(low.category) (\(format(l))), a gap of \(gap(h - l))."
    }

    private func significanceClause(_ present: [BreakdownCategory]) -> String {
        let withCI = present.filter(\.hasInterval)
        guard !withCI.isEmpty else {
            return "The groups' figures have no confidence intervals, so the differences are not tested for significance."
        }
        guard let overall = breakdown.overall?.value else { return pairClause(present) }
        let whole = "\(indicator.geography) overall (\(format(overall)))"
        var above: [String] = []
        var below: [String] = []
        for category in withCI {
            guard let lower = category.lowerCI, let upper = category.upperCI else { continue }
            if lower > overall { above.append(category.category) } else if upper < overall { below.append(category.category) }
        }
        let untested = present.count - withCI.count
        var clause: String
        if above.isEmpty && below.isEmpty {
            clause = "No group differs significantly from \(whole)."
        } else {
            var pieces: [String] = []
            if !above.isEmpty { pieces.append("significantly \(word(higher: true)) than \(whole): \(Self.list(above))") }
            if !below.isEmpty {
                pieces.append("significantly \(word(higher: false)) than \(above.isEmpty ? whole : "it"): \(Self.list(below))")
            }
            clause = pieces.joined(separator: "; ")
            clause = clause.prefix(1).uppercased() + clause.dropFirst() + "."
        }
        if untested > 0 {
            clause += " \(untested == 1 ? "One group has" : "\(untested) groups have") no confidence interval and is not tested."
        }
        return clause
    }

    /// With no overall figure, whether the two groups the gap names differ significantly.
    private func pairClause(_ present: [BreakdownCategory]) -> String {
        let pair: (BreakdownCategory, BreakdownCategory)
        if breakdown.ordered {
            pair = (present.first!, present.last!)
        } else {
            let sorted = present.sorted { ($0.value!, $0.category) > ($1.value!, $1.category) }
            pair = (sorted.first!, sorted.last!)
        }
        guard let l1 = pair.0.lowerCI, let u1 = pair.0.upperCI, let l2 = pair.1.lowerCI, let u2 = pair.1.upperCI else {
            return "Not every group has a confidence interval, so the gap is not tested for significance."
        }
        let overlap = l1 <= u2 && l2 <= u1
        return overlap
            ? "Their confidence intervals overlap, so the gap is not statistically significant."
            : "Their confidence intervals do not overlap, so the gap is statistically significant."
    }

    /// "higher", or with a polarity "better"/"worse".
    private func word(higher: Bool) -> String {
        switch indicator.polarity {
        case .higherIsBetter: higher ? "better" : "worse"
        case .lowerIsBetter: higher ? "worse" : "better"
        case .noJudgement: higher ? "higher" : "lower"
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
