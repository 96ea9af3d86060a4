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
enum TemplateTagScanner {
    /// nil when the template changes its delimiters (`{{=<% %>=}}`): its tags cannot be read this simply.
    static func tags(in text: String) -> [TemplateTag]? {
        let chars = Array(text)
        var tags: [TemplateTag] = []
        var index = 0
        var line = 1
        var column = 1
        func advance(to end: Int) {
            while index < end {
                if chars[index] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += 1
            }
        }
        while index + 1 < chars.count {
            guard chars[index] == "{", chars[index + 1] == "{" else {
                advance(to: index + 1)
                continue
            }
            let triple = index + 2 < chars.count && chars[index + 2] == "{"
            var close = index + (triple ? 3 : 2)
            while close + 1 < chars.count, !(chars[close] == "}" && chars[close + 1] == "}") { close += 1 }
            guard close + 1 < chars.count else { break }
            let inner = String(chars[(index + (triple ? 3 : 2))..<close])
            if inner.trimmingCharacters(in: .whitespaces).hasPrefix("=") { return nil }
            if let tag = classify(inner, triple: triple, line: line, column: column) { tags.append(tag) }
            let end = close + (triple && close + 2 < chars.count && chars[close + 2] == "}" ? 3 : 2)
            advance(to: end)
        }
        return tags
    }

    private static func classify(_ inner: String, triple: Bool, line: Int, column: Int) -> TemplateTag? {
        let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return nil }
        let kinds: [Character: TemplateTag.Kind] = [
            "#": .section, "^": .inverted, "/": .close, ">": .partial,
            "<": .parent, "$": .block, "!": .comment, "&": .variable,
        ]
        let kind = triple ? .variable : kinds[first] ?? .variable
        let hasSigil = !triple && kinds[first] != nil
        let rest = hasSigil ? String(trimmed.dropFirst()) : trimmed
        return TemplateTag(kind: kind, name: stripTransforms(rest.trimmingCharacters(in: .whitespaces)), line: line, column: column)
    }

    /// `uppercase(title)` looks up `title`.
    private static func stripTransforms(_ name: String) -> String {
        guard let open = name.lastIndex(of: "("), let close = name[open...].firstIndex(of: ")") else { return name }
        return String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
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
