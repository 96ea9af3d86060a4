/// The one place text is escaped for HTML, SVG and XML: the generator's own Swift code
/// calls it, and templates' `{{ }}` use it too (see `TemplateRenderer`).
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities, the same five Mustache's HTML escaping replaces. The
    /// text is read as UTF-8 bytes (each of the five is one byte, and no byte of another
    /// character can equal them), and returned as it is when it has none of them, as most
    /// values do: Mustache's own escaping looked up every Character in a table, 8% of a build.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        escape(text, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `escape(text)`, appended to `bytes` (UTF-8): how a template's `{{value}}` is written. The
    /// runs between the five characters are copied whole from the text's contiguous UTF-8,
    /// not byte by byte through `String.UTF8View`.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var run = 0
            for index in utf8.indices where needsEscaping(utf8[index]) {
                bytes.append(contentsOf: utf8[run..<index])
                switch utf8[index] {
                case UInt8(ascii: "&"): bytes += "&amp;".utf8
                case UInt8(ascii: "<"): bytes += "&lt;".utf8
                case UInt8(ascii: ">"): bytes += "&gt;".utf8
                case UInt8(ascii: "\""): bytes += "&quot;".utf8
                default: bytes += "&#39;".utf8
                }
                run = index + 1
            }
            bytes.append(contentsOf: utf8[run...])
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
