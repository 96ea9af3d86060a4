import Foundation

/// Reads one `content/indicators/<id>.yml` and checks it against the schema
/// (docs/content-format.md), reporting each problem at the value that causes it.
struct IndicatorReader {
    var document: YAMLDocument
    var expectedID: String
    var path: String
    /// The site's national and regional comparators, which comparator keys are checked against.
    var comparatorNames: [String] = ["England"]
    /// `indicators/<id>.csv`, when the figures are kept in a spreadsheet.
    var table: SpreadsheetTable?
    /// There is such a file, even if it could not be read (its problems are reported already).
    var hasTable = false

    static let keys: Set<String> = [
        "id", "title", "summary", "unit", "decimals", "polarity", "geography", "series",
        "comparators", "target", "source", "provenance", "notes", "measure", "breakdowns",
        "value_type", "multiplier", "period_order", "period_kinds", "updated", "next_update",
        "keywords",
    ]

    /// A date field (`updated`, `next_update`) with where it is written, for the checks' warnings;
    /// a date that is not a real YYYY-MM-DD day is an error at its line and column.
    private func locatedDate(_ fields: FieldReader, _ key: String) -> Located<String>? {
        guard let node = fields.value(key), let text = fields.date(key) else { return nil }
        return Located(value: text, location: fields.location(of: node))
    }

    /// The indicator, or nil when it has errors; every problem found is added to `problems`.
    func read(problems: inout [Diagnostic]) -> Indicator? {
        guard let root = document.root else {
            problems.append(
                .error(
                    SourceLocation(path: path),
                    "indicator file is empty; it needs at least id, title, unit, polarity, geography, series and source (see docs/content-format.md)"
                ))
            return nil
        }
        let fields = FieldReader(root, in: document, subject: "indicator")
        fields.checkUnknownKeys(allowed: Self.keys, .errorIfNearMiss)
        let id = readID(fields)
        let title = fields.string("title", required: true)
        let unit = fields.string("unit", required: true)
        let polarity = readPolarity(fields)
        // The geography names the area's line, table column and comparisons, so it cannot be blank.
        let geography = fields.string("geography", required: true)
        let mixed = periodKindsMixed(fields)
        let measure = readMeasure(fields)
        let valueType = readValueType(fields)
        let multiplier = readMultiplier(fields)
        let decimals = fields.integer("decimals", in: 0...6) ?? 0
        let rules = FigureRules(valueType: valueType, multiplier: multiplier, measure: measure, decimals: decimals, unit: unit)
        let (read, readComparators, tableBreakdowns) = readFigures(fields, geography: geography, mixedKinds: mixed, rules: rules)
        checkWrittenOrder(
            [("series", read)].compactMap { name, series in series.map { (name, $0) } }
                + readComparators.map { ("comparator \($0.geography)", $0.series) }, fields)
        for comparator in readComparators {
            SeriesPeriods.coverageWarnings(
                series: read?.entries ?? [], comparator: comparator.geography,
                comparator.series.entries
            ).forEach(fields.report)
        }
        let series = read?.observations
        let comparators = readComparators.map { ComparatorSeries(geography: $0.geography, series: $0.series.observations) }
        let source = readSource(fields)
        let provenance = readProvenance(fields)
        let breakdowns = BreakdownReader(fields: fields).read() + tableBreakdowns
        let notesLine = fields.value("notes").map { fields.location(of: $0).line } ?? 1
        let updated = locatedDate(fields, "updated")
        let nextUpdate = locatedDate(fields, "next_update")
        let keywords = readKeywords(fields)
        IndicatorChecks(fields: fields, rules: rules, comparatorNames: comparatorNames).check()
        guard let id, let title, let unit, let polarity, let geography, let series, let source,
            !fields.diagnostics.contains(where: { $0.severity == .error })
        else {
            problems += fields.diagnostics
            return nil
        }
        var indicator = Indicator(
            id: id, path: path, title: title, summary: fields.string("summary"), unit: unit,
            decimals: decimals, polarity: polarity,
            geography: geography, series: series, comparators: comparators,
            target: readTarget(fields), source: source, provenance: provenance ?? .primary,
            notes: fields.string("notes"), notesFirstLine: notesLine)
        indicator.measure = measure
        indicator.breakdowns = breakdowns
        indicator.idLine = fields.value("id").map { fields.location(of: $0).line } ?? 1
        indicator.valueType = valueType
        indicator.multiplier = multiplier
        indicator.updated = updated
        indicator.nextUpdate = nextUpdate
        indicator.keywords = keywords
        problems += fields.diagnostics
        return indicator
    }

