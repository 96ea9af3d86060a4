/// The sentence under a breakdown's chart, generated from its figures: the gap between
/// the highest and lowest groups (the first and last, for an ordered dimension such as
/// deprivation deciles), and which groups differ significantly from the area overall.
/// Significance is the confidence-interval test used elsewhere: a group differs only
/// when the overall value lies outside its 95% interval; without intervals nothing is
/// called significant.
struct BreakdownSummary {
    var breakdown: Breakdown
    var indicator: Indicator
    var words: Words

    private func format(_ value: Double) -> String { NumberFormat.format(value, decimals: indicator.decimals) }

    /// A difference in the indicator's unit; a difference of percentages is in percentage points.
    func gap(_ value: Double) -> String {
        if indicator.unit == "%" { return words(.percentagePoints, ["number": format(value)]) }
        return NumberFormat.withUnit(value, decimals: indicator.decimals, unit: indicator.unit, words: words)
    }

    var sentence: String {
        let present = breakdown.present
        var parts: [String] = []
        if present.count < 2 {
            parts.append(
                present.first.map { words(.breakdownOnlyOne, ["category": $0.category, "value": format($0.value!)]) }
                    ?? words(.breakdownNoFigures))
        } else {
            parts.append(gapClause(present))
            parts.append(significanceClause(present))
        }
        let missing = breakdown.categories.filter { $0.value == nil }
        if !missing.isEmpty {
            parts.append(words(.noFigureFor, ["list": words.commaList(missing.map { words.withNote($0.category, $0.note) })]))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Ordered: first against last, as written. Unordered: highest against lowest.
    private func gapClause(_ present: [BreakdownCategory]) -> String {
        if breakdown.ordered, let first = present.first, let last = present.last, let a = first.value, let b = last.value {
            if format(a) == format(b) {
                return words(.breakdownOrderedSame, ["first": first.category, "last": last.category, "value": format(a)])
            }
            return words(
                b > a ? .breakdownOrderedRises : .breakdownOrderedFalls,
                ["first": first.category, "last": last.category, "from": format(a), "to": format(b), "gap": gap(abs(b - a))])
        }
        let sorted = present.sorted { ($0.value!, $0.category) > ($1.value!, $1.category) }
        guard let high = sorted.first, let low = sorted.last, let h = high.value, let l = low.value else { return "" }
        if format(h) == format(l) { return words(.breakdownAllSame, ["value": format(h)]) }
        return words(
            .breakdownHighestLowest,
            ["high": high.category, "high_value": format(h), "low": low.category, "low_value": format(l), "gap": gap(h - l)])
    }

    private func significanceClause(_ present: [BreakdownCategory]) -> String {
        let withCI = present.filter(\.hasInterval)
        guard !withCI.isEmpty else { return words(.breakdownNoIntervals) }
        guard let overall = breakdown.overall?.value else { return pairClause(present) }
        let whole = words(.breakdownOverallFigure, ["area": indicator.geography, "value": format(overall)])
        var above: [String] = []
        var below: [String] = []
        for category in withCI {
            guard let lower = category.lowerCI, let upper = category.upperCI else { continue }
            if lower > overall { above.append(category.category) } else if upper < overall { below.append(category.category) }
        }
        let untested = present.count - withCI.count
        var clause: String
        if above.isEmpty && below.isEmpty {
            clause = words(.breakdownNoneDiffer, ["overall": whole])
        } else {
            var pieces: [String] = []
            if !above.isEmpty { pieces.append(words(key(higher: true), ["overall": whole, "groups": words.list(above)])) }
            if !below.isEmpty {
                pieces.append(
                    above.isEmpty
                        ? words(key(higher: false), ["overall": whole, "groups": words.list(below)])
                        : words(keyThanIt(higher: false), ["groups": words.list(below)]))
            }
            clause =
                pieces.count == 1
                ? words(.breakdownSignificanceOne, ["first": pieces[0]])
                : words(.breakdownSignificanceBoth, ["first": pieces[0], "second": pieces[1]])
            clause = capitalised(clause)
        }
        if untested > 0 { clause += " " + words(.breakdownUntested, count: untested) }
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
            return words(.breakdownPairMissingIntervals)
        }
        let overlap = l1 <= u2 && l2 <= u1
        return words(overlap ? .breakdownPairOverlap : .breakdownPairNoOverlap)
    }

    /// "significantly higher than …", or with a polarity "better"/"worse".
    private func key(higher: Bool) -> WordKey {
        switch indicator.polarity {
        case .higherIsBetter: higher ? .breakdownSignificantlyBetter : .breakdownSignificantlyWorse
        case .lowerIsBetter: higher ? .breakdownSignificantlyWorse : .breakdownSignificantlyBetter
        case .noJudgement: higher ? .breakdownSignificantlyHigher : .breakdownSignificantlyLower
        }
    }

    /// The groups below, after the groups above: "significantly worse than it".
    private func keyThanIt(higher: Bool) -> WordKey {
        switch indicator.polarity {
        case .higherIsBetter: .breakdownSignificantlyWorseThanIt
        case .lowerIsBetter: .breakdownSignificantlyBetterThanIt
        case .noJudgement: .breakdownSignificantlyLowerThanIt
        }
    }
}
