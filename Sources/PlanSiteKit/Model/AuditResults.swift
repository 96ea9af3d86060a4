import Foundation

/// What the browser audit (`Tests/audit/audit.py --results FILE`) found, as the
/// accessibility statement shows it. Read from the file `--audit-results` names; the
/// build never invents a figure: with no file, the statement says none is attached.
public struct AuditResults: Sendable, Hashable, Decodable {
    public struct Check: Sendable, Hashable, Decodable {
        public var id: String
        public var name: String
        public var description: String
        public var failures: Int
    }

    public var format: String
    /// The day the audit ran (UTC), `YYYY-MM-DD`.
    public var date: String
    public var tools: [String: String?]
    public var wcagTags: [String]
    public var pagesTested: Int
    public var pages: [String]
    public var checks: [Check]
    public var failures: Int
    /// Where the results were read from, as diagnostics print it.
    public var path = ""

    enum CodingKeys: String, CodingKey {
        case format, date, tools, pages, checks, failures
        case wcagTags = "wcag_tags"
        case pagesTested = "pages_tested"
    }

    static let supportedFormat = "plansite-audit-results/1"

    public func tool(_ name: String) -> String? { tools[name] ?? nil }

    /// Reads and checks the file; a file that is missing or malformed is an error, so a
    /// statement is never built from results that are not there.
    public static func read(
        from url: URL, displayPath: String, today: CalendarDate,
        problems: inout [Diagnostic]
    ) -> AuditResults? {
        let at = SourceLocation(path: displayPath)
        guard let data = try? Data(contentsOf: url) else {
            problems.append(.error(at, "cannot read the audit results; run `make test` (which writes them) or leave out --audit-results"))
            return nil
        }
        do {
            var results = try JSONDecoder().decode(AuditResults.self, from: data)
            results.path = displayPath
            guard results.format == supportedFormat else {
                problems.append(
                    .error(
                        at,
                        "audit results are in format \"\(results.format)\"; this plansite reads \"\(supportedFormat)\": run the audit of this version"
                    ))
                return nil
            }
            // Checked before the statement prints a word of them: a day that does not exist, a run
            // after today, or a negative count would be published as fact.
            let found = results.problems(today: today)
            problems += found.map { .error(at, $0) }
            return found.isEmpty ? results : nil
        } catch {
            problems.append(.error(at, "audit results are not the JSON the audit writes (\(Self.describe(error))); run `make test` again"))
            return nil
        }
    }

    /// What makes these results impossible: the date not a real day in the documented form, or
    /// after `today`; a count below zero.
    func problems(today: CalendarDate) -> [String] {
        var problems: [String] = []
        if let day = CalendarDate(iso: date) {
            if day > today {
                problems.append("audit results are dated \(day.long), after today (\(today.long)); run `make test` again")
            }
        } else {
            problems.append(
                "audit results have date \"\(date.prefix(40))\", which is not a real day written "
                    + "\(CalendarDate.form); run `make test` again")
        }
        let counts =
            [("failures", failures), ("pages_tested", pagesTested)]
            + checks.map { ("failures of \($0.id)", $0.failures) }
        for (name, count) in counts where count < 0 {
            problems.append(
                "audit results give \(count) for `\(name)`; a count cannot be below zero: "
                    + "run `make test` again")
        }
        return problems
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "no `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "`\(context.codingPath.map(\.stringValue).joined(separator: "."))` has the wrong type"
        default: "not valid JSON"
        }
    }
}
