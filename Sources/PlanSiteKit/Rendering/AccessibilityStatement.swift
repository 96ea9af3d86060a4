/// The test results section of the accessibility statement (the page `pages/accessibility.md`),
/// from the audit results the build was given, or saying that none are attached.
struct AccessibilityStatement {
    static let slug = "accessibility"
    var results: AuditResults?
    var lastReviewed: String
    var words: Words

    /// The `statement` value of `page.mustache`: absent on every other page.
    static func record(for page: ContentPage, site: Site) -> Record? {
        guard page.kind == .page, page.slug == slug else { return nil }
        return AccessibilityStatement(results: site.auditResults, lastReviewed: site.config.lastReviewed, words: site.words).record()
    }

    func record() -> Record {
        var record = Record(lastReviewed: CalendarDate.long(lastReviewed, words), hasResults: results != nil, summary: "", checks: [])
        guard let results else {
            record.summary = words(.statementNoResults, ["date": CalendarDate.long(lastReviewed, words)])
            return record
        }
        record.summary = summary(of: results)
        record.testedOn = CalendarDate.long(results.date, words)
        record.pagesTested = String(results.pagesTested)
        record.failures = String(results.failures)
        record.wcagTags = results.wcagTags.joined(separator: ", ")
        record.tools = tools(of: results).map { Record.Tool(name: $0.0, version: $0.1) }
        record.checks = results.checks.map { check in
            Record.Check(name: check.name, description: check.description, failures: String(check.failures), id: check.id)
        }
        return record
    }

    /// The test results as `page.mustache` shows them; the figures only when there are results.
    struct Record: TemplateModel {
        var lastReviewed: String
        var hasResults: Bool
        var summary: String
        var checks: [Check]
        var testedOn: String?
        var pagesTested: String?
        var failures: String?
        var wcagTags: String?
        var tools: [Tool] = []

        static let keys = TemplateKeys<Self>([
            .text("last_reviewed", "When the site was last reviewed, as people write it.", \.lastReviewed),
            .flag("has_results", "Whether audit results are attached to the build (`--audit-results`).", \.hasResults),
            .text("summary", "The results in a sentence, or that none are attached.", \.summary),
            .list("checks", "Each check the audit made.", \.checks),
            .text("tested_on", "When the audit ran, as people write it.", \.testedOn),
            .text("pages_tested", "How many pages it tested.", \.pagesTested),
            .text("failures", "How many failures it found in all.", \.failures),
            .text("wcag_tags", "The axe-core rule tags it ran: \"wcag2a, wcag2aa\".", \.wcagTags),
            .list("tools", "The tools it ran, with their versions.", \.tools),
        ])

        struct Check: TemplateModel {
            var name: String
            var description: String
            var failures: String
            var id: String

            static let keys = TemplateKeys<Self>([
                .text("name", "The check's name.", \.name),
                .text("description", "What it tests.", \.description),
                .text("failures", "How many failures it found.", \.failures),
                .text("id", "Its identifier.", \.id),
            ])
        }

        struct Tool: TemplateModel {
            var name: String
            var version: String

            static let keys = TemplateKeys<Self>([
                .text("name", "The tool's name.", \.name),
                .text("version", "Its version.", \.version),
            ])
        }
    }

    /// "Last tested 1 December 2026 with axe-core 4.10.2 in Chromium 156: 41 pages, 0 failures at WCAG 2.2 A and AA, 0 at AAA contrast, …"
    func summary(of results: AuditResults) -> String {
        let axe = results.tool("axe-core").map { words(.statementToolAxe, ["version": $0]) }
        let chromium = results.tool("chromium").map {
            words(.statementToolChromium, ["version": String($0.split(separator: ".").first ?? "")])
        }
        let date = CalendarDate.long(results.date, words)
        let tools = axe.flatMap { axe in chromium.map { words(.statementToolsBoth, ["axe": axe, "chromium": $0]) } } ?? axe ?? chromium
        let tested = tools.map { words(.statementTestedWith, ["date": date, "tools": $0]) } ?? words(.statementTestedOn, ["date": date])
        var parts = [words(.statementPages, count: results.pagesTested, ["count": String(results.pagesTested)])]
        // The first two checks by name (AA, then AAA contrast), the others as one figure: the table has each.
        let named = results.checks.prefix(2)
        let others = results.checks.dropFirst(2)
        for (index, check) in named.enumerated() {
            parts.append(
                index == 0
                    ? words(.statementFailuresAt, count: check.failures, ["count": String(check.failures), "check": check.name])
                    : words(.statementFailuresAtNext, ["failures": String(check.failures), "check": check.name]))
        }
        var text = words.commaList(parts)
        if !others.isEmpty {
            let failures = String(others.reduce(0) { $0 + $1.failures })
            let other = words(.statementOtherChecks, count: others.count, ["count": String(others.count), "failures": failures])
            text = words(.listAnd, ["list": text, "last": other])
        }
        return words(.statementSummary, ["tested": tested, "results": text])
    }

    private func tools(of results: AuditResults) -> [(String, String)] {
        let names = [("axe-core", "axe-core"), ("chromium", "Chromium"), ("nu-html-checker", "Nu Html Checker")]
        return names.compactMap { key, name in results.tool(key).map { (name, $0) } }
    }
}
