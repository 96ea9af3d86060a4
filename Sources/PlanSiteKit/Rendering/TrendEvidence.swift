/// The trend test run on an indicator's five latest yearly figures by the path Fingertips
/// takes for it: the counts test for a proportion whose figures all have a count and a
/// denominator, otherwise the weighted slope on each figure's 95% interval (the publisher's,
/// or one PlanSite computes from the count).
struct TrendEvidence {
    var result: TrendTestResult
    /// " The test used the counts and denominators." and the like: what it was run on.
    var basis: String

    static func test(_ points: [Observation], of indicator: Indicator) -> Result<TrendEvidence, NoTrendReasonError> {
        if indicator.valueType == .proportion, points.allSatisfy({ $0.count != nil && $0.denominator != nil }) {
            let result = TrendTest.proportions(
                counts: points.compactMap(\.count), denominators: points.compactMap(\.denominator))
            guard let result else { return .failure(.init(.extremeProportion)) }
            return .success(TrendEvidence(result: result, basis: " The test used each year's count and denominator."))
        }
        let intervals = points.map {
            FigureInterval.of($0, valueType: indicator.valueType, multiplier: indicator.multiplier)
        }
        let testPoints = zip(points, intervals).compactMap { point, figure in
            figure.flatMap { figure in point.value.map { TrendTest.Point(value: $0, interval: figure.interval) } }
        }
        guard testPoints.count == points.count, let result = TrendTest.weightedSlope(testPoints) else {
            return .failure(.init(.noIntervals))
        }
        let methods = Set(intervals.compactMap { $0?.computedBy })
        let computed = methods.map(\.name).sorted().joined(separator: " and ")
        let basis =
            methods.isEmpty
            ? " The test weighs each figure by its published 95% confidence interval."
            : " The test weighs each figure by a 95% interval that PlanSite computed from its count, by \(computed)."
        return .success(TrendEvidence(result: result, basis: basis))
    }
}

/// How the figures moved, in plain words with their dates: "82.6 in 2022-24, up from 82.0 in
/// 2021-23; it was 82.5 in 2017-19." Said where no test is allowed, in place of a verdict word.
struct TrendMovement {
    /// Figures with values, oldest first; at least two.
    var figures: [Observation]
    var decimals: Int

    private func text(_ observation: Observation) -> String {
        "\(NumberFormat.format(observation.value ?? 0, decimals: decimals)) \(PeriodText.phrase(observation.period))"
    }

    /// The latest against the one before, and the first of the last five when that is earlier still.
    var sentence: String {
        let latest = figures[figures.count - 1]
        let previous = figures[figures.count - 2]
        var sentence = "\(text(latest)), \(step(from: previous, to: latest)) \(text(previous))"
        let recent = figures.suffix(TrendTest.points)
        if recent.count > 2, let first = recent.first { sentence += "; it was \(text(first))" }
        return sentence + "."
    }

    /// The latest and the first of the window: "4.9 in 2022, down from 22.0 in 2018."
    var endpoints: String {
        let latest = figures[figures.count - 1]
        let first = figures[0]
        return "\(text(latest)), \(step(from: first, to: latest)) \(text(first))."
    }

    private func step(from earlier: Observation, to later: Observation) -> String {
        let before = NumberFormat.format(earlier.value ?? 0, decimals: decimals)
        let after = NumberFormat.format(later.value ?? 0, decimals: decimals)
        if before == after { return "the same as" }
        return (later.value ?? 0) > (earlier.value ?? 0) ? "up from" : "down from"
    }
}
