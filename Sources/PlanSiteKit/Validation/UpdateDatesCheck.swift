/// An indicator's `updated` and `next_update` against the build's day (`--today`): a release
/// that has passed means newer figures are probably out; an update after today is a typo.
struct UpdateDatesCheck {
    var indicator: Indicator
    var today: CalendarDate

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let next = indicator.nextUpdate, let date = CalendarDate(iso: next.value), date < today {
            problems.append(
                .warning(
                    next.location,
                    "`next_update` \(next.value) has passed (today is \(today)): the source has probably published newer figures; "
                        + "add them, then set `updated` to the day you did and `next_update` to the source's next release "
                        + "(from its release calendar)"))
        }
        if let updated = indicator.updated, let date = CalendarDate(iso: updated.value), today < date {
            problems.append(
                .warning(
                    updated.location,
                    "`updated` \(updated.value) is after today (\(today)); write the day the figures were last updated from the source"))
        }
        return problems
    }
}