    /// `keywords: [obesity, overweight]`: each a piece of text, not empty; a keyword that is a list or
    /// a mapping is an error at its line and column.
    private func readKeywords(_ fields: FieldReader) -> [String] {
        (fields.sequence("keywords") ?? []).compactMap { node in
            guard case .scalar(let scalar) = node.content else {
                fields.error(node, "each of `keywords` must be a word or phrase, found \(node.kindDescription)")
                return nil
            }
            let word = scalar.string.trimmed(.whitespacesAndNewlines)
            if word.isEmpty { fields.error(node, "each of `keywords` must not be empty") }
            return word.isEmpty ? nil : word
        }
    }

    private func readID(_ fields: FieldReader) -> String? {
        guard let node = fields.value("id"), let id = fields.string("id", required: true) else {
            if fields.value("id") == nil { fields.missing("id") }
            return nil
        }
        if !Identifier.isValid(id) {
            fields.error(node, "`id` must use only lower-case letters, digits and hyphens, found \"\(id.prefix(40))\"")
            return nil
        }
        if id != expectedID {
            fields.error(node, "`id` is \"\(id)\" but the file is named \(expectedID).yml; they must match")
            return nil
        }
        return id
    }

    private func readPolarity(_ fields: FieldReader) -> Polarity? {
        guard let node = fields.value("polarity") else {
            fields.missing("polarity")
            return nil
        }
        guard let text = fields.string("polarity") else { return nil }
        guard let polarity = Polarity(rawValue: text) else {
            fields.error(
                node, "`polarity` must be one of \(Polarity.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text.prefix(40))\""
            )
            return nil
        }
        return polarity
    }

    private func readMeasure(_ fields: FieldReader) -> Measure {
        guard let node = fields.value("measure"), let text = fields.string("measure") else { return .value }
        guard let measure = Measure(rawValue: text) else {
            fields.error(node, "`measure` must be count or value, found \"\(text.prefix(40))\"")
            return .value
        }
        return measure
    }

    private func readValueType(_ fields: FieldReader) -> ValueType? {
        guard let node = fields.value("value_type"), let text = fields.string("value_type") else { return nil }
        guard let type = ValueType(rawValue: text) else {
            fields.error(
                node,
                "`value_type` must be one of \(ValueType.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text.prefix(40))\"")
            return nil
        }
        return type
    }

    private func readMultiplier(_ fields: FieldReader) -> Double? {
        guard let node = fields.value("multiplier"), let multiplier = fields.number(node, named: "multiplier") else { return nil }
        guard multiplier > 0 else {
            fields.error(node, "`multiplier` must be more than 0: 100 for a percentage, 100000 for a rate per 100,000")
            return nil
        }
        return multiplier
    }

    private func readProvenance(_ fields: FieldReader) -> Provenance? {
        guard let node = fields.value("provenance"), let text = fields.string("provenance") else { return nil }
        guard let provenance = Provenance(rawValue: text) else {
            fields.error(node, "`provenance` must be primary or secondary, found \"\(text.prefix(40))\"")
            return nil
        }
        return provenance
    }

    /// A list of observations, checked by the period rules and put in time order where every period is a time.
    private func readSeries(_ node: YAMLNode?, _ fields: FieldReader, name: String, required: Bool, mixedKinds: Bool) -> ReadSeries? {
        guard let node else {
            if required { fields.missing(name) }
            return nil
        }
        guard case .sequence(let items) = node.content else {
            fields.error(node, "`\(name)` must be a list of `{ period: …, value: … }` entries")
            return nil
        }
        var entries: [SeriesPeriods.Entry] = []
        for item in items {
            var periodNode = item
            guard
                let observation = fields.nested(
                    item, subject: "observation",
                    { entry in
                        periodNode = entry.value("period") ?? item
                        return readObservation(entry)
                    })
            else { continue }
            entries.append(SeriesPeriods.Entry(observation: observation, location: fields.location(of: periodNode)))
        }
        if required && items.isEmpty { fields.error(node, "`\(name)` needs at least one observation") }
        var problems: [Diagnostic] = []
        let rules = SeriesPeriods(name: name, mixedKinds: mixedKinds)
        let (arranged, datable) = rules.arrange(entries, problems: &problems)
        problems.forEach(fields.report)
        return ReadSeries(entries: arranged, inWrittenOrder: !datable && entries.count > 1, location: fields.location(of: node))
    }

