import Foundation

/// The test results section of the accessibility statement (the page `pages/accessibility.md`),
/// from the audit results the build was given, or saying that none are attached.
struct AccessibilityStatement {
    static let slug = "accessibility"
    var results: AuditResults?
    var lastReviewed: String

    /// The `statement` value of `page.mustache`: NSNull on every other page.
    static func values(for page: ContentPage, site: Site) -> Any {
        guard page.kind == .page, page.slug == slug else { return NSNull() }
        return AccessibilityStatement(results: site.auditResults, lastReviewed: site.config.lastReviewed).values()
    }

    func values() -> [String: Any] {
        var values: [String: Any] = ["last_reviewed": StatementDate.long(lastReviewed), "has_results": results != nil]
        guard let results else {
            values["summary"] =
                "This statement was last reviewed on \(StatementDate.long(lastReviewed)). "
                + "No automated test results are attached to this copy of the website, so none are shown here."
            values["checks"] = [[String: Any]]()
            return values
        }
        values["summary"] = summary(of: results)
        values["tested_on"] = StatementDate.long(results.date)
        values["pages_tested"] = String(results.pagesTested)
        values["failures"] = String(results.failures)
        values["wcag_tags"] = results.wcagTags.joined(separator: ", ")
        values["tools"] = tools(of: results).map { ["name": $0.0, "version": $0.1] }
        values["checks"] = results.checks.map { check -> [String: Any] in
            ["name": check.name, "description": check.description, "failures": String(check.failures), "id": check.id]
        }
        return values
    }

    /// "Last tested 1 December 2026 with axe-core 4.10.2 in Chromium 156: 41 pages, 0 failures at WCAG 2.2 A and AA, 0 at AAA contrast, …"
    func summary(of results: AuditResults) -> String {
        var with: [String] = []
        if let axe = results.tool("axe-core") { with.append("axe-core \(axe)") }
        if let chromium = results.tool("chromium") { with.append("in Chromium \(chromium.split(separator: ".").first ?? "")") }
        var text = "Last tested \(StatementDate.long(results.date))" + (with.isEmpty ? "" : " with " + with.joined(separator: " "))
        text += ": \(results.pagesTested) \(results.pagesTested == 1 ? "page" : "pages")"
        // The first two checks by name (AA, then AAA contrast), the others as one figure: the table has each.
        let named = results.checks.prefix(2)
        let others = results.checks.dropFirst(2)
        for (index, check) in named.enumerated() {
            text += ", \(check.failures) \(index == 0 ? (check.failures == 1 ? "failure" : "failures") + " " : "")at \(check.name)"
        }
        if !others.isEmpty {
            text +=
                " and \(others.reduce(0) { $0 + $1.failures }) in the other \(others.count) \(others.count == 1 ? "check" : "checks") below"
        }
        return text + "."
    }

    private func tools(of results: AuditResults) -> [(String, String)] {
        let names = [("axe-core", "axe-core"), ("chromium", "Chromium"), ("nu-html-checker", "Nu Html Checker")]
        return names.compactMap { key, name in results.tool(key).map { (name, $0) } }
    }
}
