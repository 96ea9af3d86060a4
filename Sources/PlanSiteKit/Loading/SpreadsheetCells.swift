import Foundation

/// The cells of one row of an indicator's CSV, read as an observation: numbers written as a
/// spreadsheet might show them ("1,768", "57.7%") are refused with the fix, not guessed at.
struct CellReader {
    var table: SpreadsheetTable
    var row: SpreadsheetTable.Row
    var layout: IndicatorTableReader.Layout
    var rules: FigureRules
    private(set) var problems: [Diagnostic] = []

    init(table: SpreadsheetTable, row: SpreadsheetTable.Row, layout: IndicatorTableReader.Layout, rules: FigureRules) {
        self.table = table
        self.row = row
        self.layout = layout
        self.rules = rules
    }

    private func text(_ name: String) -> String? {
        guard let column = layout.known[name] else { return nil }
        let text = row.cell(column)
        return text.isEmpty ? nil : text
    }

    private mutating func error(_ column: Int, _ message: String) {
        problems.append(.error(table.location(row, column), "cell \(SpreadsheetTable.cellName(row: row, column: column)): " + message))
    }

    mutating func area() -> String? {
        guard let area = text("area") else {
            error(layout.known["area"]!, "`area` is empty; write the area the figure is for (Luton, England, the region)")
            return nil
        }
        return area
    }

    /// The row's figure; nil when a cell is wrong (each problem is in `problems`).
    mutating func observation(_ period: String) -> Observation? {
        let before = problems.count
        let note = text("note")
        let value = number("value")
        if text("value") == nil && note == nil {
            error(
                layout.known["value"]!,
                "`value` is empty and the row has no `note`; give the figure, or say in `note` why there "
                    + "is none (suppressed, not yet published)")
        }
        let lower = number("lower_ci")
        let upper = number("upper_ci")
        if (lower == nil) != (upper == nil), let column = layout.known[lower == nil ? "lower_ci" : "upper_ci"] {
            error(column, "give both `lower_ci` and `upper_ci`, or neither")
        } else if let lower, let upper, let value, lower > upper || !(lower...upper).contains(value) {
            error(
                layout.known["value"]!,
                "\(value.plainText) is not inside its interval \(lower.plainText) to \(upper.plainText); "
                    + "check the three cells of this row")
        }
        let observation = Observation(
            period: period, value: value, lowerCI: lower, upperCI: upper, note: note,
            count: number("count"), denominator: number("denominator"), flags: flags())
        return problems.count == before ? observation : nil
    }

    /// A number as CSV writes one; the slips a spreadsheet's display format leaves are named.
    private mutating func number(_ name: String) -> Double? {
        guard let text = text(name), let column = layout.known[name] else { return nil }
        if let number = Double(text), text.isPlainDecimal {
            // As in YAML: beyond 10^15, or lost to underflow (1e-400 is read as 0), is refused.
            if let problem = FieldReader.sizeProblem(number, written: text) {
                error(column, "`\(name)` is \(text.prefix(40)), \(problem)")
                return nil
            }
            // The same rules as figures written in the indicator file: range by value_type, whole counts.
            guard let problem = rules.problem(name, written: text, number: number) else { return number }
            error(column, problem)
            return nil
        }
        let digits = text.replacingOccurrences(of: ",", with: "")
        let percent = String(text.dropLast()).trimmed(.whitespaces)
        if text.contains(","), Double(digits) != nil {
            error(
                column,
                "`\(name)` is written \"\(text)\" with a thousands separator; write \(digits) (in the spreadsheet, "
                    + "format the column as Number without the thousands separator, or as General)")
        } else if text.hasSuffix("%"), Double(percent) != nil {
            error(
                column,
                "`\(name)` is written \"\(text)\"; write \(percent) without the % sign "
                    + "(format the column as General or Number, not Percentage: the unit says what the number is)")
        } else {
            error(
                column,
                "`\(name)` must be a number, found \"\(text.prefix(40))\"; where there is no figure, leave `value` "
                    + "empty and say why in `note`")
        }
        return nil
    }

