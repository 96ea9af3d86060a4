import Foundation

/// Reads an indicator's `breakdowns:` (docs/content-format.md, "Breakdowns") and checks
/// them as the series are checked: every problem at the line and column of its value.
struct BreakdownReader {
    var fields: FieldReader

    static let keys: Set<String> = ["title", "dimension", "period", "ordered", "overall", "national", "categories"]
    static let categoryKeys: Set<String> = ["category", "value", "lower_ci", "upper_ci", "note"]
    static let figureKeys: Set<String> = ["value", "lower_ci", "upper_ci"]

    func read() -> [Breakdown] {
        guard let node = fields.value("breakdowns") else { return [] }
        guard case .sequence(let items) = node.content else {
            fields.error(node, "`breakdowns` must be a list, each entry with `dimension`, `period` and `categories`")
            return []
        }
        var seen: [String: Int] = [:]
        var breakdowns: [Breakdown] = []
        for item in items {
            guard case .mapping = item.content else {
                fields.error(
                    item,
                    "each breakdown must be a set of `key: value` lines with `dimension`, `period` and `categories`, found \(item.kindDescription)"
                )
                continue
            }
            guard let breakdown = fields.nested(item, subject: "breakdown", { readBreakdown($0) }) else { continue }
            let key = breakdown.dimension.lowercased() + "\u{0}" + breakdown.period
            if let first = seen[key] {
                fields.error(
                    item["dimension"] ?? item,
                    "a breakdown by \(breakdown.dimension) for \(breakdown.period) appears twice (first at line \(first))")
                continue
            }
            seen[key] = breakdown.line
            breakdowns.append(breakdown)
        }
        return breakdowns
    }

    private func readBreakdown(_ entry: FieldReader) -> Breakdown? {
        entry.checkUnknownKeys(allowed: Self.keys, .error)
        let dimension = entry.string("dimension", required: true)
        let period = entry.string("period", required: true)
        let ordered = entry.bool("ordered") ?? false
        let overall = entry.value("overall").flatMap { node in entry.nested(node, subject: "overall figure") { readFigure($0) } }
        let national = entry.value("national").flatMap { node in entry.nested(node, subject: "national figure") { readFigure($0) } }
        let categories = readCategories(entry)
        guard let dimension, let period, let categories, !dimension.isEmpty, !period.isEmpty,
            !entry.diagnostics.contains(where: { $0.severity == .error })
        else { return nil }
        var breakdown = Breakdown(
            dimension: dimension, period: period, ordered: ordered, categories: categories,
            overall: overall.map { Observation(period: period, value: $0.value, lowerCI: $0.lower, upperCI: $0.upper) },
            national: national.map { Observation(period: period, value: $0.value, lowerCI: $0.lower, upperCI: $0.upper) })
        breakdown.title = entry.string("title")
        breakdown.line = entry.value("dimension").map { entry.location(of: $0).line } ?? entry.location.line
        return breakdown
    }

    private func readCategories(_ entry: FieldReader) -> [BreakdownCategory]? {
        guard let node = entry.value("categories") else {
            entry.missing("categories")
            return nil
        }
        guard case .sequence(let items) = node.content, !items.isEmpty else {
            entry.error(node, "`categories` must be a list of `{ category: …, value: … }` entries, at least one")
            return nil
        }
        var seen: [String: Int] = [:]
        var categories: [BreakdownCategory] = []
        for item in items {
            // Named before it is read, so a repeat is found even when the first has another problem.
            let at = item["category"] ?? item
            if let name = item["category"]?.string?.trimmingCharacters(in: .whitespaces), !name.isEmpty {
                if let first = seen[name.lowercased()] {
                    entry.error(at, "category \"\(name)\" appears twice in this breakdown (first at line \(first))")
                    continue
                }
                seen[name.lowercased()] = entry.location(of: at).line
            }
            guard let category = entry.nested(item, subject: "category", { readCategory($0) }) else { continue }
            categories.append(category)
        }
        return categories
    }

    private func readCategory(_ entry: FieldReader) -> BreakdownCategory? {
        entry.checkUnknownKeys(allowed: Self.categoryKeys, .error)
        let name = entry.string("category", required: true)
        let note = entry.string("note")
        var value: Double?
        if let node = entry.value("value") {
            value = entry.number(node, named: "value")
        } else if note?.isEmpty ?? true {
            let at = entry.pairs.first(where: { $0.name == "value" })?.value ?? entry.node
            entry.error(
                at,
                "category \"\(name ?? "")\" has no `value` and no `note`: give a number, or a `note` saying why there is none (suppressed, not available)"
            )
        }
        let lower = entry.number("lower_ci")
        let upper = entry.number("upper_ci")
        Self.checkInterval(entry, value: value, lower: lower, upper: upper)
        guard let name, !name.isEmpty, !entry.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return BreakdownCategory(category: name, value: value, lowerCI: lower, upperCI: upper, note: note)
    }

    private func readFigure(_ entry: FieldReader) -> (value: Double, lower: Double?, upper: Double?)? {
        entry.checkUnknownKeys(allowed: Self.figureKeys, .error)
        guard let value = entry.number("value", required: true) else { return nil }
        let lower = entry.number("lower_ci")
        let upper = entry.number("upper_ci")
        Self.checkInterval(entry, value: value, lower: lower, upper: upper)
        guard !entry.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return (value, lower, upper)
    }

    /// Both ends or neither, lower below upper, the value inside: for a series' observation and a breakdown's category alike.
    static func checkInterval(_ entry: FieldReader, value: Double?, lower: Double?, upper: Double?) {
        let at = { (key: String) in entry.value(key) ?? entry.node }
        if (lower == nil) != (upper == nil), entry.value("lower_ci") != nil || entry.value("upper_ci") != nil {
            entry.error(at(lower == nil ? "upper_ci" : "lower_ci"), "give both `lower_ci` and `upper_ci`, or neither")
        }
        if let lower, let upper, lower > upper {
            entry.error(at("lower_ci"), "`lower_ci` (\(lower.plainText)) is above `upper_ci` (\(upper.plainText))")
        } else if let value, let lower, let upper, !(lower...upper).contains(value) {
            entry.error(
                at("value"), "`value` (\(value.plainText)) lies outside its confidence interval \(lower.plainText) to \(upper.plainText)")
        }
    }
}
