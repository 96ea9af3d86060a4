import Foundation

/// One `{{…}}` tag of a Mustache template, with where it starts.
struct TemplateTag: Equatable {
    enum Kind: Equatable { case variable, section, inverted, close, partial, parent, block, comment }
    var kind: Kind
    var name: String
    var line: Int
    var column: Int
}

/// Reads the tags of a template the way `MustacheParser` parses them, closely
/// enough to check names: `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`,
/// `{{^name}}`, `{{/name}}`, `{{>partial}}`, `{{<parent}}`, `{{$block}}`.
///
/// It reads Characters, as it always has (a brace with an accent on it is no brace, and a column
/// counts Characters), but through `ScannedText`'s one number per Character, and trims names
/// scalar by scalar without Foundation: the scan runs for every template several times a build.
enum TemplateTagScanner {
    /// nil when the template changes its delimiters (`{{=<% %>=}}`): its tags cannot be read this simply.
    static func tags(in text: String) -> [TemplateTag]? {
        let scanned = ScannedText(text)
        let chars = scanned.codes
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        var tags: [TemplateTag] = []
        var index = 0
        var line = 1
        var column = 1
        func advance(to end: Int) {
            while index < end {
                if chars[index] == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if ScannedText.startsCharacter(chars[index]) {
                    column += 1
                }
                index += 1
            }
        }
        while index + 1 < chars.count {
            guard chars[index] == open, chars[index + 1] == open else {
                advance(to: index + 1)
                continue
            }
            let triple = index + 2 < chars.count && chars[index + 2] == open
            var end = index + (triple ? 3 : 2)
            while end + 1 < chars.count, !(chars[end] == close && chars[end + 1] == close) { end += 1 }
            guard end + 1 < chars.count else { break }
            let inner = scanned.text(index + (triple ? 3 : 2)..<end)
            if trimmed(inner[...], newlines: false).hasPrefix("=") { return nil }
            if let tag = classify(inner, triple: triple, line: line, column: column) { tags.append(tag) }
            advance(to: end + (triple && end + 2 < chars.count && chars[end + 2] == close ? 3 : 2))
        }
        return tags
    }

    private static func classify(_ inner: String, triple: Bool, line: Int, column: Int) -> TemplateTag? {
        let trimmed = trimmed(inner[...], newlines: true)
        guard let first = trimmed.first else { return nil }
        let sigil = triple ? nil : kind(ofSigil: first)
        let rest = sigil == nil ? trimmed : String(trimmed.dropFirst())
        return TemplateTag(
            kind: sigil ?? .variable, name: stripTransforms(Self.trimmed(rest[...], newlines: false)), line: line, column: column)
    }

    private static func kind(ofSigil character: Character) -> TemplateTag.Kind? {
        switch character {
        case "#": .section
        case "^": .inverted
        case "/": .close
        case ">": .partial
        case "<": .parent
        case "$": .block
        case "!": .comment
        case "&": .variable
        default: nil
        }
    }

    /// `uppercase(title)` looks up `title`.
    private static func stripTransforms(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return name }
        return trimmed(name[name.index(after: open)..<close], newlines: false)
    }

    /// `text` without the spaces and tabs (and with `newlines`, line breaks) at either end: what
    /// Foundation's `trimmingCharacters(in: .whitespaces)` (`.whitespacesAndNewlines`) leaves,
    /// trimmed as it trims, scalar by scalar.
    private static func trimmed(_ text: Substring, newlines: Bool) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start], newlines: newlines) { scalars.formIndex(after: &start) }
        while start < end, isSpace(scalars[scalars.index(before: end)], newlines: newlines) { scalars.formIndex(before: &end) }
        return String(scalars[start..<end])
    }

    private static let spaces = CharacterSet.whitespaces
    private static let spacesAndNewlines = CharacterSet.whitespacesAndNewlines

    private static func isSpace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x20: true
        case 0x0A...0x0D: newlines
        case 0..<0x80: false
        default: (newlines ? spacesAndNewlines : spaces).contains(scalar)
        }
    }
}

/// A text as one number per Character, for a scanner that compares Characters with ASCII ones:
/// a Character of one ASCII scalar is that byte; any other compares unequal to all of them.
/// Mostly every Character is one scalar, and the numbers are the UTF-8 bytes themselves (the
/// bytes of a non-ASCII scalar are all 0x80 or more, and only its first starts a Character);
/// otherwise ("\r\n", a letter and its accent) each Character is one number, 0xFF when not ASCII.
struct ScannedText {
    private let utf8: [UInt8]
    let codes: [UInt8]
    /// Where each Character starts in `utf8` (and, last, where the text ends); nil when `codes` are `utf8`.
    private let offsets: [Int]?

    init(_ text: String) {
        utf8 = Array(text.utf8)
        if text.unicodeScalars.count == text.count {
            codes = utf8
            offsets = nil
            return
        }
        var codes: [UInt8] = []
        var offsets: [Int] = []
        var offset = 0
        for character in text {
            codes.append(character.unicodeScalars.count == 1 ? character.asciiValue ?? 0xFF : 0xFF)
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
        self.codes = codes
        self.offsets = offsets
    }

    /// Whether the code begins a Character (a column): all but the continuation bytes of UTF-8.
    static func startsCharacter(_ code: UInt8) -> Bool { code & 0xC0 != 0x80 }

    /// The text of the codes at `range`.
    func text(_ range: Range<Int>) -> String {
        let bytes = offsets.map { $0[range.lowerBound]..<$0[range.upperBound] } ?? range
        return String(decoding: utf8[bytes], as: UTF8.self)
    }
}

/// The keys a template can name at one place: a page's declared keys (its own and the
/// layout's), and inside a record or list, the keys of each of its records.
final class KeyShape {
    let children: [String: KeyShape]

    init(_ keys: [TemplateKeyInfo] = []) {
        var children: [String: KeyShape] = [:]
        for key in keys { children[key.name] = KeyShape(of: key.kind) }
        self.children = children
    }

    /// A list's shape is the shape of each of its records, which is what a section over it sees.
    convenience init(of kind: TemplateValueKind) {
        switch kind {
        case .record(let keys), .list(let keys): self.init(keys.keys)
        case .text, .html, .flag: self.init()
        }
    }

    /// Mustache looks up a dotted name's first part from the innermost section outward, the rest strictly inside it.
    static func resolve(_ name: String, in stack: [KeyShape]) -> KeyShape? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        let frames = name.hasPrefix(".") ? Array(stack.suffix(1)) : stack
        guard let first = parts.first, let start = frames.reversed().first(where: { $0.children[first] != nil }) else { return nil }
        var shape: KeyShape? = start
        for part in parts { shape = shape?.children[part] }
        return shape
    }
}
