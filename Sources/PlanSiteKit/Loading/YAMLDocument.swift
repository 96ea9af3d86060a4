import Foundation
import Yams

/// A parsed YAML document that remembers where it came from, so every value can
/// be reported at its own line and column.
struct YAMLDocument {
    var path: String
    /// Lines before the YAML starts in its file (front matter sits below a `---` line).
    var lineOffset: Int
    var root: YAMLNode?

    /// YAML is small and trusted to be data: anchors and aliases are refused, which
    /// also rules out "billion laughs" alias bombs. Deep nesting is refused before
    /// parsing, since libyaml recurses once per level.
    static let maximumDepth = 64

    /// No YAML typing: numbers, nulls and true/false are read from the text as written
    /// (FieldReader), so Yams's tag rules, each a regular expression run on every value,
    /// are not worth their cost.
    static let resolver = Resolver.basic

    /// The document, or nil after adding its one problem to `problems`.
    static func parse(_ text: String, path: String, lineOffset: Int = 0, problems: inout [Diagnostic]) -> YAMLDocument? {
        if let problem = nestingProblem(text) {
            let location = SourceLocation(path: path, line: problem.line + lineOffset, column: problem.column)
            problems.append(.error(location, "YAML is nested more than \(maximumDepth) levels deep"))
            return nil
        }
        if let marks = tooManyMarks(text) {
            problems.append(
                .error(
                    SourceLocation(path: path, line: 1 + lineOffset),
                    "this file has \(marks) YAML marks (`-`, `:`, `,` and line breaks), more than the "
                        + "\(maximumMarks) a file may have: split the figures into several files"))
            return nil
        }
        switch YAMLEvents.parse(text) {
        case .empty: return YAMLDocument(path: path, lineOffset: lineOffset, root: nil)
        case .root(let root): return YAMLDocument(path: path, lineOffset: lineOffset, root: root)
        case nil: break  // Yams reads it again, and says what is wrong, if anything is
        }
        do {
            // The parser owns the anchors (nodes hold them weakly): keep it alive while looking.
            let parser = try Parser(yaml: text, resolver: Self.resolver, encoding: .utf8)
            let root = try parser.singleRoot()
            var document = YAMLDocument(path: path, lineOffset: lineOffset, root: nil)
            if let anchor = withExtendedLifetime(parser, { root.flatMap(document.firstAnchor) }) {
                problems.append(.error(anchor, "YAML anchors and aliases (& and *) are not supported; write the value out"))
                return nil
            }
            document.root = root.map(YAMLNode.init)
            return document
        } catch let error as YamlError {
            problems.append(diagnostic(for: error, text: text, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            problems.append(.error(SourceLocation(path: path, line: 1 + lineOffset), "cannot read YAML: \(error)"))
            return nil
        }
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line + lineOffset, column: node.column)
    }

    private func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Yams resolves each alias to its anchored node, so a document with aliases is a
    /// graph; the first anchor in document order comes before any alias to it, so
    /// stopping there keeps this walk linear even for "billion laughs".
    private func firstAnchor(in node: Node) -> SourceLocation? {
        if node.anchor != nil { return location(of: node) }
        switch node {
        case .alias: return location(of: node)
        case .scalar: return nil
        case .sequence(let items): return items.lazy.compactMap(firstAnchor).first
        case .mapping(let pairs): return pairs.lazy.compactMap { firstAnchor(in: $0.key) ?? firstAnchor(in: $0.value) }.first
        }
    }

    /// Each value costs the parser a few hundred bytes whatever its length: 4 MB of `- 1` lines, or
    /// 45,000 observations, took a build past 200 MB. A series of 20,000 rows with a comparator has 280,000.
    static let maximumMarks = 400_000

    /// The count of bytes that can make a node, when it is more than `maximumMarks`.
    private static func tooManyMarks(_ text: String) -> Int? {
        guard text.utf8.count > maximumMarks else { return nil }
        var marks = 0
        for byte in text.utf8 where byte == 0x2D || byte == 0x3A || byte == 0x2C || byte == 0x0A { marks += 1 }
        return marks > maximumMarks ? marks : nil
    }

    /// Where the text first opens more than `maximumDepth` brackets or indent levels. Read over the
    /// UTF-8 bytes in place, and the column (in characters) worked out only for a problem: every
    /// file is read this way before it is parsed.
    private static func nestingProblem(_ text: String) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            var depth = 0
            var line = 1
            var lineStart = 0
            // Indentation: the run of spaces and dashes that starts each line, and the first line where it is too deep.
            var indent = 0
            var inIndent = true
            var deepIndentLine: Int?
            for index in bytes.indices {
                let byte = bytes[index]
                if inIndent {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                        indent += 1
                        if indent > maximumDepth * 2, deepIndentLine == nil { deepIndentLine = line }
                    } else {
                        inIndent = false
                    }
                }
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maximumDepth {
                        // Characters, not UTF-8 continuation bytes, up to and including this bracket.
                        return (line, bytes[lineStart...index].count { $0 & 0xC0 != 0x80 })
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                case UInt8(ascii: "\n"):
                    line += 1
                    lineStart = index + 1
                    indent = 0
                    inIndent = true
                default: break
                }
            }
            return deepIndentLine.map { ($0, maximumDepth * 2 + 1) }
        }
    }

    /// libyaml's commonest problems, said the way someone who edits content would.
    static let plainEnglish: [String: String] = [
        "found character that cannot start any token": "this character cannot start a value; put the text in quotes",
        "did not find expected ',' or '}'": "a { … } group is not closed: separate its items with commas and end it with }",
        "did not find expected ',' or ']'": "a [ … ] list is not closed: separate its items with commas and end it with ]",
        "found unexpected end of stream": "the text ends inside an unfinished value: close the quote or bracket",
        "mapping values are not allowed in this context": "a colon here starts a new key: put text that contains \": \" in quotes",
        "could not find expected ':'": "a line needs a `key: value` colon, or a quote is not closed",
    ]

    private static func diagnostic(for error: YamlError, text: String, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, let yaml), .parser(let context, let problem, let mark, let yaml),
            .composer(let context, let problem, let mark, let yaml):
            var detail = problem
            if let context {
                detail += " (\(context.text)"
                if context.mark.line != mark.line { detail += " that starts at line \(context.mark.line + lineOffset)" }
                detail += ")"
            }
            // An unclosed quote runs on to the end of the file, where libyaml notices: point at where it opened.
            if let context, context.text.contains("quoted scalar") {
                let opening = line(context.mark.line, of: yaml).dropFirst(max(0, context.mark.column - 1)).first.map { "\($0)" } ?? "\""
                return .error(
                    at(context.mark),
                    "YAML syntax: the quote \(opening) that opens here is never closed; end the text with \(opening) on the same line. YAML says: \(problem) (\(context.text))"
                )
            }
            // Inside a { … } or [ … ] group an unclosed quote swallows the line break and closes at the next
            // quote, and libyaml complains about what follows: point at the quote left open on its line.
            if let context, context.text.contains("flow"),
                let open = unclosedQuote(in: yaml, lines: context.mark.line...max(context.mark.line, mark.line))
            {
                return .error(
                    SourceLocation(path: path, line: open.line + lineOffset, column: open.column),
                    "YAML syntax: the quote \(open.quote) that opens here is never closed; end the text with "
                        + "\(open.quote) on the same line. YAML says: \(detail)")
            }
            let tabbed = problem.contains("tab") || line(mark.line, of: yaml).prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
            // Plain words first; libyaml's own words after them, for whoever knows YAML.
            let plain = tabbed ? "this line is indented with a tab; indent with spaces, not tabs" : plainEnglish[problem]
            return .error(at(mark), "YAML syntax: " + (plain.map { "\($0). YAML says: \(detail)" } ?? detail))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted()
            let second = keys.first.flatMap { secondOccurrence(of: $0, in: text) }
            let location = second.map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) } ?? at(context.mark)
            return .error(location, "key \(keys.map { "'\($0)'" }.joined(separator: ", ")) appears twice in this mapping; keep one")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(path: path, line: 1 + lineOffset), "YAML: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: 1 + lineOffset), "YAML: \(error)")
        }
    }

    /// Yams marks the mapping, not the repeated key: find the key's second `key:` line.
    private static func secondOccurrence(of key: String, in text: String) -> (line: Int, column: Int)? {
        var found = 0
        for (index, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let body = row.drop { $0 == " " || $0 == "-" || $0 == "{" || $0 == "," }
            let unquoted =
                body.hasPrefix("\"" + key + "\"") || body.hasPrefix("'" + key + "'")
                ? body.dropFirst(key.count + 2) : body.hasPrefix(key) ? body.dropFirst(key.count) : nil
            guard let rest = unquoted, rest.drop(while: { $0 == " " }).hasPrefix(":") else { continue }
            found += 1
            if found == 2 { return (index + 1, row.distance(from: row.startIndex, to: body.startIndex) + 1) }
        }
        return nil
    }

    /// The first quote opened in `lines` (a value's opening quote: after a space, `:`, `{`, `[` or `,`) and
    /// not closed on its own line.
    static func unclosedQuote(in text: String, lines: ClosedRange<Int>) -> (line: Int, column: Int, quote: Character)? {
        for number in lines {
            var open: (column: Int, quote: Character)?
            var previous: Character = " "
            var column = 0
            for character in line(number, of: text) {
                column += 1
                if let current = open {
                    if character == current.quote && !(current.quote == "\"" && previous == "\\") { open = nil }
                } else if character == "\"" || character == "'", " :{[,".contains(previous) {
                    open = (column, character)
                }
                previous = character
            }
            if let open { return (number, open.column, open.quote) }
        }
        return nil
    }

    private static func line(_ number: Int, of text: String) -> Substring {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }
}
