/// Checks on the shape of the templates that the parser does not make: it
/// (`MustacheParser`) recurses once per nested section while parsing, and the renderer once per partial while
/// rendering, so very deep nesting or a partial that includes itself would
/// exhaust the stack instead of giving an error.
extension TemplateLibrary {
    static let maximumNesting = 100

    /// Problems in `sources` (template name → text): nesting too deep, a partial or
    /// layout that does not exist, a template that includes itself.
    public static func structureProblems(in sources: [String: String], displayPrefix: String) -> [Diagnostic] {
        structureProblems(in: sources, tags: sources.mapValues(TemplateTagScanner.tags(in:)), displayPrefix: displayPrefix)
    }

    /// `structureProblems(in:displayPrefix:)` with each template's tags already scanned.
    static func structureProblems(in sources: [String: String], tags scanned: [String: [TemplateTag]?], displayPrefix: String)
        -> [Diagnostic]
    {
        var problems: [Diagnostic] = []
        var includes: [String: [(name: String, location: SourceLocation)]] = [:]
        for name in sources.keys.sorted() {
            guard let found = scanned[name], let tags = found else { continue }
            let path = displayPrefix + name + ".mustache"
            let at = { (tag: TemplateTag) in SourceLocation(path: path, line: tag.line, column: tag.column) }
            if let deep = tooDeep(tags) {
                problems.append(.error(at(deep), "sections are nested more than \(maximumNesting) deep"))
            }
            for tag in tags where tag.kind == .partial || tag.kind == .parent {
                if sources[tag.name] == nil {
                    problems.append(.error(at(tag), "`\(tag.name)` is not a template; there is no \(displayPrefix)\(tag.name).mustache"))
                } else {
                    includes[name, default: []].append((tag.name, at(tag)))
                }
            }
        }
        return problems + cycles(in: includes)
    }

    static func tooDeep(_ tags: [TemplateTag]) -> TemplateTag? {
        var depth = 0
        for tag in tags {
            switch tag.kind {
            case .section, .inverted, .parent, .block:
                depth += 1
                if depth > maximumNesting { return tag }
            case .close: depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// Each include that closes a loop, found by depth-first search from every template in name order.
    private static func cycles(in includes: [String: [(name: String, location: SourceLocation)]]) -> [Diagnostic] {
        var state: [String: Bool] = [:]  // false: on the current path; true: finished
        var problems: [Diagnostic] = []
        func visit(_ name: String, path: [String]) {
            state[name] = false
            for edge in includes[name] ?? [] {
                switch state[edge.name] {
                case .some(false):
                    let loop = (path + [name, edge.name]).drop { $0 != edge.name }
                    problems.append(
                        .error(
                            edge.location,
                            "templates include each other in a loop (\(loop.joined(separator: " → "))), which would never finish"))
                case .none: visit(edge.name, path: path + [name])
                case .some(true): break
                }
            }
            state[name] = true
        }
        for name in includes.keys.sorted() where state[name] == nil { visit(name, path: []) }
        return problems
    }
}
