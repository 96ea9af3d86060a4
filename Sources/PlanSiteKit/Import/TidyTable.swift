/// The rows `plansite import` writes to `indicators/<id>.csv`, in the documented tidy layout.
struct TidyTable {
    var header = IndicatorTableReader.columns
    var rows: [[String]] = []
    /// What the import left out of the file it read, said before it writes.
    var leftOut: [String] = []
    /// Fingertips' rows by sex go in this column.
    private var breakdownColumn: String?

    init(header: [String] = IndicatorTableReader.columns, rows: [[String]] = [], leftOut: [String] = []) {
        self.header = header
        self.rows = rows
        self.leftOut = leftOut
    }

    /// The file's text, each field quoted (and neutralised) as the downloads quote them; every row as wide as the header.
    var csv: String {
        ([header] + rows).map { cells in
            let padded = cells + Array(repeating: "", count: max(0, header.count - cells.count))
            return padded.map(DataDownloads.csvField).joined(separator: ",") + "\n"
        }.joined()
    }

    /// From a Fingertips export: the area's rows, England's and the region's, named as the site names them.
    /// - Parameter names: the site's names for the area and England, by code; the region is `regionName` or Fingertips'.
    static func from(
        _ export: FingertipsExport, area code: String, sex: String?, names: [String: String],
        regionName: String?
    ) throws -> TidyTable {
        let found = export.rows(area: code)
        guard !found.area.isEmpty else {
            let codes = Set(export.table.rows.map { export.cell($0, "Area Code") }).sorted().prefix(8)
            throw ImportProblem(
                "the export has no rows for area \(code); it has \(codes.joined(separator: ", "))"
                    + "; choose one with --area, or set `area_code` in site.yml")
        }
        let sexes = Array(Set(found.area.map { export.cell($0, "Sex") })).sorted()
        var table = TidyTable(leftOut: found.leftOut)
        let chosen: String?
        if let sex {
            guard let match = sexes.first(where: { $0.lowercased() == sex.lowercased() }) else {
                throw ImportProblem("the export has no rows for sex \"\(sex)\" in area \(code); it has \(sexes.joined(separator: ", "))")
            }
            chosen = match
        } else if sexes.count == 1 {
            chosen = sexes[0]
        } else if sexes.contains("Persons") {
            chosen = "Persons"
            table.breakdownColumn = "sex"
        } else {
            throw ImportProblem(
                "the export gives \(sexes.joined(separator: " and ")) separately and no figure for Persons; "
                    + "choose one with --sex \(sexes[0])")
        }
        let keep = { (row: SpreadsheetTable.Row) in chosen == nil || export.cell(row, "Sex") == chosen }
        table.add(found.area.filter(keep), export, area: names[code] ?? code)
        for (other, rows) in found.others {
            table.add(rows.filter(keep), export, area: names[other] ?? regionName ?? export.cell(rows[0], "Area Name"))
        }
        if let column = table.breakdownColumn {
            table.header.append(column)
            table.addGroups(found.area.filter { !keep($0) }, export, area: names[code] ?? code)
        }
        return table
    }

    /// One row per figure, in time order.
    private mutating func add(_ rows: [SpreadsheetTable.Row], _ export: FingertipsExport, area: String, group: String? = nil) {
        let sorted = rows.sorted { a, b in
            let (x, y) = (PeriodTime.of(export.cell(a, "Time period")), PeriodTime.of(export.cell(b, "Time period")))
            return x.flatMap { x in y.map { PeriodTime.precedes(x, $0) } } ?? false
        }
        for row in sorted {
            let period = export.cell(row, "Time period")
            let note = export.cell(row, "Value note")
            let value = export.cell(row, "Value")
            let flags = FingertipsExport.flags(forNote: note).map(\.rawValue).joined(separator: " ")
            var cells = [
                area, PeriodTime.of(period)?.canonical ?? period, value,
                export.cell(row, "Lower CI 95.0 limit"), export.cell(row, "Upper CI 95.0 limit"),
                export.cell(row, "Count"), export.cell(row, "Denominator"), flags,
                note.isEmpty && value.isEmpty ? "no value in the Fingertips export" : note,
            ]
            if breakdownColumn != nil { cells.append(group ?? "") }
            self.rows.append(cells)
        }
    }

    /// The area's figures by sex, for the latest period that has them: one breakdown on the page.
    private mutating func addGroups(_ rows: [SpreadsheetTable.Row], _ export: FingertipsExport, area: String) {
        let times = rows.compactMap { PeriodTime.of(export.cell($0, "Time period")) }
        guard let latest = times.max(by: PeriodTime.precedes) else { return }
        for row in rows where PeriodTime.of(export.cell(row, "Time period")) == latest {
            add([row], export, area: area, group: export.cell(row, "Sex"))
        }
        let earlier = rows.count - rows.filter { PeriodTime.of(export.cell($0, "Time period")) == latest }.count
        if earlier > 0 {
            leftOut.append(FingertipsExport.rows(earlier) + " by sex before \(latest.canonical) (the page shows the latest split)")
        }
    }
}

/// Why an import cannot go ahead, in words (exit 1).
public struct ImportProblem: Error, CustomStringConvertible {
    public var description: String
    init(_ message: String) { description = message }
}
