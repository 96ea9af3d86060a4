import Foundation

/// One entry of a word file: a text with `{placeholder}`s, or one such text per plural form.
public struct WordEntry: Sendable {
    public enum Piece: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    /// A plain entry has its one text under `.other`.
    public var forms: [PluralCategory: [Piece]]
    /// Written as a mapping of plural forms (`one:`, `other:`…).
    public var isPlural: Bool
    /// Where the key is written.
    public var location: SourceLocation?
    /// Each placeholder's first place in the file, for the check's messages.
    public var placeholderLocations: [String: SourceLocation] = [:]

    public init(forms: [PluralCategory: [Piece]], isPlural: Bool = false, location: SourceLocation? = nil) {
        self.forms = forms
        self.isPlural = isPlural
        self.location = location
    }

    /// A plain entry read from its text.
    public init(_ text: String) {
        self.init(forms: [.other: Self.pieces(of: text).pieces])
    }

    /// Every placeholder any form names, in order of first appearance.
    public var placeholders: [String] {
        var seen: [String] = []
        for category in PluralCategory.allCases {
            for case .placeholder(let name) in forms[category] ?? [] where !seen.contains(name) { seen.append(name) }
        }
        return seen
    }

    func form(_ category: PluralCategory) -> [Piece] { forms[category] ?? forms[.other] ?? forms.values.first ?? [] }