    struct ReadSeries {
        var entries: [SeriesPeriods.Entry]
        /// Some period is not a time, so the order written stands.
        var inWrittenOrder: Bool
        var location: SourceLocation
        var observations: [Observation] { entries.map(\.observation) }
    }

    /// The series and comparators, from this file or from the spreadsheet beside it (never both), and the
    /// spreadsheet's breakdowns.
    private func readFigures(_ fields: FieldReader, geography: String?, mixedKinds mixed: Bool, rules: FigureRules)
        -> (ReadSeries?, [(geography: String, series: ReadSeries)], [Breakdown])
    {
        guard let table else {
            if hasTable { return (nil, [], []) }
            return (
                readSeries(fields.value("series"), fields, name: "series", required: true, mixedKinds: mixed),
                readComparators(fields, mixedKinds: mixed), []
            )
        }
        let csv = "indicators/\(expectedID).csv"
        for key in ["series", "comparators"] {
            guard let node = fields.value(key) else { continue }
            fields.error(
                node,
                "the figures are in \(csv) and in `\(key)` here; keep one: delete `series` and `comparators` "
                    + "from this file (the spreadsheet is read), or delete \(csv)")
        }
        guard let geography else { return (nil, [], []) }
        var problems: [Diagnostic] = []
        guard
            let figures = IndicatorTableReader(
                table: table, geography: geography, rules: rules,
                comparatorNames: comparatorNames
            ).read(problems: &problems)
        else {
            problems.forEach(fields.report)
            return (nil, [], [])
        }
        func arranged(_ entries: [SeriesPeriods.Entry], _ name: String) -> ReadSeries {
            let (sorted, datable) = SeriesPeriods(name: name, mixedKinds: mixed).arrange(entries, problems: &problems)
            return ReadSeries(
                entries: sorted, inWrittenOrder: !datable && entries.count > 1,
                location: entries.first?.location ?? SourceLocation(path: table.path))
        }
        let series = arranged(figures.series, "series")
        let comparators = figures.comparators.map { ($0.geography, arranged($0.entries, "comparator \($0.geography)")) }
        problems.forEach(fields.report)
        return (figures.series.isEmpty ? nil : series, comparators, figures.breakdowns)
    }

    /// `period_kinds: mixed`: the kind of period changes along the series (financial years, then rolling periods).
    private func periodKindsMixed(_ fields: FieldReader) -> Bool {
        guard let node = fields.value("period_kinds"), let text = fields.string("period_kinds") else { return false }
        guard text == "mixed" else {
            fields.error(
                node, "`period_kinds` can only be `mixed` (the kind of period changes along a series), found \"\(text.prefix(40))\"")
            return false
        }
        return true
    }

    /// Said once per file: a series whose periods are not all times keeps the order written, which the
    /// file confirms with `period_order: as-written`.
    private func checkWrittenOrder(_ all: [(name: String, series: ReadSeries)], _ fields: FieldReader) {
        let node = fields.value("period_order")
        let text = fields.string("period_order")
        if let node, let text, text != "as-written" {
            fields.error(node, "`period_order` can only be `as-written`, found \"\(text.prefix(40))\"")
        }
        guard node == nil, let first = all.first(where: { $0.series.inWrittenOrder }) else { return }
        let labels = first.series.observations.map(\.period).filter { PeriodTime.of($0) == nil }
        fields.report(
            .warning(
                first.series.location,
                "some periods of \(first.name) are not times "
                    + "PlanSite can order (\"\(labels[0])\"), so it is shown in the order written; check that it runs oldest to "
                    + "latest, then add `period_order: as-written` to the file to say so"))
    }

    /// Made once: a set literal in `readObservation` was hashed again for every row of every series.
    private static let observationKeys: Set<String> = ["period", "value", "lower_ci", "upper_ci", "note", "count", "denominator", "flag"]

