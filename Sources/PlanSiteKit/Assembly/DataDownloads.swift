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
        let header = Array((Self.csvHeader + "\r\n").utf8)
        var all = header
        all.reserveCapacity(header.count + bodies.reduce(0) { $0 + $1.count })
        for body in bodies { all += body }
        var files = [
            OutputFile(path: Route.allIndicatorsCSV.path, contents: Data(all)),
            OutputFile(path: Route.allIndicatorsJSON.path, contents: Data(jsonBytes())),
        ]
        files += zip(site.indicators, bodies).map {
            OutputFile(path: Route.indicatorCSV(id: $0.id).path, contents: Data(header + $1))
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

    /// One indicator's CSV rows as UTF-8, each ending in CRLF. The fields that are the same on every
    /// row are quoted once; only the period and the numbers change from row to row. Written as bytes
    /// into one buffer: a `String` grown a field at a time was most of the cost of the CSV.
    private func csvRows(of indicator: Indicator) -> [UInt8] {
        var leading: [UInt8] = []
        Self.appendCSVField(indicator.id, to: &leading)
        leading.append(UInt8(ascii: ","))
        Self.appendCSVField(indicator.title, to: &leading)
        leading.append(UInt8(ascii: ","))
        var trailing: [UInt8] = [UInt8(ascii: ",")]
        Self.appendCSVField(indicator.unit, to: &trailing)
        trailing.append(UInt8(ascii: ","))
        Self.appendCSVField("\(indicator.source.publisher): \(indicator.source.title)", to: &trailing)
        trailing.append(UInt8(ascii: ","))
        var text: [UInt8] = []
        func field(_ value: String) {
            Self.appendCSVField(value, to: &text)
            text.append(UInt8(ascii: ","))
        }
        func field(_ value: Double?) {
            if let value { Self.appendCSVNumber(value, to: &text) }
            text.append(UInt8(ascii: ","))
        }
        func append(_ geography: String, _ series: [Observation]) {
            var place = leading
            Self.appendCSVField(geography, to: &place)
            place.append(UInt8(ascii: ","))
            for observation in series {
                text += place
                field(observation.period)
                text += ",,".utf8
                field(observation.value)
                field(observation.lowerCI)
                if let upper = observation.upperCI { Self.appendCSVNumber(upper, to: &text) }
                text += trailing
                // The count and denominator are never quoted, nor are the flags' letters.
                if let count = observation.count { Self.appendPlainNumber(count, to: &text) }
                text.append(UInt8(ascii: ","))
                if let denominator = observation.denominator { Self.appendPlainNumber(denominator, to: &text) }
                text.append(UInt8(ascii: ","))
                for (index, flag) in observation.flags.enumerated() {
                    if index > 0 { text.append(UInt8(ascii: " ")) }
                    text += flag.rawValue.utf8
                }
                text.append(UInt8(ascii: ","))
                Self.appendCSVField(observation.note ?? "", to: &text)
                text += "\r\n".utf8
            }
        }
        append(indicator.geography, indicator.series)
        for comparator in indicator.comparators { append(comparator.geography, comparator.series) }
        for breakdown in indicator.breakdowns {
            var place = leading
            for name in [indicator.geography, breakdown.period, breakdown.dimension] {
                Self.appendCSVField(name, to: &place)
                place.append(UInt8(ascii: ","))
            }
            for category in breakdown.categories {
                text += place
                field(category.category)
                field(category.value)
                field(category.lowerCI)
                if let upper = category.upperCI { Self.appendCSVNumber(upper, to: &text) }
                text += trailing
                text += ",,,".utf8
                Self.appendCSVField(category.note ?? "", to: &text)
                text += "\r\n".utf8
            }
        }
        return text
    }

    /// One CSV field. A text that a spreadsheet would run as a formula (first character =, +, -, @,
    /// tab or CR; OWASP's "CSV Injection") gets a leading `'`; a number (`-3`) never does. Quoted as
    /// RFC 4180 says, decided on bytes: as Characters, "\r\n" is one and a lone "\n" was missed.
    static func csvField(_ text: String) -> String {
        var field: [UInt8] = []
        appendCSVField(text, to: &field)
        return String(decoding: field, as: UTF8.self)
    }

    /// `csvField(text)`, appended to `bytes` (UTF-8).
    static func appendCSVField(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let neutralised = text.utf8.first.map(startsFormula) == true && !text.isPlainDecimal
        // The bytes read from a buffer, not through the String: there is a field or more a figure.
        text.withUTF8 { utf8 in
            let quoted = utf8.contains(where: needsQuotes)
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            if neutralised { bytes.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in utf8 {
                    bytes.append(byte)
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes += utf8
            }
        }
    }

    /// `csvField(value.plainText)`: a whole number's digits are written as they are (never quoted,
    /// never taken for a formula), without making its text first.
    private static func appendCSVNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded() && abs(value) < 1e15 {
            bytes.appendDecimal(Int(value))
        } else {
            appendCSVField(value.plainText, to: &bytes)
        }
    }

    /// `value.plainText`, unquoted.
    private static func appendPlainNumber(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded() && abs(value) < 1e15 {
            bytes.appendDecimal(Int(value))
        } else {
            bytes += value.plainText.utf8
        }
    }

    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
    }

    func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

    /// `data/indicators.json`, as UTF-8.
    private func jsonBytes() -> [UInt8] {
        // Each indicator is encoded on its own, on every core, then set into the list at the
        // depth the whole document would give it: the same bytes as encoding the whole list
        // (`DataDownloadsTests`), which took 4% of a build on one core. With no indicators
        // this is the empty list as JSONEncoder writes it, "[", a blank line, "]".
        let downloads = self
        let items = Parallel.map(site.indicators, enabled: parallel) { indicator in
            downloads.reuse(indicator, "json") { Self.json(indicator, depth: 2) }
        }
        var bytes = Array("{\n  \"indicators\" : [\n".utf8)
        bytes.reserveCapacity(items.reduce(bytes.count + 16) { $0 + $1.count + 2 })
        for (index, item) in items.enumerated() {
            if index > 0 { bytes += ",\n".utf8 }
            bytes += item
        }
        bytes += "\n  ]\n}\n".utf8
        return bytes
    }

    /// One indicator as JSON, `depth` levels deep (optional fields left out when absent; a figure's
    /// `value` is null). Keys are written in their UTF-8 order, as JSONEncoder sorts them; the tests
    /// encode the same fields through `Codable` and compare the bytes.
    static func json(_ indicator: Indicator, depth: Int = 0) -> [UInt8] {
        var json = JSONText(depth: depth, reservingCapacity: 512 + 160 * indicator.series.count * (1 + indicator.comparators.count))
        // Count, denominator and flags only where given, so an indicator without them reads as before.
        func observation(_ json: inout JSONText, _ o: Observation) {
            json.object { json in
                if let count = o.count {
                    json.key("count")
                    json.number(count)
                }
                if let denominator = o.denominator {
                    json.key("denominator")
                    json.number(denominator)
                }
                if !o.flags.isEmpty {
                    json.key("flag")
                    json.list(o.flags) { json, flag in json.string(flag.rawValue) }
                }
                if let lower = o.lowerCI {
                    json.key("lower_ci")
                    json.number(lower)
                }
                if let note = o.note {
                    json.key("note")
                    json.string(note)
                }
                json.key("period")
                json.string(o.period)
                if let upper = o.upperCI {
                    json.key("upper_ci")
                    json.number(upper)
                }
                json.key("value")
                json.number(orNull: o.value)
            }
        }
        json.object { json in
            json.key("breakdowns")
            json.list(indicator.breakdowns) { json, breakdown in
                json.object { json in
                    json.key("categories")
                    json.list(breakdown.categories) { json, category in
                        json.object { json in
                            json.key("category")
                            json.string(category.category)
                            if let lower = category.lowerCI {
                                json.key("lower_ci")
                                json.number(lower)
                            }
                            if let note = category.note {
                                json.key("note")
                                json.string(note)
                            }
                            if let upper = category.upperCI {
                                json.key("upper_ci")
                                json.number(upper)
                            }
                            json.key("value")
                            json.number(orNull: category.value)
                        }
                    }
                    json.key("dimension")
                    json.string(breakdown.dimension)
                    if let national = breakdown.national {
                        json.key("national")
                        observation(&json, national)
                    }
                    json.key("ordered")
                    json.bool(breakdown.ordered)
                    if let overall = breakdown.overall {
                        json.key("overall")
                        observation(&json, overall)
                    }
                    json.key("period")
                    json.string(breakdown.period)
                    if let title = breakdown.title {
                        json.key("title")
                        json.string(title)
                    }
                }
            }
            json.key("comparators")
            json.object { json in
                for comparator in indicator.comparators.sorted(by: { JSONText.precedes($0.geography, $1.geography) }) {
                    json.key(string: comparator.geography)
                    json.list(comparator.series, observation)
                }
            }
            json.key("decimals")
            json.integer(indicator.decimals)
            json.key("geography")
            json.string(indicator.geography)
            json.key("id")
            json.string(indicator.id)
            json.key("polarity")
            json.string(indicator.polarity.rawValue)
            json.key("provenance")
            json.string(indicator.provenance.rawValue)
            json.key("series")
            json.list(indicator.series, observation)
            json.key("source")
            json.object { json in
                let source = indicator.source
                if let licence = source.licence {
                    json.key("licence")
                    json.string(licence)
                }
                json.key("publisher")
                json.string(source.publisher)
                json.key("title")
                json.string(source.title)
                if let url = source.url {
                    json.key("url")
                    json.string(url)
                }
            }
            if let target = indicator.target {
                json.key("target")
                json.object { json in
                    json.key("by")
                    json.string(target.by)
                    json.key("label")
                    json.string(target.label)
                    json.key("value")
                    json.number(target.value)
                }
            }
            json.key("title")
            json.string(indicator.title)
            json.key("unit")
            json.string(indicator.unit)
        }
        return json.bytes
    }

    /// "2 KB"; files under 1 KB say "1 KB", as GOV.UK does.
    static func sizeLabel(_ bytes: Int, words: Words) -> String {
        bytes < 1024 * 1024
            ? words(.fileSizeKb, ["size": "\(max(1, (bytes + 1023) / 1024))"])
            : words(.fileSizeMb, ["size": String(format: "%.1f", Double(bytes) / 1_048_576)])
    }
}
