/// swift-mustache renders an unknown key as empty text, silently. This walks each
/// template as it would be rendered (sections, partials, layouts) and checks every
/// name against the keys the site's actual page contexts provide.
struct TemplateKeyLint {
    var templates: TemplateLibrary
    var pages: [PageRender]
    var parallel = true

    private struct Missing {
        var name: String
        var usedBy: Set<String>
    }

    func check() -> [Diagnostic] {
        var missing: [SourceLocation: Missing] = [:]
        for (template, contexts) in Dictionary(grouping: pages, by: \.template) {
            walk(template, stack: [shape(of: contexts)], entry: template, depth: 0, missing: &missing)
        }
        return missing.map { location, found in
            let users = found.usedBy.sorted().map { "\($0).mustache" }.joined(separator: ", ")
            return .warning(
                location,
                "`\(found.name)` is not a value any page provides (rendering \(users)), so it would show as empty text; check the spelling")
        }
    }

    /// The keys of every context, merged: a share of the contexts on each core, then the shares merged.
    private func shape(of contexts: [PageRender]) -> KeyShape {
        let size = max(1, (contexts.count + 7) / 8)
        let shares = stride(from: 0, to: contexts.count, by: size).map { $0..<min($0 + size, contexts.count) }
        let shapes = Parallel.map(shares, enabled: parallel) { share in
            let shape = KeyShape()
            for page in contexts[share] { shape.absorb(page.values) }
            return shape
        }
        let root = KeyShape()
        for shape in shapes { root.merge(shape) }
        return root
    }

    /// Nested partials deeper than this are a loop, which swift-mustache would not finish either.
    private static let maximumDepth = 20

    /// An open section: whether it pushed a frame, and whether no page ever renders it.
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
            // Inside a section no page renders, names cannot be checked: skip them rather than guess.
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
                    open.append(OpenSection(pushed: true, dead: !(shape?.rendersSection ?? false)))
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
