import Foundation

/// Fills parsed templates (`MustacheTree`) with a page's typed values, writing into one
/// buffer. Names were numbered when the template was parsed, so finding a name in a record
/// is an index into its key table (`TemplateKeys`); values are `TemplateValue`s, so what a
/// value is never has to be found out by casting.
///
/// Mustache as PlanSite's templates have always been rendered (by swift-mustache, before):
/// `{{name}}` escaped through `Markup.escape`, `{{{name}}}` and `{{& name}}` as they are;
/// `{{#name}}` over a list, a record, a flag or text; `{{^name}}`; `{{.}}`; dotted names,
/// the first part looked for from the innermost value outwards and the rest inside what it
/// found; an absent optional stops the search; partials, `{{<layout}}` with `{{$block}}`
/// overrides; the word file's entries as lambdas (`Words.template`); the transforms
/// (`{{uppercased(title)}}`, `{{count(items)}}`, `{{#first(items)}}`, `{{#first()}}` in a list).
struct TemplateRenderer: Sendable {
    let templates: [String: MustacheTree]

    /// The template `name` filled with `values`; "" for a template that does not exist.
    func render(_ values: any TemplateModel, with name: String) -> String {
        String(decoding: bytes(values, with: name), as: UTF8.self)
    }

    /// `render(_:with:)` as the UTF-8 bytes a page is written as. Every piece appended is a
    /// `String`'s UTF-8, so the bytes are valid as they are: making a `String` of them only to
    /// take its bytes again checked them all a second time (3% of a build).
    func bytes(_ values: any TemplateModel, with name: String) -> [UInt8] {
        guard let tree = templates[name] else { return [] }
        var stack: [TemplateValue] = [.record(values)]
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        render(tree, Context(), &stack, &out)
        return out
    }

    /// What a list item knows of its place in the list (`{{#first()}}`, `{{index()}}`).
    private struct Position {
        var first: Bool
        var last: Bool
        var index: Int
    }

    private struct Context {
        var indentation: String?
        var overrides: [String: MustacheTree]?
        var escapes = true
        var position: Position?

        /// Inside a record pushed on the stack: no longer in a list.
        var inValue: Context {
            var context = self
            context.position = nil
            return context
        }
    }