    /// `p`, `p r` or `p, r`: the GSS letters.
    private mutating func flags() -> [ValueFlag] {
        guard let text = text("flag"), let column = layout.known["flag"] else { return [] }
        var flags: [ValueFlag] = []
        for letter in text.split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let flag = ValueFlag(rawValue: letter.lowercased()) else {
                error(column, ValueFlag.unknownMessage(String(letter)))
                continue
            }
            if !flags.contains(flag) { flags.append(flag) }
        }
        return flags
    }

    /// The row's group, when a breakdown column has a value (at most one may).
    mutating func breakdown() -> (dimension: String, category: String, column: Int)? {
        let filled = layout.breakdowns.filter { !row.cell($0.column).isEmpty }
        if filled.count > 1 {
            error(
                filled[1].column,
                "a row can give one group only, but `\(filled[0].name)` and `\(filled[1].name)` are both "
                    + "filled; put each group on a row of its own")
        }
        return filled.first.map { ($0.name, row.cell($0.column), $0.column) }
    }
}

/// The `period` column: the forms of "Periods" (docs/content-format.md), and the dates a
/// spreadsheet makes of what was typed ("30/06/2018", the serial 43281, "Jun-18"), read as
/// that date where the indicator's periods are dates and refused elsewhere.
struct PeriodCells {
    var table: SpreadsheetTable
    var column: Int
    /// Whether the file's periods are days (quarter ends): then a cell a spreadsheet turned into a date is one.
    let dates: Bool
    /// Such a date is written as the file's other days are: "2018-06-30" or, as the docs advise, "30 Jun 2018".
    let iso: Bool

    init(table: SpreadsheetTable, column: Int) {
        self.table = table
        self.column = column
        let kinds = table.rows.compactMap { PeriodTime.of($0.cell(column))?.kind }
        dates = kinds.isEmpty ? table.rows.contains { Self.spreadsheetDate($0.cell(column)) != nil } : kinds.allSatisfy { $0 == .day }
        let firstDay = table.rows.first { PeriodTime.of($0.cell(column))?.kind == .day }
        iso = firstDay.map { CalendarDate(iso: $0.cell(column)) != nil } ?? false
    }

    func read(_ row: SpreadsheetTable.Row, problems: inout [Diagnostic]) -> String? {
        let text = row.cell(column)
        let at = table.location(row, column)
        let cell = "cell " + SpreadsheetTable.cellName(row: row, column: column)
        if text.isEmpty {
            problems.append(.error(at, "\(cell): `period` is empty; write the period the figure is for, such as 2024-25"))
            return nil
        }
        if PeriodTime.of(text) != nil || !Self.looksLikeASpreadsheetDate(text) { return text }
        if dates, let date = Self.spreadsheetDate(text) {
            return iso ? date.description : "\(date.day) \(PeriodText.shortMonths[date.month - 1]) \(date.year)"
        }
        problems.append(
            .error(
                at,
                "\(cell): the period \"\(text)\" looks like a date the spreadsheet made of what was typed; "
                    + "keep the `period` column as text: in Excel or LibreOffice, format the column as Text before typing the periods "
                    + "(or type an apostrophe first, '2018-19), then save as CSV again"))
        return nil
    }

    /// "30/06/2018" (day first, as UK spreadsheets show it) or a date serial such as 43281.
    static func spreadsheetDate(_ text: String) -> CalendarDate? {
        if text.count == 5, let serial = Int(text), serial > 20000 {
            // Spreadsheets count days from 30 December 1899 (after Lotus 1-2-3's leap-year slip).
            let date = Date(timeIntervalSince1970: Double(serial - 25569) * 86400)
            return CalendarDate(date)
        }
        let parts = text.split(separator: "/")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]), parts[2].count == 4
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// A date serial, "30/06/2018", or a month and two-digit year ("Jun-18") a spreadsheet shows for a typed "2018-06".
    static func looksLikeASpreadsheetDate(_ text: String) -> Bool {
        if spreadsheetDate(text) != nil { return true }
        let parts = text.split(separator: "-")
        return parts.count == 2 && parts[1].count == 2 && Int(parts[1]) != nil
            && PeriodText.shortMonths.contains { $0.lowercased() == parts[0].lowercased() }
    }
}
