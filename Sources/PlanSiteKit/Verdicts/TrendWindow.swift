import Foundation

/// The figures Fingertips' trend test may use: the latest unbroken run of separate yearly
/// figures (calendar years, financial years, or one date a year), from the latest figure back
/// to a gap, a `flag: b` break or the start of the series. Nil run with a reason when the
/// periods themselves rule a test out (overlapping or multi-year periods, quarters, dates).
struct TrendWindow {
    var run: [Observation]
    /// Why the run stopped before the start of the series, if it did.
    var stop: NoTrendReason?

    enum PeriodKind {
        case year(Int)
        case span(ClosedRange<Double>)
        case date(year: Int, month: Int, day: Int)
        case other
    }

    static func kind(_ period: String) -> PeriodKind {
        if let date = PeriodText.date(period) { return .date(year: date.year, month: date.month, day: date.day) }
        guard let span = PeriodText.span(period) else { return .other }
        if span.upperBound - span.lowerBound == 1 { return .year(Int(span.lowerBound.rounded(.down))) }
        return .span(span)
    }

    /// The run ending at the series' latest figure, or the reason no run of years can be read.
    static func latestRun(of series: [Observation]) -> Result<TrendWindow, NoTrendReasonError> {
        guard let lastIndex = series.lastIndex(where: { $0.value != nil }) else {
            return .failure(.init(.onlyOneFigure))
        }
        let latest = series[lastIndex]
        let previous = series[..<lastIndex].last { $0.value != nil }
        switch (kind(latest.period), previous.map { kind($0.period) }) {
        case (.other, _):
            return .failure(.init(.periodsNotYears))
        case (.span(let span), let earlier):
            if case .span(let before)? = earlier, before.upperBound > span.lowerBound {
                return .failure(.init(.rollingPeriods(example: latest.period)))
            }
            return .failure(.init(.multiYearPeriods(example: latest.period)))
        case (.date(let year, let month, let day), .date(let y, let m, let d)?)
        where !(y == year - 1 && m == month && d == day):
            let months = (year - y) * 12 + month - m
            return .failure(.init(months == 3 ? .quarterly : .singleDates))
        default:
            return .success(walkBack(series[...lastIndex]))
        }
    }

    /// From the latest figure back while each figure is the year before the next one.
    private static func walkBack(_ series: ArraySlice<Observation>) -> TrendWindow {
        var run: [Observation] = []
        // The kind of the run's first period, read once: reading a period is most of the walk's cost.
        var nextKind = PeriodKind.other
        for index in series.indices.reversed() {
            let observation = series[index]
            let kind = kind(observation.period)
            if let next = run.first {
                guard observation.value != nil, isYearBefore(kind, nextKind) else {
                    let missing = observation.value == nil ? observation.period : yearBefore(next.period)
                    return TrendWindow(run: run, stop: .gap(period: missing, yearly: run.count))
                }
            }
            run.insert(observation, at: 0)
            nextKind = kind
            let earlierFigures = series[..<index].contains { $0.value != nil }
            if observation.flags.contains(.breakInSeries), earlierFigures {
                return TrendWindow(run: run, stop: .breakInSeries(period: observation.period, yearly: run.count))
            }
        }
        return TrendWindow(run: run, stop: nil)
    }

    private static func isYearBefore(_ earlier: PeriodKind, _ later: PeriodKind) -> Bool {
        switch (earlier, later) {
        case (.year(let a), .year(let b)): a == b - 1
        case (.date(let y, let m, let d), .date(let year, let month, let day)): y == year - 1 && m == month && d == day
        default: false
        }
    }

    /// The period a year before `period`, written the same way: "2021" before "2022",
    /// "2018-19" before "2019-20", "31 March 2023" before "2024-03-31".
    private static func yearBefore(_ period: String) -> String {
        switch kind(period) {
        case .year(let year) where period.count == 4: String(year - 1)
        case .year(let year): "\(year - 1)-" + String(format: "%02d", year % 100)
        case .date(let year, let month, let day): "\(day) \(PeriodText.months[month - 1]) \(year - 1)"
        default: "the year before \(PeriodText.englishDisplay(period))"
        }
    }
}

/// A reason carried through `Result`.
struct NoTrendReasonError: Error {
    var reason: NoTrendReason
    init(_ reason: NoTrendReason) { self.reason = reason }
}
