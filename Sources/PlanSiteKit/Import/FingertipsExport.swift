/// A Fingertips data export (the CSV its download button and API give), turned into the tidy rows of
/// `indicators/<id>.csv`. The columns are those Fingertips writes (fingertips-open,
/// PholioVisualisation Export, `CsvBuilderIndicatorDataHeaderWriter`): `Indicator ID, Indicator Name,
/// Parent Code, Parent Name, Area Code, Area Name, Area Type, Sex, Age, Category Type, Category,
/// Time period, Value, Lower CI 95.0 limit, Upper CI 95.0 limit, Lower CI 99.8 limit, Upper CI 99.8
/// limit, Count, Denominator, Value note, Recent Trend, …`.
struct FingertipsExport {
    static let needed = [
        "Area Code", "Area Name", "Sex", "Age", "Category Type", "Time period", "Value",
        "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Count", "Denominator", "Value note",
    ]
    static let england = "E92000001"

    var table: SpreadsheetTable
    private var columns: [String: Int] = [:]

    /// Nil when the header is not a Fingertips one.
    init?(_ table: SpreadsheetTable) {
        self.table = table
        for (index, name) in table.header.cells.enumerated() { columns[name.trimmed(.whitespaces)] = index }
        guard columns["Indicator ID"] != nil, columns["Area Code"] != nil, columns["Time period"] != nil else { return nil }
    }

    /// The expected columns the file lacks.
    var missing: [String] { Self.needed.filter { columns[$0] == nil } }

    func cell(_ row: SpreadsheetTable.Row, _ name: String) -> String { columns[name].map(row.cell) ?? "" }

    /// The area's rows, England's and its region's (the area's parent, when that is a region: E12…),
    /// for everyone (no category), and of the one age group most rows give.
    func rows(area: String)
        -> (area: [SpreadsheetTable.Row], others: [(code: String, rows: [SpreadsheetTable.Row])], leftOut: [String])
    {
        var leftOut: [String] = []
        let plain = table.rows.filter { cell($0, "Category Type").isEmpty }
        if plain.count < table.rows.count {
            let types = Set(table.rows.map { cell($0, "Category Type") }).subtracting([""]).sorted()
            leftOut.append(Self.rows(table.rows.count - plain.count) + " split by category (\(types.joined(separator: "; ")))")
        }
        let own = plain.filter { cell($0, "Area Code") == area }
        let ages = Dictionary(grouping: own, by: { cell($0, "Age") })
        let age = ages.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key ?? ""
        if ages.count > 1 {
            let others = ages.keys.filter { $0 != age }.sorted().joined(separator: ", ")
            leftOut.append("the age groups other than \(age) (\(others))")
        }
        let kept = plain.filter { cell($0, "Age") == age }
        let region = own.map { cell($0, "Parent Code") }.first { $0.hasPrefix("E12") }
        let others = [Self.england, region].compactMap { $0 }.filter { $0 != area }.map { code in
            (code, kept.filter { cell($0, "Area Code") == code })
        }
        return (kept.filter { cell($0, "Area Code") == area }, others.filter { !$0.1.isEmpty }, leftOut)
    }

    /// "1 row", "6 rows".
    static func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }

    /// The GSS letter a Fingertips value note means, when it means one.
    static func flags(forNote note: String) -> [ValueFlag] {
        let text = note.lowercased()
        let meanings: [(String, ValueFlag)] = [
            ("provisional", .provisional), ("revised", .revised), ("estimate", .estimated),
            ("suppress", .suppressed), ("small number", .lowReliability),
            ("not available", .notAvailable), ("break in", .breakInSeries),
        ]
        return meanings.filter { text.contains($0.0) }.map(\.1)
    }
}
