import Foundation

/// Link text written into a template is the same on every page that uses it:
/// "Find out more" is fine only when a tag makes it unique ("Find out more about {{title}}").
struct TemplateLinkLint {
    var templates: TemplateLibrary

    func check() -> [Diagnostic] {
        let (anchor, tag) = (Patterns.templateAnchor, Patterns.htmlTag)
        var problems: [Diagnostic] = []
        for (name, source) in templates.sources.sorted(by: { $0.key < $1.key }) {
            let range = NSRange(source.startIndex..., in: source)
            for match in anchor.matches(in: source, range: range) {
                guard let inner = Range(match.range(at: 1), in: source), let start = Range(match.range, in: source) else { continue }
                let html = String(source[inner])
                if html.contains("{{") { continue }
                let text = tag.stringByReplacingMatches(in: html, range: NSRange(html.startIndex..., in: html), withTemplate: "")
                guard let problem = TextRules.linkTextProblem(text, url: "") else { continue }
                let location = Self.location(of: start.lowerBound, in: source, path: templates.displayPrefix + name + ".mustache")
                problems.append(.warning(location, problem + ", or add a tag that makes it unique"))
            }
        }
        return problems
    }

    static func location(of index: String.Index, in text: String, path: String) -> SourceLocation {
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}
