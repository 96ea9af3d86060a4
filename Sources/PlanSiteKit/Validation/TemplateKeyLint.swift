/// Mustache renders an unknown key as empty text, silently. This walks each page
/// kind's template as it would be rendered (sections, partials, layouts) and checks every
/// name against the keys the page kind declares (rendering's `PageKinds`, given as `pages`): inside a
/// section or list, the keys of its records, then the keys around it.
struct TemplateKeyLint {
    var templates: TemplateLibrary
    /// Each page kind's template and the keys its values declare (rendering's `PageKinds.all`).
    var pages: [(template: String, keys: TemplateKeyList)]
    /// The word file the pages' `{{words.key}}` read.
    var words = Words.empty

    private struct Missing {
        var name: String
        var usedBy: Set<String>
    }

    func check() -> [Diagnostic] {
        var missing: [SourceLocation: Missing] = [:]
        var wordProblems: [SourceLocation: String] = [:]
        // Each page kind walks the layout and the shared partials again: their tags are read once.
        let tags = templates.sources.mapValues(TemplateTagScanner.tags(in:))
        for kind in pages {
            walk(
                kind.template, stack: [KeyShape(kind.keys.keys)], entry: kind.template, depth: 0, tags: tags, missing: &missing,
                wordProblems: &wordProblems)
        }
        return wordProblems.map { .warning($0, $1) }
            + missing.map { location, found in
                let users = found.usedBy.sorted().map { "\($0).mustache" }.joined(separator: ", ")
                return .warning(
                    location,
                    "`\(found.name)` is not a value any page provides (rendering \(users)), so it would show as empty text; check the spelling"
                )
            }
    }

    /// Nested partials deeper than this are a loop, which the renderer would not finish either.
    private static let maximumDepth = 20

    /// An open section: whether it pushed a frame, and whether it names no value (its inside is then not checked).
    private struct OpenSection {
        var pushed: Bool
        var dead: Bool
    }

    /// - Parameter tags: each template's tags by name, nil for one that changes its delimiters.
    private func walk(
        _ name: String, stack: [KeyShape], entry: String, depth: Int, tags tagsByName: [String: [TemplateTag]?],
        missing: inout [SourceLocation: Missing], wordProblems: inout [SourceLocation: String]
    ) {
        guard depth < Self.maximumDepth, let found = tagsByName[name], let tags = found else { return }
        let path = templates.displayPrefix + name + ".mustache"
        var stack = stack
        var open: [OpenSection] = []
        for (index, tag) in tags.enumerated() {
            // Inside a section on an unknown name, names cannot be checked: skip them rather than report each.
            let dead = open.contains { $0.dead }
            let location = SourceLocation(path: path, line: tag.line, column: tag.column)
            if tag.kind == .variable || tag.kind == .section || tag.kind == .inverted, tag.name.hasPrefix(Self.wordsPrefix),
                KeyShape.resolve("words", in: stack) != nil
            {
                if !dead {
                    let blocks = tag.kind == .section ? Self.blockNames(in: tags, sectionAt: index) : nil
                    if let problem = wordProblem(tag, blocks: blocks, stack: stack) { wordProblems[location] = problem }
                }
                if tag.kind == .section {
                    // The entry renders with the values around it: names inside resolve as they would outside.
                    stack.append(KeyShape())
                    open.append(OpenSection(pushed: true, dead: dead))
                }
                if tag.kind == .inverted { open.append(OpenSection(pushed: false, dead: false)) }
                continue
            }
            switch tag.kind {
            case .variable, .section, .inverted:
                let shape = KeyShape.resolve(tag.name, in: stack)
                if shape == nil, !dead, !tag.name.isEmpty {
                    missing[location, default: Missing(name: tag.name, usedBy: [])].usedBy.insert(entry)
                }
                if tag.kind == .section {
                    stack.append(shape ?? KeyShape())
                    open.append(OpenSection(pushed: true, dead: shape == nil))
                }
                if tag.kind == .inverted { open.append(OpenSection(pushed: false, dead: false)) }
            case .parent, .block:
                if tag.kind == .parent, !dead {
                    walk(
                        tag.name, stack: stack, entry: entry, depth: depth + 1, tags: tagsByName, missing: &missing,
                        wordProblems: &wordProblems)
                }
                open.append(OpenSection(pushed: false, dead: false))
            case .partial:
                if !dead {
                    walk(
                        tag.name, stack: stack, entry: entry, depth: depth + 1, tags: tagsByName, missing: &missing,
                        wordProblems: &wordProblems)
                }
            case .close:
                if open.popLast()?.pushed == true, stack.count > 1 { stack.removeLast() }
            case .comment:
                break
            }
        }
    }

    private static let wordsPrefix = "words."

    /// `{{words.key}}`: the key must be in the word file, and each placeholder of its entry must be
    /// a value the page has here, or (in `{{#words.key}}…{{/words.key}}`) a `{{$block}}` inside.
    private func wordProblem(_ tag: TemplateTag, blocks: Set<String>?, stack: [KeyShape]) -> String? {
        let key = String(tag.name.dropFirst(Self.wordsPrefix.count))
        let file = words.path.isEmpty ? "the word file" : words.path
        guard let entry = words.entries[key] else {
            return "`\(key)` is an unknown word key: \(file) has no such entry, so it would show as empty text; "
                + "add it there or check the spelling"
        }
        let placeholders = entry.placeholders
        if tag.kind == .section, placeholders.isEmpty {
            return "`words.\(key)` has no placeholders to fill: write {{words.\(key)}}, not a section"
        }
        if tag.kind == .section, blocks?.isEmpty ?? true {
            return "`{{#words.\(key)}}` gives no `{{$name}}` block: write {{words.\(key)}}, which escapes the words"
        }
        let unfilled = placeholders.filter { !(blocks?.contains($0) ?? false) && KeyShape.resolve($0, in: stack) == nil }
        guard !unfilled.isEmpty else { return nil }
        let names = unfilled.map { "{\($0)}" }.joined(separator: ", ")
        return "`words.\(key)` needs \(names), which no page provides here; "
            + "give it a {{$name}}…{{/name}} block in {{#words.\(key)}}…{{/words.\(key)}}, or use another entry"
    }

    /// The names of the `{{$block}}`s directly inside the section opened at `index`.
    private static func blockNames(in tags: [TemplateTag], sectionAt index: Int) -> Set<String> {
        var names: Set<String> = []
        var depth = 0
        for tag in tags[(index + 1)...] {
            switch tag.kind {
            case .block:
                if depth == 0 { names.insert(tag.name) }
                depth += 1
            case .section, .inverted, .parent: depth += 1
            case .close:
                if depth == 0 { return names }
                depth -= 1
            default: break
            }
        }
        return names
    }
}
