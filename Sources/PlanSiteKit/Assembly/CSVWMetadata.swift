import Foundation

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
        OutputFile(path: Route.indicatorCSVMetadata(id: indicator.id).path, contents: Data(jsonBytes(indicator)))
    }

    func json(_ indicator: Indicator) -> String { String(decoding: jsonBytes(indicator), as: UTF8.self) }

    /// The metadata as UTF-8, its keys written in their UTF-8 order (as `JSONText` asks).
    private func jsonBytes(_ indicator: Indicator) -> [UInt8] {
        let config = site.config
        let source = indicator.source
        // The unit alone, not the whole indicator, captured by the closure that writes each column.
        let unit = indicator.unit
        var json = JSONText(reservingCapacity: 3072)
        json.object { json in
            json.key("@context")
            json.string("http://www.w3.org/ns/csvw")
            if let summary = indicator.summary, !summary.isEmpty {
                json.key("dc:description")
                json.string(summary)
            }
            json.key("dc:license")
            if config.dataLicence.url.isEmpty {
                json.string(config.dataLicence.title)
            } else {
                json.object { json in
                    json.key("@id")
                    json.string(config.dataLicence.url)
                }
            }
            if let updated = indicator.updated {
                json.key("dc:modified")
                json.object { json in
                    json.key("@type")
                    json.string("xsd:date")
                    json.key("@value")
                    json.string(updated.value)
                }
            }
            json.key("dc:publisher")
            json.object { json in
                json.key("schema:name")
                json.string(config.organisation)
                if !config.baseURL.isEmpty {
                    json.key("schema:url")
                    json.object { json in
                        json.key("@id")
                        json.string(config.baseURL)
                    }
                }
            }
            json.key("dc:source")
            json.object { json in
                if let licence = source.licence {
                    json.key("schema:license")
                    json.string(licence)
                }
                json.key("schema:name")
                json.string(source.title)
                json.key("schema:publisher")
                json.string(source.publisher)
                if let url = source.url {
                    json.key("schema:url")
                    json.object { json in
                        json.key("@id")
                        json.string(url)
                    }
                }
            }
            json.key("dc:title")
            json.string(indicator.title)
            json.key("tableSchema")
            json.object { json in
                json.key("columns")
                json.list(Self.columns) { json, column in
                    json.object { json in
                        json.key("datatype")
                        json.string(column.datatype)
                        json.key("name")
                        json.string(column.name)
                        if column.inUnit, !unit.isEmpty {
                            json.key("schema:unitText")
                            json.string(unit)
                        }
                        json.key("titles")
                        json.string(column.name)
                    }
                }
            }
            json.key("url")
            json.string(Route.indicatorCSV(id: indicator.id).path.split(separator: "/").last.map(String.init) ?? "")
        }
        return json.bytes + [0x0A]
    }
}
