/// The schema.org `Dataset` an indicator page describes, as JSON-LD for its `<head>`: what
/// search engines' dataset search reads. Dates come from the content (`updated:`), never the
/// build's clock. The JSON is escaped so no text in it can end the script element.
enum DatasetStructuredData {
    static func json(for indicator: Indicator, site: Site) -> String {
        let config = site.config
        let source = indicator.source
        // Keys in their UTF-8 order, as `JSONText` asks.
        var json = JSONText(reservingCapacity: 1024)
        json.object { json in
            json.key("@context")
            json.string("https://schema.org")
            json.key("@type")
            json.string("Dataset")
            json.key("creator")
            organization(source.publisher, into: &json)
            if let updated = indicator.updated {
                json.key("dateModified")
                json.string(updated.value)
            }
            json.key("description")
            json.string(indicator.summary.flatMap { $0.isEmpty ? nil : $0 } ?? indicator.title)
            json.key("distribution")
            json.list { json in
                json.item()
                json.object { json in
                    json.key("@type")
                    json.string("DataDownload")
                    json.key("contentUrl")
                    json.string(config.baseURL + Route.indicatorCSV(id: indicator.id).path)
                    json.key("encodingFormat")
                    json.string("text/csv")
                }
            }
            if let url = source.url {
                json.key("isBasedOn")
                json.string(url)
            }
            json.key("license")
            json.string(config.dataLicence.url.isEmpty ? config.dataLicence.title : config.dataLicence.url)
            json.key("name")
            json.string(indicator.title)
            json.key("publisher")
            organization(config.organisation, into: &json)
            if let coverage = temporalCoverage(indicator) {
                json.key("temporalCoverage")
                json.string(coverage)
            }
            json.key("url")
            json.string(config.baseURL + Route.indicator(id: indicator.id).path)
        }
        return escaped(json.bytes)
    }

    private static func organization(_ name: String, into json: inout JSONText) {
        json.object { json in
            json.key("@type")
            json.string("Organization")
            json.key("name")
            json.string(name)
        }
    }

    /// The years the series covers, as an ISO 8601 interval ("2010/2021"); nil when its periods name no years.
    static func temporalCoverage(_ indicator: Indicator) -> String? {
        let years = indicator.series.compactMap { PeriodText.years($0.period) }
        guard let first = years.map(\.lowerBound).min(), let last = years.map(\.upperBound).max() else { return nil }
        return first == last ? String(first) : "\(first)/\(last)"
    }

    /// `<`, `>` and `&` as JSON escapes (`\u003c`…): the same JSON, but no text in it can write
    /// `</script>` or `<!--` into the page. They appear only inside JSON strings, so this is safe.
    static func escaped(_ json: String) -> String { escaped(Array(json.utf8)) }

    /// `escaped`, on the JSON's UTF-8 bytes.
    static func escaped(_ bytes: [UInt8]) -> String {
        // In well-formed UTF-8 (a String's), E2 80 A8 and E2 80 A9 are only ever U+2028 and U+2029.
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x3C: out += "\\u003c".utf8
            case 0x3E: out += "\\u003e".utf8
            case 0x26: out += "\\u0026".utf8
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
