import Foundation

/// A template that names a file under `assets/` (`{{assets_href}}/logo.svg`, or a literal
/// `assets/logo.svg`) must find it there, or every page would show a broken image or lose its
/// styles; `check --strict` alone would never notice.
struct TemplateAssetLint {
    var templates: TemplateLibrary

    /// `{{assets_href}}/path`, or `assets/path` after a quote, space, `=`, `(` or a tag's `}}`
    /// (not `img/assets/`), up to a quote, space, `?`, `#` or tag.
    static var reference: Regex<(Substring, Substring)> {
        #/(?:\{\{\{?\s*assets_href\s*\}?\}\}/|(?:^|["'\s=(}])assets/)([^"'\s?#{}<>)]+)/#
    }

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (name, source) in templates.sources.sorted(by: { $0.key < $1.key }) {
            for (start, written) in Self.references(in: source) {
                let file = Route.asset(String(written)).path
                guard !templates.assetFiles.contains(file) else { continue }
                let path = templates.displayPrefix + name + ".mustache"
                let location = TemplateLinkLint.location(of: start, in: source, path: path)
                problems.append(
                    .error(
                        location,
                        "the template names \(file), which is not in \(templates.displayPrefix)assets/; "
                            + "add the file there, or correct the name"))
            }
        }
        return problems
    }

    /// Each match of `reference` in a template: where it starts, and the path it names.
    static func references(in source: String) -> [(start: String.Index, path: Substring)] {
        // Swift's Regex matched every template Character by Character (2.6% of a build, with its
        // compilation); the same steps on the scalars are exact when each Character is one scalar.
        guard source.count == source.unicodeScalars.count else {
            return source.matches(of: reference).map { ($0.range.lowerBound, $0.output.1) }
        }
        return scalarReferences(in: source)
    }

    /// `references(in:)` read scalar by scalar, as the expression reads it (`TemplateAssetLintTests`).
    static func scalarReferences(in source: String) -> [(start: String.Index, path: Substring)] {
        let scalars = Array(source.unicodeScalars)
        let at = { (i: Int, scalar: Unicode.Scalar) in i < scalars.count && scalars[i] == scalar }
        // Character.isWhitespace: in ASCII, tab to carriage return and the space.
        let isSpace = { (i: Int) in
            i < scalars.count
                && (scalars[i].isASCII ? scalars[i] == " " || ("\t"..."\r").contains(scalars[i]) : scalars[i].properties.isWhitespace)
        }
        func hasWord(_ word: String, at start: Int) -> Bool {
            var i = start
            for scalar in word.unicodeScalars {
                guard at(i, scalar) else { return false }
                i += 1
            }
            return true
        }
        /// Where the path starts when a match starts at `i`: after `{{assets_href}}/` or `assets/`.
        func pathStart(_ i: Int) -> Int? {
            if at(i, "{"), at(i + 1, "{") {
                var j = at(i + 2, "{") ? i + 3 : i + 2
                while isSpace(j) { j += 1 }
                guard hasWord("assets_href", at: j) else { return nil }
                j += "assets_href".count
                while isSpace(j) { j += 1 }
                guard at(j, "}"), at(j + 1, "}") else { return nil }
                if at(j + 2, "/") { return j + 3 }
                return at(j + 2, "}") && at(j + 3, "/") ? j + 4 : nil
            }
            if i == 0, hasWord("assets/", at: 0) { return 7 }
            guard hasWord("assets/", at: i + 1), isSpace(i) || "\"'=(}".unicodeScalars.contains(scalars[i]) else { return nil }
            return i + 8
        }
        let pathEnds: Set<Unicode.Scalar> = ["\"", "'", "?", "#", "{", "}", "<", ">", ")"]
        // Offsets into `scalars` made String indices by stepping on from the last one (they only grow).
        let view = source.unicodeScalars
        var (known, knownIndex) = (0, view.startIndex)
        func index(_ offset: Int) -> String.Index {
            knownIndex = view.index(knownIndex, offsetBy: offset - known)
            known = offset
            return knownIndex
        }
        var found: [(start: String.Index, path: Substring)] = []
        var i = 0
        while i < scalars.count {
            guard let start = pathStart(i) else {
                i += 1
                continue
            }
            var end = start
            while end < scalars.count, !isSpace(end), !pathEnds.contains(scalars[end]) { end += 1 }
            guard end > start else {
                i += 1
                continue
            }
            let (from, written, to) = (index(i), index(start), index(end))
            found.append((from, source[written..<to]))
            i = end
        }
        return found
    }
}
