import Foundation

/// The open data downloads: one tidy CSV and JSON of every indicator, and a CSV per indicator.
/// Values are written raw (as in the YAML), not formatted for reading.
struct DataDownloads {
    var site: Site
    var parallel = true
    /// `plansite serve`: an unchanged indicator's rows and JSON are reused.
    var cache: BuildCache?

    /// `dimension` and `category` are empty on series rows; a breakdown row names both.
    static let csvHeader = "indicator_id,title,geography,period,dimension,category,value,lower_ci,upper_ci,unit,source"

    func files() -> [OutputFile] {
        // Each indicator's rows are written once and used twice: in its own CSV and in the whole-site one.
        let downloads = self
        let bodies = Parallel.map(site.indicators, enabled: parallel) { indicator in
            downloads.reuse(indicator, "csv") { downloads.csvRows(of: indicator) }
        }
        var files = [OutputFile(path: "data/indicators.csv", text: Self.csvHeader + "\r\n" + bodies.joined()),
                     OutputFile(path: "data/indicators.json", text: json())]
        files += zip(site.indicators, bodies).map { OutputFile(path: "data/\($0.id).csv", text: Self.csvHeader + "\r\n" + $1) }
        return files
    }

    /// What an earlier build made of the same indicator (`plansite serve`), or what `make` makes.
    private func reuse<Value>(_ indicator: Indicator, _ part: String, _ make: () -> Value) -> Value {
        guard let cache else { return make() }
        let key = DownloadKey(indicator: indicator, part: part)
        if let earlier: Value = cache.reused(key) { return earlier }
        let value = make()
        cache.keep(value, for: key)
        return value
    }

    private struct DownloadKey: Hashable, Sendable {
        var indicator: Indicator
        var part: String
    }

    /// Links to the whole-site downloads among `files`, with format and size, e.g. "CSV, 2 KB".
    static func links(to files: [OutputFile], at address: PageAddress) -> [[String: Any]] {
        [("data/indicators.csv", "CSV"), ("data/indicators.json", "JSON")].compactMap { path, format in
            guard let file = files.first(where: { $0.path == path }) else { return nil }
            return ["title": "All indicators", "href": address.link(to: path), "format": format, "size": sizeLabel(file.contents.count)]
        }
    }

    /// One indicator's CSV rows, each ending in CRLF. The fields that are the same on every
    /// row are quoted once; only the period and the numbers change from row to row.
    private func csvRows(of indicator: Indicator) -> String {
        let leading = Self.csvField(indicator.id) + "," + Self.csvField(indicator.title) + ","
        let trailing = "," + Self.csvField(indicator.unit) + "," + Self.csvField("\(indicator.source.publisher): \(indicator.source.title)") + "\r\n"
        var text = ""
        func append(_ geography: String, _ series: [Observation]) {
            let place = leading + Self.csvField(geography) + ","
            for observation in series {
                text += place
                text += Self.csvField(observation.period)
                text += ",,,"
                text += Self.csvField(raw(observation.value))
                text += ","
                text += Self.csvField(raw(observation.lowerCI))
                text += ","
                text += Self.csvField(raw(observation.upperCI))
                text += trailing
            }
        }
        append(indicator.geography, indicator.series)
        for comparator in indicator.comparators { append(comparator.geography, comparator.series) }
        for breakdown in indicator.breakdowns {
            let place = leading + Self.csvField(indicator.geography) + "," + Self.csvField(breakdown.period) + "," + Self.csvField(breakdown.dimension) + ","
            for category in breakdown.categories {
                text += place + Self.csvField(category.category) + "," + Self.csvField(raw(category.value)) + ","
                text += Self.csvField(raw(category.lowerCI)) + "," + Self.csvField(raw(category.upperCI)) + trailing
            }
        }
        return text
    }

