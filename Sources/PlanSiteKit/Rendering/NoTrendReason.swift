/// Why a series gets no trend verdict: Fingertips tests only five or more separate yearly
/// figures with no break, of a rate, proportion or other measure with intervals, and a verdict
/// needs a polarity (OHID, "Fingertips trend markers"). Each reason says why in words.
public enum NoTrendReason: Sendable, Equatable {
    case onlyOneFigure
    case periodsNotYears
    /// Periods of several years that share years ("2018-20", "2019-21").
    case rollingPeriods(example: String)
    /// Periods of several years that do not overlap ("2011-13", "2014-16").
    case multiYearPeriods(example: String)
    case quarterly
    case singleDates
    case fewerThanFive(yearly: Int)
    /// `flag: b` on `period`: only the figures from it on are on one basis.
    case breakInSeries(period: String, yearly: Int)
    /// No figure for `period` inside the run of years.
    case gap(period: String, yearly: Int)
    case count
    case noIntervals
    case extremeProportion
    /// Tested, but neither higher nor lower is better; `rise` is the tested direction, if any.
    case noPolarity(rise: Bool?)

    /// In brackets after "Trend not assessed" in badges and tables.
    var short: String {
        switch self {
        case .onlyOneFigure: "only one figure"
        case .periodsNotYears: "periods not stated as years"
        case .rollingPeriods: "overlapping periods"
        case .multiYearPeriods: "periods of several years"
        case .quarterly: "quarterly figures"
        case .singleDates: "figures for single dates"
        case .fewerThanFive: "fewer than five yearly figures"
        case .breakInSeries: "break in the series"
        case .gap: "gap in the series"
        case .count: "a count"
        case .noIntervals: "no confidence intervals"
        case .extremeProportion: "a 0% or 100% figure"
        case .noPolarity: "neither higher nor lower is better"
        }
    }

    private static let needs = "the trend test needs at least five separate yearly figures"

    /// The reason as a sentence for the indicator's page.
    var sentence: String {
        if case .onlyOneFigure = self { return "There is no earlier figure to compare with, so no trend is assessed." }
        if case .noPolarity(let rise) = self {
            let found = rise.map { $0 ? "a significant rise" : "a significant fall" } ?? "no significant change"
            return "A trend test on the five latest yearly figures finds \(found), but neither higher nor lower is"
                + " better for this measure, so it is not called improving or getting worse."
        }
        return "No trend is assessed: " + why + "."
    }

    /// After "No trend is assessed: ".
    private var why: String {
        switch self {
        case .onlyOneFigure, .noPolarity: ""
        case .periodsNotYears: "the figures are not for a run of stated years"
        case .rollingPeriods(let example):
            "each figure covers several years that overlap with the next (such as \(example)),"
                + " so they are not separate measurements, and \(Self.needs)"
        case .multiYearPeriods(let example): "each figure covers several years (such as \(example)), and \(Self.needs)"
        case .quarterly: "these are quarterly figures, which move with the seasons, and \(Self.needs)"
        case .singleDates: "the figures are for single dates less than a year apart, and \(Self.needs)"
        case .fewerThanFive(let yearly):
            "there \(yearly == 1 ? "is" : "are") only \(Self.figures(yearly)) in a row, and \(Self.needs)"
        case .breakInSeries(let period, let yearly):
            "the series has a break at \(PeriodText.display(period)) (figures before it were measured differently),"
                + " and only \(Self.figures(yearly)) from it on; \(Self.needs)"
        case .gap(let period, let yearly):
            "there is no figure for \(PeriodText.display(period)), and only \(Self.figures(yearly)) after it;"
                + " \(Self.needs)"
        case .count:
            "this is a count, which grows and shrinks with the population as well as with what is counted;"
                + " trends are tested on rates, percentages and similar measures"
        case .noIntervals:
            "the source gives no confidence intervals, nor counts to compute them from,"
                + " and the trend test needs them to weigh each figure"
        case .extremeProportion: "a figure of 0% or 100% among the latest five leaves the trend test undefined"
        }
    }

    private static func figures(_ count: Int) -> String {
        count == 1 ? "1 yearly figure" : "\(count) yearly figures"
    }
}
