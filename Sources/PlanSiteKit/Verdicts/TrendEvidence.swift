/// The trend test run on an indicator's five latest yearly figures by the path Fingertips
/// takes for it: the counts test for a proportion whose figures all have a count and a
/// denominator, otherwise the weighted slope on each figure's 95% interval (the publisher's,
/// or one PlanSite computes from the count).
struct TrendEvidence {
    var result: TrendTestResult
    /// " The test used the counts and denominators." and the like: what it was run on.
    var basis: String

    static func test(_ points: [Observation], of indicator: Indicator, words: Words) -> Result<TrendEvidence, NoTrendReasonError> {
        if indicator.valueType == .proportion, points.allSatisfy({ $0.count != nil && $0.denominator != nil }) {
            let result = TrendTest.proportions(
                counts: points.compactMap(\.count), denominators: points.compactMap(\.denominator))
            guard let result else { return .failure(.init(.extremeProportion)) }
            return .success(TrendEvidence(result: result, basis: " " + words(.trendBasisCounts)))
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
        let names = methods.map { $0.name(words) }.sorted()
        let computed = names.dropFirst().reduce(names.first ?? "") { words(.listAnd, ["list": $0, "last": $1]) }
        let basis =
            " "
            + (methods.isEmpty
                ? words(.trendBasisPublishedIntervals) : words(.trendBasisComputedIntervals, ["methods": computed]))
        return .success(TrendEvidence(result: result, basis: basis))
    }
}

/// How the figures moved, in plain words with their dates: "82.6 in 2022-24, up from 82.0 in
/// 2021-23; it was 82.5 in 2017-19." Said where no test is allowed, in place of a verdict word.
struct TrendMovement {
    /// Figures with values, oldest first; at least two.
    var figures: [Observation]
    var decimals: Int
    var words: Words

    private func text(_ observation: Observation) -> String {
        words.figure(NumberFormat.format(observation.value ?? 0, decimals: decimals), at: observation.period)
    }

    /// The latest against the one before, and the first of the last five when that is earlier still.
    var sentence: String {
        let latest = figures[figures.count - 1]
        let previous = figures[figures.count - 2]
        let recent = figures.suffix(TrendTest.points)
        let step = step(from: previous, to: latest)
        guard recent.count > 2, let first = recent.first else {
            return words(step.twoFigures, ["latest": text(latest), "earlier": text(previous)])
        }
        return words(step.since, ["latest": text(latest), "earlier": text(previous), "first": text(first)])
    }

    /// The latest and the first of the window: "4.9 in 2022, down from 22.0 in 2018."
    var endpoints: String {
        let latest = figures[figures.count - 1]
        let first = figures[0]
        return words(step(from: first, to: latest).twoFigures, ["latest": text(latest), "earlier": text(first)])
    }

    /// Up, down or the same, as the two figures are written.
    private enum Step {
        case up, down, same

        var twoFigures: WordKey {
            switch self {
            case .up: .movementUp
            case .down: .movementDown
            case .same: .movementSame
            }
        }

        var since: WordKey {
            switch self {
            case .up: .movementUpSince
            case .down: .movementDownSince
            case .same: .movementSameSince
            }
        }
    }

    private func step(from earlier: Observation, to later: Observation) -> Step {
        let before = NumberFormat.format(earlier.value ?? 0, decimals: decimals)
        let after = NumberFormat.format(later.value ?? 0, decimals: decimals)
        if before == after { return .same }
        return (later.value ?? 0) > (earlier.value ?? 0) ? .up : .down
    }
}
