import Foundation

/// The figures of `indicators/<id>.csv`, in the tidy layout of docs/content-format.md
/// ("Figures in a spreadsheet"): one row per area, period and group; every cell checked,
/// each problem at its row and column with the fix in words.
struct IndicatorTableReader {
    static let columns = ["area", "period", "value", "lower_ci", "upper_ci", "count", "denominator", "flag", "note"]

    var table: SpreadsheetTable
    /// The indicator's own area: its rows are the series, every other area's a comparator.
    var geography: String
    /// What the figures may be (`value_type`, `measure`, `decimals`), as for figures in YAML.
    var rules: FigureRules
    /// The site's national and regional comparators: an area near one of them is a typo.
    var comparatorNames: [String] = []

    struct Figures {
        var series: [SeriesPeriods.Entry] = []
        var comparators: [(geography: String, entries: [SeriesPeriods.Entry])] = []
        var breakdowns: [Breakdown] = []
    }

    /// The column each known name is in, and the breakdown columns (any other name).
    struct Layout {
        var known: [String: Int] = [:]
        var breakdowns: [(name: String, column: Int)] = []
    }

    func read(problems: inout [Diagnostic]) -> Figures? {
        guard let layout = readLayout(&problems) else { return nil }
        let periods = PeriodCells(table: table, column: layout.known["period"]!)
        var sorter = Sorter(geography: geography)
        for row in table.rows {
            var cells = CellReader(table: table, row: row, layout: layout, rules: rules)
            let period = periods.read(row, problems: &problems)
            let observation = period.flatMap { cells.observation($0) }
            let area = cells.area()
            problems += cells.problems
            guard let observation, let area else { continue }
            if area != geography, let near = IndicatorChecks.nearComparator(area, in: comparatorNames) {
                problems.append(
                    .error(
                        table.location(row, layout.known["area"]!),
                        "\(cell(row, layout.known["area"]!)): area "
                            + "\"\(area)\" is not one of the site's comparators (site.yml); did you mean \"\(near)\"?"))
                continue
            }
            let entry = SeriesPeriods.Entry(observation: observation, location: table.location(row, layout.known["period"]!))
            guard let group = cells.breakdown() else {
                sorter.add(entry, area: area)
                continue
            }
            guard area == geography else {
                problems.append(
                    .error(
                        table.location(row, group.column),
                        "\(cell(row, group.column)): groups (`\(group.dimension)`) "
                            + "are read for \(geography) only; empty this cell to make the row \(area)'s figure for everyone, or delete the row"
                    ))
                continue
            }
            if let first = sorter.add(entry.observation, to: group, line: row.line) {
                problems.append(
                    .error(
                        table.location(row, group.column),
                        "\(cell(row, group.column)): \(group.dimension) "
                            + "\"\(group.category)\" appears twice for \(entry.observation.period) (first at line \(first)); keep one"))
            }
        }
        if sorter.figures.series.isEmpty {
            problems.append(
                .error(
                    table.location(table.header, 0),
                    "no row of this file is for \(geography) (the indicator's "
                        + "`geography`); write \(geography) in the `area` column of its rows"))
        }
        return sorter.finished()
    }

    /// Each row to the series, its comparator or its group, found by key (a long file may split every period).
    private struct Sorter {
        var geography: String
        var figures = Figures()
        var groups: [(dimension: String, period: String, categories: [BreakdownCategory], line: Int)] = []
        var groupIndex: [String: Int] = [:], comparatorIndex: [String: Int] = [:]
        /// The line of each group's category, to find one written twice.
        var categoryLines: [String: Int] = [:]

        init(geography: String) { self.geography = geography }

        mutating func add(_ entry: SeriesPeriods.Entry, area: String) {
            if area == geography {
                figures.series.append(entry)
            } else if let index = comparatorIndex[area] {
                figures.comparators[index].entries.append(entry)
            } else {
                comparatorIndex[area] = figures.comparators.count
                figures.comparators.append((area, [entry]))
            }
        }

        /// Nil, or the line of the same category given before for the same group and period.
        mutating func add(
            _ observation: Observation, to group: (dimension: String, category: String, column: Int),
            line: Int
        ) -> Int? {
            let categoryKey = [group.dimension, observation.period, group.category].joined(separator: "\u{0}")
            if let first = categoryLines[categoryKey] { return first }
            categoryLines[categoryKey] = line
            let category = BreakdownCategory(
                category: group.category, value: observation.value, lowerCI: observation.lowerCI,
                upperCI: observation.upperCI, note: observation.note)
            let key = group.dimension + "\u{0}" + observation.period
            if let index = groupIndex[key] {
                groups[index].categories.append(category)
            } else {
                groupIndex[key] = groups.count
                groups.append((group.dimension, observation.period, [category], line))
            }
            return nil
        }

        /// The groups as breakdowns, each with the area's figure for everyone in its period.
        func finished() -> Figures {
            var result = figures
            let overall = Dictionary(
                figures.series.map { ($0.observation.period, $0.observation) }, uniquingKeysWith: { first, _ in first })
            result.breakdowns = groups.map { group in
                var breakdown = Breakdown(
                    dimension: group.dimension, period: group.period, ordered: false,
                    categories: group.categories, overall: overall[group.period])
                breakdown.line = group.line
                return breakdown
            }
            return result
        }
    }

    private func cell(_ row: SpreadsheetTable.Row, _ column: Int) -> String {
        "cell " + SpreadsheetTable.cellName(row: row, column: column)
    }

    /// The header row: `area`, `period` and `value` required, the other known columns optional, any other
    /// name a breakdown column (`sex`, `age`) unless it is a near miss of a known one.
    private func readLayout(_ problems: inout [Diagnostic]) -> Layout? {
        var layout = Layout()
        let before = problems.count
        for (column, raw) in table.header.cells.enumerated() {
            let name = raw.trimmed(.whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            let at = table.location(table.header, column)
            if name.isEmpty {
                problems.append(.error(at, "column \(column + 1) has no name; name it (see docs/content-format.md) or delete it"))
                continue
            }
            if Self.columns.contains(name) {
                if layout.known[name] != nil { problems.append(.error(at, "column `\(name)` appears twice; keep one")) }
                layout.known[name] = column
            } else if let near = Self.columns.first(where: { $0.editDistance(to: name) <= 2 }) {
                problems.append(.error(at, "unknown column `\(raw)`; did you mean `\(near)`?"))
            } else {
                layout.breakdowns.append((name, column))
            }
        }
        let missing = ["area", "period", "value"].filter { layout.known[$0] == nil }
        if !missing.isEmpty {
            problems.append(
                .error(
                    table.location(table.header, 0),
                    "the first row must name the columns; it has no "
                        + missing.map { "`\($0)`" }.joined(separator: ", ") + " (the columns are " + Self.columns.joined(separator: ", ")
                        + ", and a column per breakdown such as `sex`)"))
        }
        return problems.count == before ? layout : nil
    }
}
