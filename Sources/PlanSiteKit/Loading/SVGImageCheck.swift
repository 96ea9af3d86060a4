import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Refuses an SVG image that could run or fetch anything: opened at its own address it is a
/// document of the site's origin, so a script in it could act as the site. No well-kept SVG
/// sanitiser is available to Swift or packaged for Debian, so this refuses rather than cleans
/// (the OWASP and DOMPurify lists): script, event handlers, foreignObject, and any reference
/// that is not to a part of the same drawing (`href="#id"`, `url(#id)`).
struct SVGImageCheck {
    var path: String
    var text: String

    static let forbiddenElements: Set<String> = [
        "script", "foreignobject", "iframe", "embed", "object", "handler", "listener",
    ]

    func check() -> [Diagnostic] {
        // Entities can spell anything once expanded, and no drawing needs one of its own.
        if let entity = text.range(of: "<!ENTITY", options: .caseInsensitive) {
            return [
                .error(
                    location(at: entity.lowerBound),
                    "this SVG declares an entity (`<!ENTITY`); save the drawing without a DTD "
                        + "(a plain SVG export) so what it holds can be checked")
            ]
        }
        let parser = XMLParser(data: Data(text.utf8))
        let finder = SVGFinder(path: path)
        parser.delegate = finder
        parser.shouldResolveExternalEntities = false
        if !parser.parse(), finder.found.isEmpty {
            let at = SourceLocation(path: path, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            return [
                .error(
                    at,
                    "this SVG is not well-formed XML, so a browser will not show it; "
                        + "export it again from the drawing program"
                )
            ]
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return finder.found.map { found in
            let line = found.line >= 1 && found.line <= lines.count ? lines[found.line - 1] : ""
            return .error(
                SourceLocation(
                    path: path, line: found.line,
                    column: Self.column(of: found.needle, in: line, before: found.column)),
                found.message)
        }
    }

    /// The parser reports the end of the tag: the column of what is named, written last before it on the line.
    static func column(of needle: String, in line: Substring, before end: Int) -> Int {
        let head = line.prefix(max(0, end))
        guard
            let found = head.range(of: needle, options: [.caseInsensitive, .backwards])
                ?? line.range(of: needle, options: .caseInsensitive)
        else { return end }
        return line.distance(from: line.startIndex, to: found.lowerBound) + 1
    }

    private func location(at index: String.Index) -> SourceLocation {
        let before = text[..<index]
        let line = before.utf8.count { $0 == 0x0A } + 1
        let column =
            before.distance(from: before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex, to: index)
            + 1
        return SourceLocation(path: path, line: line, column: column)
    }
}

/// Looks at each element and attribute as the XML parser reads them.
private final class SVGFinder: NSObject, XMLParserDelegate {
    let path: String
    /// Each problem with where the parser was and what to look for on that line.
    var found: [(line: Int, column: Int, needle: String, message: String)] = []
    private var inStyle = false

    init(path: String) { self.path = path }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let element = Self.localName(name)
        if SVGImageCheck.forbiddenElements.contains(element) {
            refuse(
                parser, at: "<" + name,
                "this SVG holds a `<\(name)>` element, which can run code or show another page; "
                    + "remove it (a drawing needs none) and export again")
        }
        // <set attributeName="href" to="https://…"> changes a reference once the drawing runs.
        if ["set", "animate"].contains(element), let target = attributes["attributeName"].map(Self.localName),
            target == "href" || target.hasPrefix("on")
        {
            refuse(
                parser, at: "<" + name,
                "this SVG animates `\(target)`, which can point it elsewhere or run code; remove the `<\(element)>`")
        }
        inStyle = element == "style"
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) { check(attribute: key, value, parser) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        inStyle = false
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inStyle, let problem = Self.styleProblem(string) { refuse(parser, at: "url(", problem) }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if inStyle, let problem = Self.styleProblem(String(decoding: block, as: UTF8.self)) {
            refuse(parser, at: "url(", problem)
        }
    }

    func parser(_ parser: XMLParser, foundProcessingInstructionWithTarget target: String, data: String?) {
        refuse(
            parser, at: "<?",
            "this SVG holds a processing instruction (`<?\(target)`), which can load a style sheet "
                + "from elsewhere; remove it"
        )
    }

    private func check(attribute key: String, _ value: String, _ parser: XMLParser) {
        let name = Self.localName(key)
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.hasPrefix("on") {
            refuse(
                parser, at: key,
                "this SVG has an event handler (`\(key)`), which runs code when the image is opened; remove it")
        } else if name == "href" || name == "src", !trimmed.hasPrefix("#") {
            refuse(
                parser, at: key,
                "this SVG refers to \"\(trimmed.prefix(60))\" (`\(key)`); an image may refer only to parts of "
                    + "itself (`#id`): include what it needs in the drawing")
        } else if let problem = Self.styleProblem(value) {
            refuse(parser, at: key, problem)
        } else if trimmed.lowercased().contains("javascript:") {
            refuse(parser, at: key, "this SVG has a `javascript:` address in `\(key)`; remove it")
        }
    }

    /// `url(...)` to anything but a part of the drawing, or `@import`, in a style.
    static func styleProblem(_ style: String) -> String? {
        if style.range(of: "@import", options: .caseInsensitive) != nil {
            return "this SVG's style imports another style sheet (`@import`); remove it"
        }
        var rest = style[...]
        while let open = rest.range(of: "url(", options: .caseInsensitive) {
            let target = rest[open.upperBound...].drop { " \t\n'\"".contains($0) }
            if !target.hasPrefix("#") {
                let shown = target.prefix { !"'\")".contains($0) }.prefix(40)
                return
                    "this SVG's style refers to an outside address (`\(shown)`); use only `url(#id)` within the drawing"
            }
            rest = rest[open.upperBound...]
        }
        return nil
    }

    private func refuse(_ parser: XMLParser, at needle: String, _ message: String) {
        found.append((max(1, parser.lineNumber), max(1, parser.columnNumber), needle, message))
    }

    /// `svg:script` is a script too.
    private static func localName(_ name: String) -> String {
        String(name.split(separator: ":").last ?? Substring(name)).lowercased()
    }
}
