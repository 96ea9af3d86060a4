/// The schema.org `Dataset` an indicator page describes, as JSON-LD for its `<head>`: what
/// search engines' dataset search reads. Dates come from the content (`updated:`), never the
/// build's clock. The JSON is escaped so no text in it can end the script element.
enum DatasetStructuredData {
    static func json(for indicator: Indicator, site: Site) -> String {
        let config = site.config
        let source = indicator.source
        var pairs: [(key: String, value: JSONText)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Dataset")),
            ("name", .string(indicator.title)),
            ("description", .string(indicator.summary.flatMap { $0.isEmpty ? nil : $0 } ?? indicator.title)),
            ("url", .string(config.baseURL + Route.indicator(id: indicator.id).path)),
            ("license", .string(config.dataLicence.url.isEmpty ? config.dataLicence.title : config.dataLicence.url)),
            ("creator", .object([("@type", .string("Organization")), ("name", .string(source.publisher))])),
            ("publisher", .object([("@type", .string("Organization")), ("name", .string(config.organisation))])),
            (
                "distribution",
                .list([
                    .object([
                        ("@type", .string("DataDownload")), ("encodingFormat", .string("text/csv")),
                        ("contentUrl", .string(config.baseURL + Route.indicatorCSV(id: indicator.id).path)),
                    ])
                ])
            ),
        ]
        if let url = source.url { pairs.append(("isBasedOn", .string(url))) }
        if let coverage = temporalCoverage(indicator) { pairs.append(("temporalCoverage", .string(coverage))) }
        if let updated = indicator.updated { pairs.append(("dateModified", .string(updated.value))) }
        return escaped(String(decoding: JSONText.object(pairs).bytes(), as: UTF8.self))
    }

    /// The years the series covers, as an ISO 8601 interval ("2010/2021"); nil when its periods name no years.
    static func temporalCoverage(_ indicator: Indicator) -> String? {
        let years = indicator.series.compactMap { PeriodText.years($0.period) }
        guard let first = years.map(\.lowerBound).min(), let last = years.map(\.upperBound).max() else { return nil }
        return first == last ? String(first) : "\(first)/\(last)"
    }

    /// `<`, `>` and `&` as JSON escapes (`\u003c`…): the same JSON, but no text in it can write
    /// `</script>` or `<!--` into the page. They appear only inside JSON strings, so this is safe.
    static func escaped(_ json: String) -> String {
        // On the UTF-8 bytes: in well-formed UTF-8 (a String's), E2 80 A8 and E2 80 A9 are only ever U+2028 and U+2029.
        let bytes = Array(json.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x3C: out += Array("\\u003c".utf8)
            case 0x3E: out += Array("\\u003e".utf8)
            case 0x26: out += Array("\\u0026".utf8)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