    /// `{name}` is a placeholder when `name` is letters, digits, `_` and `.` starting with a letter or `_`;
    /// any other brace is text. The offsets are in characters from the start, for locations.
    static func pieces(of text: String) -> (pieces: [Piece], offsets: [(name: String, offset: Int)]) {
        var pieces: [Piece] = []
        var offsets: [(String, Int)] = []
        var literal = ""
        let chars = Array(text)
        var index = 0
        while index < chars.count {
            if chars[index] == "{", let close = placeholderEnd(chars, from: index) {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                let name = String(chars[(index + 1)..<close])
                pieces.append(.placeholder(name))
                offsets.append((name, index))
                index = close + 1
            } else {
                literal.append(chars[index])
                index += 1
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return (pieces, offsets)
    }

    private static func placeholderEnd(_ chars: [Character], from open: Int) -> Int? {
        var index = open + 1
        guard index < chars.count, chars[index].isASCII, chars[index].isLetter || chars[index] == "_" else { return nil }
        while index < chars.count, chars[index] != "}" {
            let c = chars[index]
            guard c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "." else { return nil }
            index += 1
        }
        return index < chars.count ? index : nil
    }
}

/// Every sentence and label the generator writes, in one language: read from
/// `templates/words/<language>.yml` (`WordFile`), chosen by `language:` in `site.yml`.
/// Swift asks for an entry by its `WordKey`, giving its placeholders' values; templates
/// write `{{words.key}}` (see `templateValue(named:)`).
public struct Words: Sendable {
    public var language: String
    public var plural: PluralRule
    public private(set) var entries: [String: WordEntry]
    /// The file the words were read from, as diagnostics print it.
    public var path: String
    /// The text of each entry without placeholders, as `{{words.key}}` shows it: joined once
    /// here, not on every page that shows it (`templateValue(named:)`).
    let plainTexts: [String: String]

    public init(language: String, entries: [String: WordEntry], path: String = "") {
        self.language = language
        self.plural = PluralRule.forLanguage(language)
        self.entries = entries
        self.path = path
        var plainTexts: [String: String] = [:]
        for (key, entry) in entries {
            let pieces = entry.form(.other)
            if !pieces.contains(where: { if case .placeholder = $0 { true } else { false } }) {
                plainTexts[key] = pieces.map { if case .text(let text) = $0 { text } else { "" } }.joined()
            }
        }
        self.plainTexts = plainTexts
    }

    /// No words at all: what a build has when the word file is missing (already an error).
    public static let empty = Words(language: "", entries: [:])

    public func has(_ key: String) -> Bool { entries[key] != nil }

    /// The entry with its placeholders filled: `words(.comparedWith, ["name": "England"])`.
    public func callAsFunction(_ key: WordKey, _ values: [String: String] = [:]) -> String {
        assert(key.count == nil, "\(key.rawValue) is counted: give its count")
        assert(Set(values.keys) == Set(key.placeholders), "\(key.rawValue) takes \(key.placeholders), given \(values.keys.sorted())")
        return text(key.rawValue, category: .other, values)
    }

    /// A counted entry, in the plural form the language gives `count`; its count placeholder is
    /// filled with the number (thousands grouped) unless `values` gives it.
    public func callAsFunction(_ key: WordKey, count: Int, _ values: [String: String] = [:]) -> String {
        assert(key.count != nil, "\(key.rawValue) is not counted")
        var values = values
        if let name = key.count, values[name] == nil { values[name] = NumberFormat.format(Double(count), decimals: 0) }
        assert(Set(values.keys) == Set(key.placeholders), "\(key.rawValue) takes \(key.placeholders), given \(values.keys.sorted())")
        return text(key.rawValue, category: plural.category(for: count), values)
    }

    /// Each plural form the language uses, as (category, text), with the count placeholder left
    /// as `{count}` for a script to fill: what a page hands the finder's script, which picks the
    /// form with the browser's CLDR rules (`Intl.PluralRules`).
    public func forms(_ key: WordKey, _ values: [String: String] = [:]) -> [(category: PluralCategory, text: String)] {
        guard let name = key.count else { return [(.other, self(key, values))] }
        var values = values
        values[name] = "{\(name)}"
        return plural.categories.map { ($0, text(key.rawValue, category: $0, values)) }
    }

    /// A missing entry (an error `check` has reported) shows as its key, so the gap is visible.
    private func text(_ key: String, category: PluralCategory, _ values: [String: String]) -> String {
        guard let entry = entries[key] else { return "[\(key)]" }
        var result = ""
        for piece in entry.form(category) {
            switch piece {
            case .text(let text): result += text
            case .placeholder(let name): result += values[name] ?? "{\(name)}"
            }
        }
        return result
    }
}

// MARK: - Templates

/// `{{words.key}}` is the entry as text, escaped like any value; its placeholders, if any,
/// are filled from the page's values by name (`{national}` is `{{national}}`).
///
/// `{{#words.key}}{{$slot}}<a href="…">…</a>{{/slot}}{{/words.key}}` fills the placeholder
/// `{slot}` with the markup in the block (which may hold tags of its own), so a sentence can
/// hold a link or a `<time>` wherever the language puts it; the entry's own text is escaped
/// for HTML (`&`, `<`, `>` and `"`), the other placeholders filled from the page's values.
extension Words {
    /// The Mustache text the entry renders as (`TemplateValue.wordEntry`). With no body
    /// (`{{words.key}}`, or an empty section), the renderer escapes the whole text before reading
    /// it, so the words are left as they are here; with a body, it does not, so they are escaped here.
    static func template(_ pieces: [WordEntry.Piece], body: String) -> String {
        template(pieces, blocks: Self.blocks(in: body), escaping: !body.isEmpty)
    }

    /// `template(_:body:)` with the body's blocks already read (`MustacheTree.blocks`); `escaping` when the body is not empty.
    static func template(_ pieces: [WordEntry.Piece], blocks: [String: String], escaping: Bool) -> String {
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text): result += escaping ? Self.escapeText(text) : text
            case .placeholder(let name): result += blocks[name] ?? "{{\(name)}}"
            }
        }
        return result
    }

    /// The `{{$name}}…{{/name}}` blocks of a section's text, by name.
    static func blocks(in body: String) -> [String: String] {
        // Every section's text is asked when its template is parsed, and few have a block: a
        // scan of the bytes for "{{$" (which no other text compares equal to) spares them Foundation.
        guard hasBlockOpening(body) else { return [:] }
        var blocks: [String: String] = [:]
        var rest = body[...]
        while let open = rest.range(of: "{{$") {
            guard let nameEnd = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<nameEnd.lowerBound].trimmingCharacters(in: .whitespaces)
            guard let close = rest[nameEnd.upperBound...].range(of: "{{/\(name)}}") else { break }
            blocks[name] = String(rest[nameEnd.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return blocks
    }

    private static func hasBlockOpening(_ body: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in body.utf8 {
            if byte == UInt8(ascii: "$"), previous == (UInt8(ascii: "{"), UInt8(ascii: "{")) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// For text between tags: `'` is left as it is, as template text writes it.
    static func escapeText(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
