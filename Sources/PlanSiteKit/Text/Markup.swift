import Mustache

/// The one place text is escaped for HTML, SVG and XML: the generator's own Swift code
/// calls it, and templates' `{{ }}` use it too (see `TemplateLibrary`).
public enum Markup {
    /// `&`, `<`, `>`, `"` and `'` as entities, the same five swift-mustache replaces. The
    /// text is read as UTF-8 bytes (each of the five is one byte, and no byte of another
    /// character can equal them), and returned as it is when it has none of them, as most
    /// values do: Mustache's own escaping looked up every Character in a table, 8% of a build.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscaping) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// `Markup.escape` as a Mustache content type, so `{{value}}` escapes through it.
    struct MustacheHTML: MustacheContentType {
        static let name = "PlanSiteHTML"
        func escapeText(_ text: String) -> String { Markup.escape(text) }
    }
}
