import Foundation

/// A template that names a file under `assets/` (`{{assets_href}}/logo.svg`, or a literal
/// `assets/logo.svg`) must find it there, or every page would show a broken image or lose its
/// styles; `check --strict` alone would never notice.
struct TemplateAssetLint {
    var templates: TemplateLibrary

    /// `{{assets_href}}/path`, or `assets/path` after a quote, space, `=`, `(` or a tag's `}}`
    /// (not `img/assets/`), up to a quote, space, `?`, `#` or tag.
    private static var reference: Regex<(Substring, Substring)> {
        #/(?:\{\{\{?\s*assets_href\s*\}?\}\}/|(?:^|["'\s=(}])assets/)([^"'\s?#{}<>)]+)/#
    }

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (name, source) in templates.sources.sorted(by: { $0.key < $1.key }) {
            for match in source.matches(of: Self.reference) {
                let file = Route.asset(String(match.output.1)).path
                guard !templates.assetFiles.contains(file) else { continue }
                let path = templates.displayPrefix + name + ".mustache"
                let location = TemplateLinkLint.location(of: match.range.lowerBound, in: source, path: path)
                problems.append(
                    .error(
                        location,
                        "the template names \(file), which is not in \(templates.displayPrefix)assets/; "
                            + "add the file there, or correct the name"))
            }
        }
        return problems
    }
}