    private func readObservation(_ entry: FieldReader) -> Observation? {
        entry.checkUnknownKeys(allowed: Self.observationKeys, .error)
        let period = entry.string("period", required: true)
        let note = entry.string("note")
        var value: Double?
        if let valueNode = entry.value("value") {
            value = entry.number(valueNode, named: "value")
        } else if note == nil || note!.isEmpty {
            if let nullNode = entry.pairs.first(where: { $0.name == "value" })?.value {
                entry.error(
                    nullNode,
                    "`value` is null with no `note`: give a number, or add a `note` saying why there is none (suppressed, not available)")
            } else {
                entry.missing("value")
            }
        }
        let lower = entry.number("lower_ci")
        let upper = entry.number("upper_ci")
        BreakdownReader.checkInterval(entry, value: value, lower: lower, upper: upper)
        guard let period, !entry.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return Observation(
            period: period, value: value, lowerCI: lower, upperCI: upper, note: note,
            count: entry.number("count"), denominator: entry.number("denominator"),
            flags: Self.readFlags(entry))
    }

    /// `flag: p`, `flag: "p, r"` or `flag: [p, r]`: GSS shorthand letters, each known.
    static func readFlags(_ entry: FieldReader) -> [ValueFlag] {
        guard let node = entry.value("flag") else { return [] }
        var letters: [(String, YAMLNode)] = []
        switch node.content {
        case .scalar(let scalar):
            for part in scalar.string.split(whereSeparator: { $0 == "," || $0 == " " }) { letters.append((String(part), node)) }
        case .sequence(let items):
            for item in items {
                guard let text = item.string else {
                    entry.error(item, "each `flag` must be a letter, found \(item.kindDescription)")
                    continue
                }
                letters.append((text.trimmed(.whitespaces), item))
            }
        default:
            entry.error(node, "`flag` must be one or more letters, e.g. `flag: p` or `flag: [p, r]`")
            return []
        }
        var flags: [ValueFlag] = []
        for (letter, at) in letters {
            guard let flag = ValueFlag(rawValue: letter.lowercased()) else {
                entry.error(at, ValueFlag.unknownMessage(letter))
                continue
            }
            if !flags.contains(flag) { flags.append(flag) }
        }
        return flags
    }

    private func readComparators(_ fields: FieldReader, mixedKinds: Bool) -> [(geography: String, series: ReadSeries)] {
        guard let node = fields.value("comparators") else { return [] }
        guard case .mapping(let mapping) = node.content else {
            fields.error(node, "`comparators` must be keyed by geography, e.g. `England: [{ period: …, value: … }]`")
            return []
        }
        return mapping.pairs.compactMap { pair in
            guard let geography = pair.key.string, !geography.isEmpty else {
                fields.error(pair.key, "each comparator must be named by its geography")
                return nil
            }
            let empty = ReadSeries(entries: [], inWrittenOrder: false, location: fields.location(of: pair.value))
            let series =
                pair.value.isNull
                ? empty
                : readSeries(
                    pair.value, fields, name: "comparator \(geography)", required: false,
                    mixedKinds: mixedKinds) ?? empty
            return (geography, series)
        }
    }

    private func readTarget(_ fields: FieldReader) -> IndicatorTarget? {
        guard let node = fields.value("target") else { return nil }
        return fields.nested(node, subject: "target") { target in
            target.checkUnknownKeys(allowed: ["value", "by", "label"], .error)
            guard let value = target.number("value", required: true), let label = target.string("label", required: true) else { return nil }
            return IndicatorTarget(value: value, by: target.string("by") ?? "", label: label)
        }
    }

    private func readSource(_ fields: FieldReader) -> DataSource? {
        guard let node = fields.value("source") else {
            fields.report(
                .error(
                    fields.location,
                    "indicator has no `source`: a figure with no source is not shown; add `source:` with `publisher` and `title`"))
            return nil
        }
        return fields.nested(node, subject: "source") { source in
            source.checkUnknownKeys(allowed: ["publisher", "title", "url", "licence", "retrieved_from"], .errorIfNearMiss)
            guard let publisher = source.string("publisher", required: true), let title = source.string("title", required: true) else {
                return nil
            }
            // The source's address becomes a link on the indicator page: only web addresses may.
            if let node = source.value("url"), let url = source.string("url"), AddressKind(url) != .web {
                source.error(node, "`url` must be a web address starting with https://, found \"\(url.prefix(60))\"")
            }
            return DataSource(
                publisher: publisher, title: title, url: source.string("url"),
                licence: source.string("licence"), retrievedFrom: source.string("retrieved_from"))
        }
    }
}

extension Double {
    /// The number as written in YAML, without a trailing ".0".
    var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
