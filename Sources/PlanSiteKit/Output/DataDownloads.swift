import Foundation

/// The open data downloads: one tidy CSV and JSON of every indicator, and a CSV per indicator.
/// Values are written raw (as in the YAML), not formatted for reading.
struct DataDownloads {
    var site: Site

    static let csvHeader = "indicator_id,title,geography,period,value,lower_ci,upper_ci,unit,source"

    func files() -> [OutputFile] {
        var files = [OutputFile(path: "data/indicators.csv", text: csv(for: site.indicators)),
                     OutputFile(path: "data/indicators.json", text: json())]
        files += site.indicators.map { OutputFile(path: "data/\($0.id).csv", text: csv(for: [$0])) }
        return files
    }

    /// Links to the whole-site downloads among `files`, with format and size, e.g. "CSV, 2 KB".
    static func links(to files: [OutputFile], at address: PageAddress) -> [[String: Any]] {
        [("data/indicators.csv", "CSV"), ("data/indicators.json", "JSON")].compactMap { path, format in
            guard let file = files.first(where: { $0.path == path }) else { return nil }
            return ["title": "All indicators", "href": address.link(to: path), "format": format, "size": sizeLabel(file.contents.count)]
        }
    }

    func csv(for indicators: [Indicator]) -> String {
        var lines = [Self.csvHeader]
        for indicator in indicators {
            for (geography, observation) in rows(of: indicator) {
                let fields = [indicator.id, indicator.title, geography, observation.period,
                              raw(observation.value), raw(observation.lowerCI), raw(observation.upperCI),
                              indicator.unit, "\(indicator.source.publisher): \(indicator.source.title)"]
                lines.append(fields.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private func rows(of indicator: Indicator) -> [(String, Observation)] {
        indicator.series.map { (indicator.geography, $0) }
            + indicator.comparators.flatMap { comparator in comparator.series.map { (comparator.geography, $0) } }
    }

    private func raw(_ value: Double?) -> String { value.map(\.plainText) ?? "" }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+@".contains(first) || (first == "-" && Double(field) == nil) { field = "'" + field }
        guard field.contains(where: { ",\"\r\n".contains($0) }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    struct JSONIndicator: Encodable {
        var id, title, unit, geography, polarity, provenance: String
        var decimals: Int
        var series: [JSONObservation]
        var comparators: [String: [JSONObservation]]
        var target: JSONTarget?
        var source: JSONSource
    }
    struct JSONTarget: Encodable { var value: Double; var by, label: String }
    struct JSONObservation: Encodable {
        var period: String
        var value, lower_ci, upper_ci: Double?
        var note: String?

        // A missing value is written as null, not left out, so every observation has the same keys.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(period, forKey: .period)
            try container.encode(value, forKey: .value)
            try container.encodeIfPresent(lower_ci, forKey: .lower_ci)
            try container.encodeIfPresent(upper_ci, forKey: .upper_ci)
            try container.encodeIfPresent(note, forKey: .note)
        }
        enum CodingKeys: String, CodingKey { case period, value, lower_ci, upper_ci, note }
    }
    struct JSONSource: Encodable { var publisher, title: String; var url, licence: String? }

    func json() -> String {
        let observations = { (list: [Observation]) in
            list.map { JSONObservation(period: $0.period, value: $0.value, lower_ci: $0.lowerCI, upper_ci: $0.upperCI, note: $0.note) }
        }
        let payload = site.indicators.map { indicator in
            JSONIndicator(id: indicator.id, title: indicator.title, unit: indicator.unit, geography: indicator.geography,
                          polarity: indicator.polarity.rawValue, provenance: indicator.provenance.rawValue,
                          decimals: indicator.decimals,
                          series: observations(indicator.series),
                          comparators: Dictionary(uniqueKeysWithValues: indicator.comparators.map { ($0.geography, observations($0.series)) }),
                          target: indicator.target.map { JSONTarget(value: $0.value, by: $0.by, label: $0.label) },
                          source: JSONSource(publisher: indicator.source.publisher, title: indicator.source.title,
                                             url: indicator.source.url, licence: indicator.source.licence))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(["indicators": payload])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// "2 KB"; files under 1 KB say "1 KB", as GOV.UK does.
    static func sizeLabel(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? "\(max(1, (bytes + 1023) / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
