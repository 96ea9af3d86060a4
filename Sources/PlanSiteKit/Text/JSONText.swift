/// JSON written byte for byte as Foundation's `JSONEncoder` writes it with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`: two spaces a level,
/// `"key" : value`, keys in the order of their UTF-8 bytes, an empty list or object on three lines,
/// numbers in Swift's shortest form without a trailing ".0". The open-data JSON is
/// written this way because encoding it through `Codable` was 4% of a build;
/// `DataDownloadsJSONTests` checks it against `JSONEncoder` on the real site and on
/// seeded values (strings with every control character, numbers of every size).
indirect enum JSONText {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case list([JSONText])
    /// Keys as written; the writer sorts them.
    case object([(key: String, value: JSONText)])

    /// `value` as a number, or `null` when it is absent.
    static func number(orNull value: Double?) -> JSONText { value.map(JSONText.number) ?? .null }

    /// The text as it stands `depth` levels deep in a document: every line indented that much more.
    func bytes(depth: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        Self.indent(&out, depth)
        write(to: &out, depth: depth)
        return out
    }

    private func write(to out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): Self.write(string: text, to: &out)
        case .number(let value):
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            out += text.utf8
        case .integer(let value): out += String(value).utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .list(let items):
            Self.writeGroup(open: "[", close: "]", count: items.count, to: &out, depth: depth) { index, out in
                items[index].write(to: &out, depth: depth + 1)
            }
        case .object(let pairs):
            // JSONEncoder sorts keys by their UTF-8 bytes, not by `String`'s order (which is
            // Unicode's canonical order: "e\u{301}" sorts as "é" there).
            let sorted = pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            Self.writeGroup(open: "{", close: "}", count: sorted.count, to: &out, depth: depth) { index, out in
                Self.write(string: sorted[index].key, to: &out)
                out += " : ".utf8
                sorted[index].value.write(to: &out, depth: depth + 1)
            }
        }
    }

    private static func writeGroup(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, to out: inout [UInt8], depth: Int,
        item: (Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        out.append(0x0A)
        if count == 0 { out.append(0x0A) }
        for index in 0..<count {
            if index > 0 { out += ",\n".utf8 }
            indent(&out, depth + 1)
            item(index, &out)
        }
        if count > 0 { out.append(0x0A) }
        indent(&out, depth)
        out.append(UInt8(ascii: close))
    }

    private static func indent(_ out: inout [UInt8], _ depth: Int) {
        out += repeatElement(UInt8(ascii: " "), count: depth * 2)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func write(string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case 0x08: out += "\\b".utf8
            case 0x09: out += "\\t".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0C: out += "\\f".utf8
            case 0x0D: out += "\\r".utf8
            case 0x00..<0x20:
                out += "\\u00".utf8
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
