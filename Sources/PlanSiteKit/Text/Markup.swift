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

    /// `escape(text)`, appended to `bytes` (UTF-8): how a template's `{{value}}` is written.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        guard text.utf8.contains(where: needsEscaping) else {
            bytes += text.utf8
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
