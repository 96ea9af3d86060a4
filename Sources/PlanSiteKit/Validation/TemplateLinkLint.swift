import Foundation

/// Link text written into a template is the same on every page that uses it:
/// "Find out more" is fine only when a tag makes it unique ("Find out more about {{title}}").
struct TemplateLinkLint {
    var templates: TemplateLibrary
    /// Link text written as `{{words.key}}` is checked as the word file words it.
    var words = Words.empty

    func check() -> [Diagnostic] {
        let (anchor, tag) = (Patterns.templateAnchor, Patterns.htmlTag)
        var problems: [Diagnostic] = []
        for (name, source) in templates.sources.sorted(by: { $0.key < $1.key }) {
            let range = NSRange(source.startIndex..., in: source)
            for match in anchor.matches(in: source, range: range) {
                guard let inner = Range(match.range(at: 1), in: source), let start = Range(match.range, in: source) else { continue }
                let html = wordsFilledIn(String(source[inner]))
                // A value or a placeholder makes the text differ from page to page.
                // (Without a "{" byte neither is there: most link texts skip Foundation's `contains`.)
                if html.utf8.contains(UInt8(ascii: "{")), html.contains("{{") || html.contains(where: { $0 == "{" }) { continue }
                let text = tag.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
                guard let problem = TextRules.linkTextProblem(text, url: "") else { continue }
                let location = Self.location(of: start.lowerBound, in: source, path: templates.displayPrefix + name + ".mustache")
                problems.append(.warning(location, problem + ", or add a tag that makes it unique"))
            }
        }
        return problems
    }

    /// `{{words.key}}` replaced by its entry's text (placeholders left as `{name}`); other tags as they are.
    /// Each tag's key is looked up (asking of every entry whether the text names it was 1% of a build).
    private func wordsFilledIn(_ html: String) -> String {
        let opening = "{{words."
        guard html.contains(opening) else { return html }
        var result = ""
        var rest = html[...]
        while let tag = rest.range(of: opening) {
            result += rest[..<tag.lowerBound]
            // Not an entry's tag: kept, and read on from just after "{{words.", where another may start.
            guard let close = rest[tag.upperBound...].range(of: "}}"),
                let entry = words.entries[String(rest[tag.upperBound..<close.lowerBound])]
            else {
                result += rest[tag]
                rest = rest[tag.upperBound...]
                continue
            }
            result += entry.form(.other).map {
                switch $0 {
                case .text(let text): text
                case .placeholder(let name): "{\(name)}"
                }
            }.joined()
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    static func location(of index: String.Index, in text: String, path: String) -> SourceLocation {
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}
