import Foundation
import Yams

/// A parsed YAML document that remembers where it came from, so every value can
/// be reported at its own line and column.
struct YAMLDocument {
    var path: String
    /// Lines before the YAML starts in its file (front matter sits below a `---` line).
    var lineOffset: Int
    var root: Node?

    /// Deep nesting is refused before parsing, since libyaml recurses once per level.
    static let maximumDepth = 64

    static func parse(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        if let problem = nestingProblem(text) {
            return .failure(.error(SourceLocation(path: path, line: problem + lineOffset), "YAML is nested more than \(maximumDepth) levels deep"))
        }
        do {
            let root = try Parser(yaml: text).singleRoot()
            let document = YAMLDocument(path: path, lineOffset: lineOffset, root: root)
            var budget = 20 * text.utf8.count + 1_000
            if let root, let place = document.firstNodeOverBudget(root, budget: &budget) {
                return .failure(.error(place, "YAML aliases (*name) expand to far more values than the file holds; write the values out instead of repeating aliases"))
            }
            return .success(document)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error(SourceLocation(path: path, line: 1 + lineOffset), "cannot read YAML: \(error)"))
        }
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Yams resolves every alias to a copy of its anchored value, so an "alias
    /// bomb" of a few lines expands to billions of values. Counting values against
    /// a budget proportional to the file's size stops that in linear time.
    func firstNodeOverBudget(_ node: Node, budget: inout Int) -> SourceLocation? {
        budget -= 1
        if budget < 0 { return location(of: node) }
        switch node {
        case .scalar, .alias: return nil
        case .sequence(let items):
            for item in items { if let place = firstNodeOverBudget(item, budget: &budget) { return place } }
        case .mapping(let pairs):
            for pair in pairs {
                if let place = firstNodeOverBudget(pair.key, budget: &budget) ?? firstNodeOverBudget(pair.value, budget: &budget) { return place }
            }
        }
        return nil
    }

    /// Line of the first place the text opens more than `maximumDepth` brackets or indent levels.
    private static func nestingProblem(_ text: String) -> Int? {
        var depth = 0
        var line = 1
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\n"): line += 1
            default: break
            }
        }
        line = 1
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if row.prefix(while: { $0 == " " || $0 == "-" }).count > maximumDepth * 2 { return line }
            line += 1
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text))" }
            if problem.contains("tab") { message += "; indent with spaces, not tabs" }
            return .error(at(mark), message)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error(at(context.mark), "key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears twice in this mapping")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(path: path, line: 1 + lineOffset), "YAML: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: 1 + lineOffset), "YAML: \(error)")
        }
    }
}
