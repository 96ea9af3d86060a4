/// The CSVW metadata of an indicator's CSV (W3C, "Metadata Vocabulary for Tabular Data"),
/// `data/<id>.csv-metadata.json`, where a CSVW processor looks for it beside `data/<id>.csv`:
/// the table's title, licence, publisher and source, when its figures were updated (`updated:`,
/// never the build's day), and each column of `DataDownloads.csvHeader` with its datatype.
struct CSVWMetadata {
    var site: Site

    /// The CSV's columns, in order, with their CSVW datatypes; `unit` marks the columns in the indicator's unit.
    static let columns: [(name: String, datatype: String, inUnit: Bool)] = [
        ("indicator_id", "string", false), ("title", "string", false), ("geography", "string", false),
        ("period", "string", false), ("dimension", "string", false), ("category", "string", false),
        ("value", "decimal", true), ("lower_ci", "decimal", true), ("upper_ci", "decimal", true),
        ("unit", "string", false), ("source", "string", false), ("count", "decimal", false),
        ("denominator", "decimal", false), ("flag", "string", false), ("note", "string", false),
    ]

    func file(for indicator: Indicator) -> OutputFile {
        OutputFile(path: Route.indicatorCSVMetadata(id: indicator.id).path, text: json(indicator))
    }

    func json(_ indicator: Indicator) -> String {
        let config = site.config
        let columns: [JSONText] = Self.columns.map { column in
            var pairs: [(key: String, value: JSONText)] = [
                ("name", .string(column.name)), ("titles", .string(column.name)), ("datatype", .string(column.datatype)),
            ]
            if column.inUnit, !indicator.unit.isEmpty { pairs.append(("schema:unitText", .string(indicator.unit))) }
            return .object(pairs)
        }
        var publisher: [(key: String, value: JSONText)] = [("schema:name", .string(config.organisation))]
        if !config.baseURL.isEmpty { publisher.append(("schema:url", .object([("@id", .string(config.baseURL))]))) }
        let source = indicator.source
        var sourcePairs: [(key: String, value: JSONText)] = [
            ("schema:name", .string(source.title)), ("schema:publisher", .string(source.publisher)),
        ]
        if let url = source.url { sourcePairs.append(("schema:url", .object([("@id", .string(url))]))) }
        if let licence = source.licence { sourcePairs.append(("schema:license", .string(licence))) }
        var pairs: [(key: String, value: JSONText)] = [
            ("@context", .string("http://www.w3.org/ns/csvw")),
            ("url", .string(Route.indicatorCSV(id: indicator.id).path.split(separator: "/").last.map(String.init) ?? "")),
            ("dc:title", .string(indicator.title)),
            (
                "dc:license",
                config.dataLicence.url.isEmpty ? .string(config.dataLicence.title) : .object([("@id", .string(config.dataLicence.url))])
            ),
            ("dc:publisher", .object(publisher)),
            ("dc:source", .object(sourcePairs)),
            ("tableSchema", .object([("columns", .list(columns))])),
        ]
        if let summary = indicator.summary, !summary.isEmpty { pairs.append(("dc:description", .string(summary))) }
        if let updated = indicator.updated {
            pairs.append(("dc:modified", .object([("@value", .string(updated.value)), ("@type", .string("xsd:date"))])))
        }
        return String(decoding: JSONText.object(pairs).bytes(), as: UTF8.self) + "\n"
    }
}