    private func raw(_ value: Double?) -> String { value.map(\.plainText) ?? "" }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets do not run it as a formula.
    static func csvField(_ text: String) -> String {
        // Almost every field is ASCII without CR: there each byte is one Character, so the
        // checks below can look at bytes. Anything else goes the Character-by-Character way.
        let simple = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
        } ?? false
        guard simple else { return characterField(text) }
        let first = text.utf8.first
        if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "@")
            || (first == UInt8(ascii: "-") && Double(text) == nil) {
            return characterField(text)
        }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
            return text
        }
        return characterField(text)
    }

    /// The quoting rule on Characters, for any text.
    private static func characterField(_ text: String) -> String {
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
        var breakdowns: [JSONBreakdown]
    }
    struct JSONBreakdown: Encodable {
        var dimension, period: String
        var title: String?
        var ordered: Bool
        var categories: [JSONCategory]
        var overall, national: JSONObservation?
    }
    struct JSONCategory: Encodable {
        var category: String
        var value, lower_ci, upper_ci: Double?
        var note: String?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(category, forKey: .category)
            try container.encode(value, forKey: .value)
            try container.encodeIfPresent(lower_ci, forKey: .lower_ci)
            try container.encodeIfPresent(upper_ci, forKey: .upper_ci)
            try container.encodeIfPresent(note, forKey: .note)
        }
        enum CodingKeys: String, CodingKey { case category, value, lower_ci, upper_ci, note }
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
        // Each indicator is encoded on its own, on every core, then set into the list at the
        // depth the whole document would give it: the same bytes as encoding the whole list
        // (`DataDownloadsTests`), which took 4% of a build on one core.
        guard !site.indicators.isEmpty else { return Self.encoded(["indicators": [JSONIndicator]()]) }
        let downloads = self
        let items = Parallel.map(site.indicators, enabled: parallel) { indicator in
            downloads.reuse(indicator, "json") { Self.jsonText(indicator).bytes(depth: 2) }
        }
        var bytes = Array("{\n  \"indicators\" : [\n".utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { bytes += Array(",\n".utf8) }
            bytes += item
        }
        bytes += Array("\n  ]\n}\n".utf8)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One indicator as `JSONText`: the same keys and values `jsonIndicator` encodes
    /// (optional ones left out when absent, as `Codable` does; an observation's `value` is null).
    static func jsonText(_ indicator: Indicator) -> JSONText {
        func observation(_ o: Observation) -> JSONText {
            var pairs: [(key: String, value: JSONText)] = [("period", .string(o.period)), ("value", .number(orNull: o.value))]
            if let lower = o.lowerCI { pairs.append(("lower_ci", .number(lower))) }
            if let upper = o.upperCI { pairs.append(("upper_ci", .number(upper))) }
            if let note = o.note { pairs.append(("note", .string(note))) }
            return .object(pairs)
        }
        var source: [(key: String, value: JSONText)] = [("publisher", .string(indicator.source.publisher)), ("title", .string(indicator.source.title))]
        if let url = indicator.source.url { source.append(("url", .string(url))) }
        if let licence = indicator.source.licence { source.append(("licence", .string(licence))) }
        let breakdowns: [JSONText] = indicator.breakdowns.map { breakdown in
            var pairs: [(key: String, value: JSONText)] = [
                ("dimension", .string(breakdown.dimension)), ("period", .string(breakdown.period)), ("ordered", .bool(breakdown.ordered)),
                ("categories", .list(breakdown.categories.map { category in
                    var pairs: [(key: String, value: JSONText)] = [("category", .string(category.category)), ("value", .number(orNull: category.value))]
                    if let lower = category.lowerCI { pairs.append(("lower_ci", .number(lower))) }
                    if let upper = category.upperCI { pairs.append(("upper_ci", .number(upper))) }
                    if let note = category.note { pairs.append(("note", .string(note))) }
                    return .object(pairs)
                })),
            ]
            if let title = breakdown.title { pairs.append(("title", .string(title))) }
            if let overall = breakdown.overall { pairs.append(("overall", observation(overall))) }
            if let national = breakdown.national { pairs.append(("national", observation(national))) }
            return .object(pairs)
        }
        var pairs: [(key: String, value: JSONText)] = [
            ("id", .string(indicator.id)), ("title", .string(indicator.title)), ("unit", .string(indicator.unit)),
            ("geography", .string(indicator.geography)), ("polarity", .string(indicator.polarity.rawValue)),
            ("provenance", .string(indicator.provenance.rawValue)), ("decimals", .integer(indicator.decimals)),
            ("series", .list(indicator.series.map(observation))),
            ("comparators", .object(indicator.comparators.map { ($0.geography, .list($0.series.map(observation))) })),
            ("source", .object(source)), ("breakdowns", .list(breakdowns)),
        ]
        if let target = indicator.target {
            pairs.append(("target", .object([("value", .number(target.value)), ("by", .string(target.by)), ("label", .string(target.label))])))
        }
        return .object(pairs)
    }

    /// The whole list through one encoder: what `json()` must equal.
    func jsonEncodedWhole() -> String {
        Self.encoded(["indicators": site.indicators.map(Self.jsonIndicator)])
    }

    private static func jsonIndicator(_ indicator: Indicator) -> JSONIndicator {
        let observations = { (list: [Observation]) in
            list.map { JSONObservation(period: $0.period, value: $0.value, lower_ci: $0.lowerCI, upper_ci: $0.upperCI, note: $0.note) }
        }
        return JSONIndicator(id: indicator.id, title: indicator.title, unit: indicator.unit, geography: indicator.geography,
                             polarity: indicator.polarity.rawValue, provenance: indicator.provenance.rawValue,
                             decimals: indicator.decimals,
                             series: observations(indicator.series),
                             comparators: Dictionary(uniqueKeysWithValues: indicator.comparators.map { ($0.geography, observations($0.series)) }),
                             target: indicator.target.map { JSONTarget(value: $0.value, by: $0.by, label: $0.label) },
                             source: JSONSource(publisher: indicator.source.publisher, title: indicator.source.title,
                                                url: indicator.source.url, licence: indicator.source.licence),
                             breakdowns: indicator.breakdowns.map { breakdown in
                                 JSONBreakdown(dimension: breakdown.dimension, period: breakdown.period, title: breakdown.title,
                                               ordered: breakdown.ordered,
                                               categories: breakdown.categories.map {
                                                   JSONCategory(category: $0.category, value: $0.value, lower_ci: $0.lowerCI, upper_ci: $0.upperCI, note: $0.note)
                                               },
                                               overall: breakdown.overall.flatMap { observations([$0]).first },
                                               national: breakdown.national.flatMap { observations([$0]).first })
                             })
    }

    /// Pretty, sorted, one newline at the end.
    private static func encoded<T: Encodable>(_ value: T) -> String {
        String(decoding: encodedData(value), as: UTF8.self) + "\n"
    }

    private static func encodedData<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// "2 KB"; files under 1 KB say "1 KB", as GOV.UK does.
    static func sizeLabel(_ bytes: Int) -> String {
        bytes < 1024 * 1024 ? "\(max(1, (bytes + 1023) / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
