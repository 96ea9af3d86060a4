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
    public func words(_ words: Words) -> String {
        switch self {
        case .improving: words(.directionImproving)
        case .gettingWorse: words(.directionGettingWorse)
        case .noSignificantChange: words(.directionNoSignificantChange)
        case .notAssessed: words(.directionNotAssessed)
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
        public var phrase: String

        init(direction: DirectionOfTravel, reason: NoTrendReason? = nil, window: String? = nil, sentence: String, words: Words) {
            self.direction = direction
            self.reason = reason
            self.window = window
            self.sentence = sentence
            if reason == .onlyOneFigure {
                phrase = words(.trendPhraseNoEarlier)
            } else if let reason, direction == .notAssessed {
                phrase = words(.trendPhraseNotAssessed, ["reason": reason.short(words)])
            } else {
                let named = capitalised(direction.words(words))
                phrase = window.map { words(.trendPhraseWindow, ["direction": named, "window": $0]) } ?? named
            }
        }
    }

    public static func assess(_ indicator: Indicator, words: Words) -> Assessment {
        let present = indicator.series.filter { $0.value != nil }
        guard present.count >= 2 else {
            return Assessment(
                direction: .notAssessed, reason: .onlyOneFigure, sentence: NoTrendReason.onlyOneFigure.sentence(words), words: words)
        }
        let movement = TrendMovement(figures: present, decimals: indicator.decimals, words: words).sentence
        let notAssessed = { (reason: NoTrendReason) in
            Assessment(direction: .notAssessed, reason: reason, sentence: movement + " " + reason.sentence(words), words: words)
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
        switch TrendEvidence.test(points, of: indicator, words: words) {
        case .failure(let error): return notAssessed(error.reason)
        case .success(let evidence): return verdict(evidence, points: points, indicator: indicator, words: words)
        }
    }

    private static func verdict(_ evidence: TrendEvidence, points: [Observation], indicator: Indicator, words: Words) -> Assessment {
        let span = words.span(
            PeriodText.display(points[0].period, words), PeriodText.display(points[points.count - 1].period, words))
        let rise: Bool? = evidence.result.isSignificant ? evidence.result.slope > 0 : nil
        let movement = TrendMovement(figures: points, decimals: indicator.decimals, words: words).endpoints
        if indicator.polarity == .noJudgement {
            let reason = NoTrendReason.noPolarity(rise: rise)
            return Assessment(
                direction: .notAssessed, reason: reason, sentence: movement + " " + reason.sentence(words) + evidence.basis,
                words: words)
        }
        let direction: DirectionOfTravel =
            switch (rise, indicator.polarity) {
            case (nil, _): .noSignificantChange
            case (true?, .higherIsBetter), (false?, .lowerIsBetter): .improving
            default: .gettingWorse
            }
        let key: WordKey
        if let rise {
            let higherIsBetter = indicator.polarity == .higherIsBetter
            key =
                switch (rise, higherIsBetter) {
                case (true, true): .trendVerdictRiseHigherBetter
                case (true, false): .trendVerdictRiseLowerBetter
                case (false, true): .trendVerdictFallHigherBetter
                case (false, false): .trendVerdictFallLowerBetter
                }
        } else {
            key = evidence.result.slopeKeepsSign ? .trendVerdictNoChange : .trendVerdictUnsteady
        }
        let sentence = words(key, ["direction": capitalised(direction.words(words)), "span": span])
        return Assessment(
            direction: direction, window: span, sentence: sentence + " " + movement + evidence.basis, words: words)
    }
}
