/// Checks of an indicator file that need more than one field at a time: each figure against
/// the range its `value_type` allows, counts as whole numbers, and comparator names against
/// the site's own. Reads the YAML nodes again, so each problem points at the number written.
struct IndicatorChecks {
    var fields: FieldReader
    var rules: FigureRules
    /// The site's national and regional comparators (`site.yml`).
    var comparatorNames: [String]

    func check() {
        checkComparatorNames()
        for series in allSeries() {
            for entry in series {
                guard case .mapping(let mapping) = entry.content else { continue }
                for pair in mapping.pairs {
                    guard let name = pair.key.string, Self.isFigureKey(name) else { continue }
                    checkFigure(name, pair.value)
                }
            }
        }
    }

    /// A switch rather than a set: hashing every key of every observation cost more than the check.
    static func isFigureKey(_ name: String) -> Bool {
        switch name {
        case "value", "lower_ci", "upper_ci", "count", "denominator": true
        default: false
        }
    }

    private func allSeries() -> [[YAMLNode]] {
        var lists: [[YAMLNode]] = []
        if case .sequence(let items) = fields.value("series")?.content { lists.append(items) }
        if case .mapping(let comparators) = fields.value("comparators")?.content {
            for pair in comparators.pairs { if case .sequence(let items) = pair.value.content { lists.append(items) } }
        }
        return lists
    }

    private func checkFigure(_ key: String, _ node: YAMLNode) {
        // Most figures can be any number: not read a second time.
        guard rules.mayFindProblems(key), case .scalar(let scalar) = node.content, scalar.style == .plain,
            let number = Double(scalar.string)
        else { return }
        if let problem = rules.problem(key, written: scalar.string, number: number) { fields.error(node, problem) }
    }

    /// "1.032" → "1,032": one to three digits, then groups of exactly three after full stops.
    static func continentalThousands(_ text: String) -> String? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 2, (1...3).contains(groups[0].count), groups.allSatisfy({ String($0).isDigits }),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return groups.joined(separator: ",")
    }

    /// `Englnad`, `england` or `England ` would silently leave the comparison out: a near miss of
    /// the site's comparators (nil when the name is one of them, or near none).
    static func nearComparator(_ name: String, in comparatorNames: [String]) -> String? {
        guard !comparatorNames.contains(name) else { return nil }
        return comparatorNames.first { known in
            name.trimmed(.whitespaces).lowercased() == known.lowercased()
                || name.lowercased().editDistance(to: known.lowercased()) <= (known.count >= 5 ? 2 : 1)
        }
    }

    /// `Englnad`, `england` or `England ` would silently leave the comparison out: a near miss of
    /// the site's comparators is an error.
    private func checkComparatorNames() {
        guard case .mapping(let comparators) = fields.value("comparators")?.content else { return }
        for key in comparators.pairs.map(\.key) {
            if let name = key.string, let near = Self.nearComparator(name, in: comparatorNames) {
                fields.error(
                    key,
                    "comparator \"\(name)\" is not one of the site's comparators (site.yml); did you mean \"\(near)\"?")
            }
        }
    }
}

/// What the figures of one indicator may be, by its `value_type`, `measure` and `decimals`: the
/// same rules for figures written in the indicator file and in the spreadsheet beside it.
struct FigureRules {
    var valueType: ValueType?
    var multiplier: Double?
    var measure: Measure
    var decimals: Int
    var unit: String?

    /// What is wrong with `key`'s figure, written `written`, as a sentence after its name; nil if nothing.
    /// `count` is always a count of events or people, and the value is one with `value_type: count`:
    /// whole numbers. `measure: count` may be an estimate (a net change of 209.5 homes), so only
    /// continental thousands are looked for there.
    func problem(_ key: String, written: String, number: Double) -> String? {
        let (isCount, countLike) = countedness(key)
        if countLike, let thousands = IndicatorChecks.continentalThousands(written) {
            return "`\(key)` is written \(written), which looks like \(thousands) written with a full stop "
                + "between the thousands; write \(thousands.replacingOccurrences(of: ",", with: "")), "
                + "or give `decimals:` if it has decimals"
        }
        if isCount && number != number.rounded() {
            return "`\(key)` is \(written), but a count is a whole number; check the figure"
        }
        return rangeProblem(number, isCount: isCount || key == "denominator").map { "`\(key)` is \(written), \($0)" }
    }

    /// Whether `key`'s figure is a count, and whether it may be written like one (so continental
    /// thousands are looked for).
    private func countedness(_ key: String) -> (isCount: Bool, countLike: Bool) {
        let isCount = key == "count" || (key != "denominator" && valueType == .count)
        return (isCount, isCount || key == "denominator" || measure == .count || decimals == 0)
    }

    /// Whether `problem` can find anything wrong with a figure of `key`: not when it is not count-like
    /// and its `value_type` sets no range (then any number will do).
    func mayFindProblems(_ key: String) -> Bool {
        guard !countedness(key).countLike else { return true }
        switch valueType {
        case .proportion, .crudeRate, .directlyStandardisedRate, .count, .lifeExpectancy: return true
        default: return false
        }
    }

    private func rangeProblem(_ number: Double, isCount: Bool) -> String? {
        let type = isCount ? .count : valueType
        switch type {
        case .proportion:
            let top = multiplier ?? (unit == "%" ? 100 : nil)
            if number < 0 || top.map({ number > $0 }) == true {
                return "but a proportion is between 0 and \(top.map(\.plainText) ?? "its multiplier") (`multiplier:`)"
            }
        case .crudeRate, .directlyStandardisedRate, .count:
            if number < 0 { return "but a \(type == .count ? "count" : "rate") cannot be below zero" }
        case .lifeExpectancy:
            if number < 0 || number >= 130 { return "but a life expectancy is between 0 and 130 years" }
        default: break
        }
        return nil
    }
}
