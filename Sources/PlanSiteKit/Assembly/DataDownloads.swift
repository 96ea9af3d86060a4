import Foundation

/// The open data downloads: one tidy CSV and JSON of every indicator, and a CSV per indicator.
/// Values are written raw (as in the YAML), not formatted for reading.
struct DataDownloads {
    var site: Site
    var parallel = true
    /// `plansite serve`: an unchanged indicator's rows and JSON are reused.
    var cache: BuildCache?

    /// `dimension` and `category` are empty on series rows; a breakdown row names both. `flag` holds
    /// the GSS letters (`p`, `r`, `b`…) separated by spaces; `note` says why a value is missing or
    /// what to know about it.
    static let csvHeader =
        "indicator_id,title,geography,period,dimension,category,value,lower_ci,upper_ci,unit,source,"
        + "count,denominator,flag,note"

    func files() -> [OutputFile] {
        // Each indicator's rows are written once and used twice: in its own CSV and in the whole-site one.
        let downloads = self
        let bodies = Parallel.map(site.indicators, enabled: parallel) { indicator in
            downloads.reuse(indicator, "csv") { downloads.csvRows(of: indicator) }
        }
        var files = [
            OutputFile(path: Route.allIndicatorsCSV.path, text: Self.csvHeader + "\r\n" + bodies.joined()),
            OutputFile(path: Route.allIndicatorsJSON.path, text: json()),
        ]
        files += zip(site.indicators, bodies).map {
            OutputFile(path: Route.indicatorCSV(id: $0.id).path, text: Self.csvHeader + "\r\n" + $1)
        }
        // Beside each CSV, its CSVW metadata; then the feed of updates, when any indicator is dated.
        let metadata = CSVWMetadata(site: site)
        files += site.indicators.map(metadata.file(for:))
        if let feed = UpdatesFeed(site: site).file() { files.append(feed) }
        return files
    }

    /// What an earlier build made of the same indicator (`plansite serve`), or what `make` makes.
    private func reuse<Value>(_ indicator: Indicator, _ part: String, _ make: () -> Value) -> Value {
        cache?.reuse(DownloadKey(indicator: indicator, part: part), make) ?? make()
    }

    private struct DownloadKey: Hashable, Sendable {
        var indicator: Indicator
        var part: String

        /// The id and part only: equal keys still hash alike, and the whole indicator is compared
        /// only on a hit, not hashed on every lookup (hashing every observation was 3% of a rebuild).
        func hash(into hasher: inout Hasher) {
            hasher.combine(indicator.id)
            hasher.combine(part)
        }
    }

