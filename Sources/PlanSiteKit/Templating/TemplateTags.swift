import Foundation

/// One `{{…}}` tag of a Mustache template, with where it starts.
struct TemplateTag: Equatable {
    enum Kind: Equatable { case variable, section, inverted, close, partial, parent, block, comment }
    var kind: Kind
    var name: String
    var line: Int
    var column: Int
}

/// Reads the tags of a template the way swift-mustache parses them, closely
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

/// The keys page contexts provide, merged over every context of a template:
/// a list's entries are merged into one shape, so `{{#rows}}{{period}}{{/rows}}` can be checked.
final class KeyShape {
    private(set) var children: [String: KeyShape] = [:]
    /// Whether any page has a value here that renders a `{{#section}}`: a section
    /// over only empty lists, `false` or NSNull never renders, so its inside is not checked.
    private(set) var rendersSection = false

    /// Strings, dictionaries and lists are tested first: on Linux, asking `is NSNull` or
    /// `as Bool` of a dictionary bridges all of it to Foundation (about a millisecond per
    /// page). The cases exclude each other, so the order changes only the cost.
    func absorb(_ value: Any) {
        switch value {
        case is String:
            rendersSection = true
        case let dictionary as [String: Any]:
            absorb(dictionary)
        case let list as [[String: Any]]:
            // Asked first as a list of dictionaries (what pages hold): asking `as [Any]` of one
            // copies it into a new array, boxing every entry.
            for item in list { absorb(item) }
        case let list as [Any]:
            for item in list { absorb(item) }
        case is NSNull:
            break
        case let flag as Bool:
            rendersSection = rendersSection || flag
        default:
            rendersSection = true
        }
    }

    /// Takes in a shape absorbed from other contexts, as if they had been absorbed here.
    func merge(_ other: KeyShape) {
        rendersSection = rendersSection || other.rendersSection
        for (key, child) in other.children {
            if let own = children[key] { own.merge(child) } else { children[key] = child }
        }
    }

    private func absorb(_ dictionary: [String: Any]) {
        rendersSection = true
        for (key, child) in dictionary {
            let shape = children[key] ?? KeyShape()
            children[key] = shape
            shape.absorb(child)
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
