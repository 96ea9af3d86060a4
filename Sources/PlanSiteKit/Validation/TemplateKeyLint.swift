/// swift-mustache renders an unknown key as empty text, silently. This walks each page
/// kind's template as it would be rendered (sections, partials, layouts) and checks every
/// name against the keys the page kind declares (`PageKinds`, `PageLayout`): inside a
/// section or list, the keys of its records, then the keys around it.
struct TemplateKeyLint {
    var templates: TemplateLibrary

    private struct Missing {
        var name: String
        var usedBy: Set<String>
    }

    func check() -> [Diagnostic] {
        var missing: [SourceLocation: Missing] = [:]
        for kind in PageKinds.all {
            walk(kind.template, stack: [KeyShape(kind.keys.keys)], entry: kind.template, depth: 0, missing: &missing)
        }
        return missing.map { location, found in
            let users = found.usedBy.sorted().map { "\($0).mustache" }.joined(separator: ", ")
            return .warning(
                location,
                "`\(found.name)` is not a value any page provides (rendering \(users)), so it would show as empty text; check the spelling")
        }
    }

    /// Nested partials deeper than this are a loop, which swift-mustache would not finish either.
    private static let maximumDepth = 20

    /// An open section: whether it pushed a frame, and whether it names no value (its inside is then not checked).
    private struct OpenSection {
        var pushed: Bool
        var dead: Bool
    }

    private func walk(_ name: String, stack: [KeyShape], entry: String, depth: Int, missing: inout [SourceLocation: Missing]) {
        guard depth < Self.maximumDepth, let source = templates.sources[name],
            let tags = TemplateTagScanner.tags(in: source)
        else { return }
        let path = templates.displayPrefix + name + ".mustache"
        var stack = stack
        var open: [OpenSection] = []
        for tag in tags {
            // Inside a section on an unknown name, names cannot be checked: skip them rather than report each.
            let dead = open.contains { $0.dead }
            switch tag.kind {
            case .variable, .section, .inverted:
                let shape = KeyShape.resolve(tag.name, in: stack)
                if shape == nil, !dead, !tag.name.isEmpty {
                    let location = SourceLocation(path: path, line: tag.line, column: tag.column)
                    missing[location, default: Missing(name: tag.name, usedBy: [])].usedBy.insert(entry)
                }
                if tag.kind == .section {
                    stack.append(shape ?? KeyShape())
                    open.append(OpenSection(pushed: true, dead: shape == nil))
                }
                if tag.kind == .inverted { open.append(OpenSection(pushed: false, dead: false)) }
            case .parent, .block:
                if tag.kind == .parent, !dead { walk(tag.name, stack: stack, entry: entry, depth: depth + 1, missing: &missing) }
                open.append(OpenSection(pushed: false, dead: false))
            case .partial:
                if !dead { walk(tag.name, stack: stack, entry: entry, depth: depth + 1, missing: &missing) }
            case .close:
                if open.popLast()?.pushed == true, stack.count > 1 { stack.removeLast() }
            case .comment:
                break
            }
        }
    }
}