    /// One indicator's CSV rows, each ending in CRLF. The fields that are the same on every
    /// row are quoted once; only the period and the numbers change from row to row.
    private func csvRows(of indicator: Indicator) -> String {
        let leading = Self.csvField(indicator.id) + "," + Self.csvField(indicator.title) + ","
        let trailing =
            "," + Self.csvField(indicator.unit) + "," + Self.csvField("\(indicator.source.publisher): \(indicator.source.title)") + ","
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
                text += raw(observation.count) + "," + raw(observation.denominator) + ","
                text += observation.flags.map(\.rawValue).joined(separator: " ") + ","
                text += Self.csvField(observation.note ?? "") + "\r\n"
            }
        }
        append(indicator.geography, indicator.series)
        for comparator in indicator.comparators { append(comparator.geography, comparator.series) }
        for breakdown in indicator.breakdowns {
            let place =
                leading + Self.csvField(indicator.geography) + "," + Self.csvField(breakdown.period) + ","
                + Self.csvField(breakdown.dimension) + ","
            for category in breakdown.categories {
                text += place + Self.csvField(category.category) + "," + Self.csvField(raw(category.value)) + ","
                text += Self.csvField(raw(category.lowerCI)) + "," + Self.csvField(raw(category.upperCI)) + trailing
                text += ",,," + Self.csvField(category.note ?? "") + "\r\n"
            }
        }
        return text
    }

    private func raw(_ value: Double?) -> String { value.map(\.plainText) ?? "" }

    /// One CSV field. A text that a spreadsheet would run as a formula (first character =, +, -, @,
    /// tab or CR; OWASP's "CSV Injection") gets a leading `'`; a number (`-3`) never does. Quoted as
    /// RFC 4180 says, decided on bytes: as Characters, "\r\n" is one and a lone "\n" was missed.
    static func csvField(_ text: String) -> String {
        let bytes = text.utf8
        let neutralised = bytes.first.map(startsFormula) == true && !text.isPlainDecimal
        guard neutralised || bytes.contains(where: needsQuotes) else { return text }
        var field: [UInt8] = neutralised ? [UInt8(ascii: "'")] : []
        field.reserveCapacity(bytes.count + 3)
        for byte in bytes { field.append(byte) }
        guard field.contains(where: needsQuotes) else { return String(decoding: field, as: UTF8.self) }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        for byte in field {
            quoted.append(byte)
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }

    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
    }

    func json() -> String {
        // Each indicator is encoded on its own, on every core, then set into the list at the
        // depth the whole document would give it: the same bytes as encoding the whole list
        // (`DataDownloadsTests`), which took 4% of a build on one core. With no indicators
        // this is the empty list as JSONEncoder writes it, "[", a blank line, "]".
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

    /// One indicator as `JSONText` (optional fields left out when absent; a figure's `value`
    /// is null). The tests encode the same fields through `Codable` and compare the bytes.
    static func jsonText(_ indicator: Indicator) -> JSONText {
        // A figure: what names it (its period or category), its value, interval and note.
        func figure(
            _ name: (key: String, value: String), _ value: Double?, _ lower: Double?, _ upper: Double?, _ note: String?,
            more: [(key: String, value: JSONText)] = []
        ) -> JSONText {
            var pairs: [(key: String, value: JSONText)] = [(name.key, .string(name.value)), ("value", .number(orNull: value))]
            if let lower { pairs.append(("lower_ci", .number(lower))) }
            if let upper { pairs.append(("upper_ci", .number(upper))) }
            if let note { pairs.append(("note", .string(note))) }
            return .object(pairs + more)
        }
        // Count, denominator and flags only where given, so an indicator without them reads as before.
        func observation(_ o: Observation) -> JSONText {
            var pairs: [(key: String, value: JSONText)] = []
            if let count = o.count { pairs.append(("count", .number(count))) }
            if let denominator = o.denominator { pairs.append(("denominator", .number(denominator))) }
            if !o.flags.isEmpty { pairs.append(("flag", .list(o.flags.map { .string($0.rawValue) }))) }
            return figure(("period", o.period), o.value, o.lowerCI, o.upperCI, o.note, more: pairs)
        }
        var source: [(key: String, value: JSONText)] = [
            ("publisher", .string(indicator.source.publisher)), ("title", .string(indicator.source.title)),
        ]
        if let url = indicator.source.url { source.append(("url", .string(url))) }
        if let licence = indicator.source.licence { source.append(("licence", .string(licence))) }
        let breakdowns: [JSONText] = indicator.breakdowns.map { breakdown in
            var pairs: [(key: String, value: JSONText)] = [
                ("dimension", .string(breakdown.dimension)), ("period", .string(breakdown.period)), ("ordered", .bool(breakdown.ordered)),
                (
                    "categories",
                    .list(
                        breakdown.categories.map {
                            figure(("category", $0.category), $0.value, $0.lowerCI, $0.upperCI, $0.note)
                        })
                ),
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
            pairs.append(
                ("target", .object([("value", .number(target.value)), ("by", .string(target.by)), ("label", .string(target.label))])))
        }
        return .object(pairs)
    }

    /// "2 KB"; files under 1 KB say "1 KB", as GOV.UK does.
    static func sizeLabel(_ bytes: Int, words: Words) -> String {
        bytes < 1024 * 1024
            ? words(.fileSizeKb, ["size": "\(max(1, (bytes + 1023) / 1024))"])
            : words(.fileSizeMb, ["size": String(format: "%.1f", Double(bytes) / 1_048_576)])
    }
}
