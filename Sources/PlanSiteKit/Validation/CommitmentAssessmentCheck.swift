import Foundation

/// Warns where a commitment's status cannot be trusted as the council's current judgement:
/// no one is named as having made it, or no date; it was made before the figures it rests on
/// were published (so it was never re-read against them); or it says "on track" or "achieved"
/// while a target's latest figure is short of where the target says it should be.
struct CommitmentAssessmentCheck {
    var page: ContentPage
    var site: Site
    /// The build's clock (`--today`).
    var today: CalendarDate

    func check() -> [Diagnostic] {
        guard let status = page.status, status != .notAssessed, let assessment = page.assessment else { return [] }
        return missingFields(assessment) + dateProblems(assessment) + (status == .onTrack || status == .achieved ? shortfalls(status) : [])
    }

    private func missingFields(_ assessment: CommitmentAssessment) -> [Diagnostic] {
        let on = assessment.unreadableDate ? "written" : assessment.on.map(\.value.description)
        let missing = [("assessed_by", assessment.by), ("assessed_on", on)]
            .filter { $0.1?.isEmpty ?? true }.map { "`\($0.0)`" }
        guard !missing.isEmpty else { return [] }
        return [
            .warning(
                assessment.statusLocation,
                "a status needs \(missing.joined(separator: " and ")): say who judged it "
                    + "(a role or team) and on which day (\(CalendarDate.form)), or write `status: not-assessed`")
        ]
    }

    private func dateProblems(_ assessment: CommitmentAssessment) -> [Diagnostic] {
        guard let on = assessment.on else { return [] }
        if today < on.value {
            return [.warning(on.location, "`assessed_on` \(on.value) is after today (\(today)); write the day the status was judged")]
        }
        guard let newest = newestFigure(), on.value < newest.end else { return [] }
        return [
            .warning(
                on.location,
                "the status was assessed on \(on.value), before the end of the latest figures it rests on "
                    + "(\(newest.id) for \(newest.period), to \(newest.end)); read the status and reason against them, "
                    + "then update `assessed_on`")
        ]
    }

    /// The listed indicators' (and targets') latest figure whose period ends last.
    private func newestFigure() -> (id: String, period: String, end: CalendarDate)? {
        let ids = page.indicatorIDs.map(\.value) + page.targets.map(\.indicator.value)
        var newest: (id: String, period: String, end: CalendarDate)?
        for indicator in Set(ids).sorted().compactMap(site.indicator) {
            guard let latest = indicator.latest, let end = PeriodText.end(of: latest.period) else { continue }
            if newest.map({ $0.end < end }) ?? true { newest = (indicator.id, latest.period, end) }
        }
        return newest
    }

    private func shortfalls(_ status: CommitmentStatus) -> [Diagnostic] {
        page.targets.compactMap { target in
            guard let indicator = site.indicator(target.indicator.value), let latest = indicator.latest,
                let value = latest.value, let goal = TargetLine(target: target).expected(at: latest.period)
            else { return nil }
            let short = indicator.polarity == .lowerIsBetter ? value > goal.value : value < goal.value
            guard short else { return nil }
            let figure = { (v: Double) in NumberFormat.withUnit(v, decimals: indicator.decimals, unit: indicator.unit, words: site.words) }
            return .warning(
                target.indicator.location,
                "the status is \(status.rawValue), but \(indicator.id)'s latest figure, \(figure(value)) "
                    + "\(PeriodText.phrase(latest.period, site.words)), is short of \(goal.describe(figure, words: site.words)); "
                    + "judge the status again: \(status.rawValue) says the figures meet the target")
        }
    }
}

/// Where a target says the figure should be at a period: the target itself, or, with a
/// `baseline`, the straight line from the baseline to the target.
struct TargetLine {
    var target: CommitmentTarget

    struct Goal {
        var value: Double
        var target: CommitmentTarget
        var onLine: Bool

        func describe(_ figure: (Double) -> String, words: Words) -> String {
            let label = target.label
            guard onLine, let baseline = target.baseline, let start = baseline.value else {
                return "the target of \(figure(target.value)) (\(label))"
            }
            return "\(figure(value)), where the straight line from the baseline (\(figure(start)) "
                + "\(PeriodText.phrase(baseline.period, words))) to the target (\(figure(target.value)) by \(target.by)) stands"
        }
    }

    func expected(at period: String) -> Goal? {
        guard let baseline = target.baseline, let start = baseline.value else {
            return Goal(value: target.value, target: target, onLine: false)
        }
        guard let from = PeriodText.span(baseline.period)?.upperBound, let to = PeriodText.span(target.by)?.upperBound,
            let now = PeriodText.span(period)?.upperBound, to > from
        else { return nil }
        let share = min(max((now - from) / (to - from), 0), 1)
        return Goal(value: start + (target.value - start) * share, target: target, onLine: true)
    }
}

extension PeriodText {
    /// The last day a period covers: the day itself for a date, 31 March for a financial
    /// year, 31 December of the last year for a calendar year or a span of years.
    static func end(of period: String) -> CalendarDate? {
        if let date = date(period) { return CalendarDate(year: date.year, month: date.month, day: date.day) }
        guard let after = span(period)?.upperBound else { return nil }
        // `after` is the moment the period ends (2020.25 is 1 April 2020): the day before it.
        let months = Int((after * 12).rounded())
        let year = months / 12
        let month = months % 12
        let (endYear, endMonth) = month == 0 ? (year - 1, 12) : (year, month)
        return CalendarDate(year: endYear, month: endMonth, day: CalendarDate.daysIn(month: endMonth, year: endYear))
    }
}
