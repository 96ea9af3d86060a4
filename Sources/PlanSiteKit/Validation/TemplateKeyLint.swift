import Foundation

/// swift-mustache renders an unknown key as empty text, silently. This walks each
/// template as it would be rendered (sections, partials, layouts) and checks every
/// name against the keys the site's actual page contexts provide.
struct TemplateKeyLint {
    var templates: TemplateLibrary
    var pages: [PageRender]

    private struct Missing { var name: String; var usedBy: Set<String> }

    func check() -> [Diagnostic] {
        var missing: [SourceLocation: Missing] = [:]
        for (template, contexts) in Dictionary(grouping: pages, by: \.template) {
            let keys = ContextKeys()
            for page in contexts { keys.absorb(page.values) }
            let root = KeyShape()
            root.absorb(keys.summary)
            walk(template, stack: [root], entry: template, depth: 0, missing: &missing)
        }
        return missing.map { location, found in
            let users = found.usedBy.sorted().map { "\($0).mustache" }.joined(separator: ", ")
            return .warning(location, "`\(found.name)` is not a value any page provides (rendering \(users)), so it would show as empty text; check the spelling")
        }
    }

    /// Nested partials deeper than this are a loop, which swift-mustache would not finish either.
    private static let maximumDepth = 20

    /// An open section: whether it pushed a frame, and whether no page ever renders it.
    private struct OpenSection { var pushed: Bool; var dead: Bool }

    private func walk(_ name: String, stack: [KeyShape], entry: String, depth: Int, missing: inout [SourceLocation: Missing]) {
        guard depth < Self.maximumDepth, let source = templates.sources[name],
              let tags = TemplateTagScanner.tags(in: source) else { return }
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

/// The keys of every page context of one template, merged as `KeyShape.absorb` merges
/// them, then handed to it as one small tree. `KeyShape.absorb` asks `is NSNull` and
/// `as Bool` of every value first, and on Linux each of those asks of a dictionary or
/// list bridges the whole of it to Foundation (about a millisecond for a page context);
/// here those types are tested first. The cases exclude each other, so the order
/// changes only the cost.
private final class ContextKeys {
    private var children: [String: ContextKeys] = [:]
    private var rendersSection = false

    func absorb(_ value: Any) {
        switch value {
        case is String:
            rendersSection = true
        case let dictionary as [String: Any]:
            rendersSection = true
            for (key, child) in dictionary {
                let keys = children[key] ?? ContextKeys()
                children[key] = keys
                keys.absorb(child)
            }
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

    /// A value `KeyShape.absorb` turns into the same keys and the same `rendersSection`:
    /// the children as a dictionary (which also renders a section, as any dictionary
    /// among the contexts did), else `true` or `NSNull()`.
    var summary: Any {
        if !children.isEmpty { return children.mapValues(\.summary) }
        return rendersSection ? true as Any : NSNull()
    }
}
