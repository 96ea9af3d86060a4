import Foundation

/// Warns when the audit results the accessibility statement shows no longer describe the
/// site: older than the site's `last_reviewed` or than 90 days, made for another set of
/// pages, or recording failures.
struct AuditResultsLint {
    var results: AuditResults
    var lastReviewed: String
    var pagesBuilt: Int?
    var today: CalendarDate

    static let maximumAgeDays = 90

    func check() -> [Diagnostic] {
        let at = SourceLocation(path: results.path)
        var problems: [Diagnostic] = []
        let tested = CalendarDate.long(results.date)
        if let reviewed = CalendarDate(iso: lastReviewed), let date = CalendarDate(iso: results.date), date < reviewed {
            problems.append(
                .warning(
                    at,
                    "the audit results are from \(tested), before the site's `last_reviewed` (\(CalendarDate.long(lastReviewed))); run `make test` so the statement shows tests of the site as reviewed"
                ))
        }
        if let date = CalendarDate(iso: results.date) {
            let days = today.days(since: date)
            if days > Self.maximumAgeDays {
                problems.append(
                    .warning(
                        at,
                        "the audit results are \(days) days old (tested \(tested)); run `make test` again: the statement should show tests less than \(Self.maximumAgeDays) days old"
                    ))
            }
        }
        if let pagesBuilt, pagesBuilt != results.pagesTested {
            problems.append(
                .warning(
                    at,
                    "the audit results cover \(results.pagesTested) pages but this build writes \(pagesBuilt); run `make test` so every page is tested"
                ))
        }
        if results.failures > 0 {
            problems.append(
                .warning(
                    at,
                    "the audit results record \(results.failures) failures, which the accessibility statement shows; fix them and run `make test` again"
                ))
        }
        return problems
    }
}