    private func render(_ tree: MustacheTree, _ context: Context, _ stack: inout [TemplateValue], _ out: inout [UInt8]) {
        var context = context
        let start = out.count
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in tree.nodes { render(node, &context, &stack, &out) }
            return
        }
        // A node's output that starts a line (after a line break this template wrote) is indented.
        for node in tree.nodes {
            let before = out.count
            render(node, &context, &stack, &out)
            if out.count > before, before > start, out[before - 1] == UInt8(ascii: "\n"),
                before - 2 < start || out[before - 2] != UInt8(ascii: "\r")
            {
                out.insert(contentsOf: indentation.utf8, at: before)
            }
        }
    }

    private func render(_ node: MustacheNode, _ context: inout Context, _ stack: inout [TemplateValue], _ out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out += bytes

        case .variable(let name, let escaped):
            guard let value = lookup(name, context, stack) else { return }
            let escapes = escaped && context.escapes
            switch value {
            case .text(let text): write(text, escaped: escapes, &out)
            case .flag(let flag): out += (flag ? "true" : "false").utf8
            case .number(let number): out += String(number).utf8
            case .wordEntry(let pieces):
                var text = Words.template(pieces, blocks: [:], escaping: false)
                if escapes { text = Markup.escape(text) }
                renderLambda(text, context, &stack, &out)
            case .record, .list, .words, .absent: break
            }

        case .section(let name, let tree):
            guard let value = lookup(name, context, stack) else { return }
            if case .wordEntry(let pieces) = value {
                renderLambda(Words.template(pieces, blocks: tree.blocks, escaping: !tree.text.isEmpty), context, &stack, &out)
            } else {
                renderSection(tree, over: value, context, &stack, &out)
            }

        case .invertedSection(let name, let tree):
            switch lookup(name, context, stack) {
            case nil, .absent, .flag(false):
                render(tree, context, &stack, &out)
            case .list(let items) where items.isEmpty:
                stack.append(.list(items))
                render(tree, context.inValue, &stack, &out)
                stack.removeLast()
            default: break
            }

        case .block(let name, let defaultTree, let indentation):
            var inner = context.inValue
            inner.indentation = (context.indentation ?? "") + indentation
            render(context.overrides?[name] ?? defaultTree, inner, &stack, &out)

        case .blockDefinition:
            break

        case .partial(let name, let indentation, let overrides):
            guard let tree = templates[name] else { return }
            render(tree, partialContext(context, indentation: indentation, overrides: overrides), &stack, &out)

        case .dynamicPartial(let name, let indentation, let overrides):
            guard case .text(let partial) = lookup(name, context, stack), let tree = templates[partial] else { return }
            render(tree, partialContext(context, indentation: indentation, overrides: overrides), &stack, &out)

        case .escaping(let escapes):
            context.escapes = escapes
        }
    }

    /// `{{#name}}…{{/name}}` with the value `value`: once per item of a list, once for a true flag
    /// or a value (on top of the stack), not at all for false or absent.
    private func renderSection(
        _ tree: MustacheTree, over value: TemplateValue, _ context: Context, _ stack: inout [TemplateValue], _ out: inout [UInt8]
    ) {
        switch value {
        case .list(let items):
            var inList = context
            for (index, item) in items.enumerated() {
                inList.position = Position(first: index == 0, last: index == items.count - 1, index: index)
                stack.append(item)
                render(tree, inList, &stack, &out)
                stack.removeLast()
            }
        case .flag(let flag):
            if flag { render(tree, context, &stack, &out) }
        case .absent: break
        case .text, .number, .record, .words, .wordEntry:
            stack.append(value)
            render(tree, context.inValue, &stack, &out)
            stack.removeLast()
        }
    }

    /// A partial is indented further by a standalone tag's indentation; a block given by an
    /// outer template overrides one given by an inner one; escaping starts again.
    private func partialContext(_ context: Context, indentation: String?, overrides: [String: MustacheTree]?) -> Context {
        var inner = context.inValue
        if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
        if let overrides {
            inner.overrides = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        }
        inner.escapes = true
        return inner
    }

    private func write(_ text: String, escaped: Bool, _ out: inout [UInt8]) {
        if escaped { Markup.escape(text, into: &out) } else { out += text.utf8 }
    }

    /// A word entry's Mustache text, rendered as a section over the value on top of the stack (as
    /// swift-mustache did: so inside `{{^list}}` of an empty list, not at all); nothing when it does not parse.
    private func renderLambda(_ text: String, _ context: Context, _ stack: inout [TemplateValue], _ out: inout [UInt8]) {
        guard let tree = LambdaTemplates.tree(for: text), let top = stack.last else { return }
        renderSection(tree, over: top, context, &stack, &out)
    }

    // MARK: Names

    private func lookup(_ name: MustacheName, _ context: Context, _ stack: [TemplateValue]) -> TemplateValue? {
        var value: TemplateValue?
        if name.isDot {
            value = stack.last
        } else if name.text.isEmpty, let innermost = name.transforms.last {
            // `{{#first()}}`: the place in the list of the value on top of the stack.
            guard let position = context.position else { return nil }
            switch innermost {
            case "first": value = .flag(position.first)
            case "last": value = .flag(position.last)
            case "index": value = .number(position.index)
            case "even": value = .flag(position.index & 1 == 0)
            case "odd": value = .flag(position.index & 1 == 1)
            default: return nil
            }
            return transformed(value, by: name.transforms.dropLast())
        } else if name.isRelative {
            guard let top = stack.last else { return nil }
            value = inside(top, name, from: 0)
        } else if name.parts.isEmpty {
            value = stack.last
        } else {
            // Most names are one word, without transforms: found, they need no further walk.
            let symbol = name.symbols[0]
            let first = name.parts[0]
            var frame = stack.count
            while frame > 0 {
                frame -= 1
                guard let found = stack[frame].child(symbol: symbol, named: first) else { continue }
                value = name.parts.count == 1 ? found : inside(found, name, from: 1)
                break
            }
        }
        if case .absent = value { return nil }
        return name.transforms.isEmpty ? value : transformed(value, by: name.transforms[...])
    }

    /// The parts of `name` from `part` on, looked up inside `value` alone.
    private func inside(_ value: TemplateValue, _ name: MustacheName, from part: Int) -> TemplateValue? {
        var value = value
        for index in part..<name.parts.count {
            guard let child = value.child(symbol: name.symbols[index], named: name.parts[index]) else { return nil }
            value = child
        }
        return value
    }

    /// `value` with `transforms` applied, the innermost (last) first; nil when one does not apply.
    private func transformed(_ value: TemplateValue?, by transforms: ArraySlice<String>) -> TemplateValue? {
        guard var value else { return nil }
        for transform in transforms.reversed() {
            guard let next = value.transformed(transform) else { return nil }
            value = next
        }
        if case .absent = value { return nil }
        return value
    }
}

/// The parsed Mustache text of word entries with placeholders, by text: each is parsed once
/// per build, not once per page. A text that does not parse renders as nothing.
private enum LambdaTemplates {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var trees: [String: MustacheTree?] = [:]

    static func tree(for text: String) -> MustacheTree? {
        lock.lock()
        if let known = trees[text] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let tree = try? MustacheParser.parse(text)
        lock.lock()
        if trees.count > 10_000 { trees.removeAll() }
        trees[text] = .some(tree)
        lock.unlock()
        return tree
    }
}
