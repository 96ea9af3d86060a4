/// Which way an indicator is going, in words a resident reads, decided only by Fingertips'
/// recent-trend test (`TrendTest`; docs/methods.md): "improving" or "getting worse" when the
/// test finds a significant rise or fall and the polarity says which is better, "no
/// significant change" when it finds none, and otherwise no verdict word at all: the page
/// states the movement with its dates and says why no trend is assessed. The one place these
/// words are decided; pages, tiles, the index and the at-a-glance table all read them here.
public enum DirectionOfTravel: String, Sendable, CaseIterable {
    case improving
    case gettingWorse
    case noSignificantChange
    case notAssessed

    /// The words, exactly as they start badges and table cells.
    public var words: String {
        switch self {
        case .improving: "improving"
        case .gettingWorse: "getting worse"
        case .noSignificantChange: "no significant change"
        case .notAssessed: "trend not assessed"
        }
    }

    /// A CSS class for the badge; the words always carry the meaning too.
    public var cssClass: String {
        switch self {
        case .improving: "better"
        case .gettingWorse: "worse"
        default: "neutral"
        }
    }

    public struct Assessment: Sendable, Equatable {
        public var direction: DirectionOfTravel
        /// Why no verdict, when there is none.
        public var reason: NoTrendReason?
        /// The periods the test looked over ("2018 to 2022"), when it ran.
        public var window: String?
        /// What the page says under the badge.
        public var sentence: String

        /// "Improving, 2018 to 2022", "Trend not assessed (overlapping periods)", "No earlier figure":
        /// the same words in the at-a-glance table, the index, tiles and the indicator's page.
        public var phrase: String {
            if reason == .onlyOneFigure { return "No earlier figure" }
            if let reason, direction == .notAssessed { return "Trend not assessed (\(reason.short))" }
            return capitalised(direction.words) + (window.map { ", \($0)" } ?? "")
        }
    }

    public static func assess(_ indicator: Indicator) -> Assessment {
        let present = indicator.series.filter { $0.value != nil }
        guard present.count >= 2 else {
            return Assessment(
                direction: .notAssessed, reason: .onlyOneFigure, sentence: NoTrendReason.onlyOneFigure.sentence)
        }
        let movement = TrendMovement(figures: present, decimals: indicator.decimals).sentence
        let notAssessed = { (reason: NoTrendReason) in
            Assessment(direction: .notAssessed, reason: reason, sentence: movement + " " + reason.sentence)
        }
        if indicator.measure == .count || indicator.valueType == .count { return notAssessed(.count) }
        let window: TrendWindow
        switch TrendWindow.latestRun(of: indicator.series) {
        case .failure(let error): return notAssessed(error.reason)
        case .success(let found): window = found
        }
        guard window.run.count >= TrendTest.points else {
            return notAssessed(window.stop ?? .fewerThanFive(yearly: window.run.count))
        }
        let points = Array(window.run.suffix(TrendTest.points))
        switch TrendEvidence.test(points, of: indicator) {
        case .failure(let error): return notAssessed(error.reason)
        case .success(let evidence): return verdict(evidence, points: points, indicator: indicator)
        }
    }

    private static func verdict(_ evidence: TrendEvidence, points: [Observation], indicator: Indicator) -> Assessment {
        let span = "\(PeriodText.display(points[0].period)) to \(PeriodText.display(points[points.count - 1].period))"
        let rise: Bool? = evidence.result.isSignificant ? evidence.result.slope > 0 : nil
        let movement = TrendMovement(figures: points, decimals: indicator.decimals).endpoints
        if indicator.polarity == .noJudgement {
            let reason = NoTrendReason.noPolarity(rise: rise)
            return Assessment(
                direction: .notAssessed, reason: reason, sentence: movement + " " + reason.sentence + evidence.basis)
        }
        let direction: DirectionOfTravel =
            switch (rise, indicator.polarity) {
            case (nil, _): .noSignificantChange
            case (true?, .higherIsBetter), (false?, .lowerIsBetter): .improving
            default: .gettingWorse
            }
        var sentence =
            "\(capitalised(direction.words)): a trend test on the five yearly figures from \(span),"
            + " the method Fingertips uses,"
        if let rise {
            let better = indicator.polarity == .higherIsBetter ? "higher" : "lower"
            sentence += " finds a significant \(rise ? "rise" : "fall"), and \(better) is better."
        } else if evidence.result.slopeKeepsSign {
            sentence += " finds no significant rise or fall."
        } else {
            sentence += " finds no steady rise or fall: leaving out a single year reverses the direction."
        }
        return Assessment(direction: direction, window: span, sentence: sentence + " " + movement + evidence.basis)
    }
}

func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
