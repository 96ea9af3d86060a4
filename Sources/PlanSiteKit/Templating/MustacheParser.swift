/// A template parsed once into a tree, which `TemplateRenderer` walks for every page.
///
/// The grammar and the whitespace rules are those swift-mustache (which PlanSite used
/// before) parsed templates with, so the pages come out byte for byte as they did: a tag
/// alone on its line (but for spaces and tabs) is "standalone" and takes its line with it;
/// a standalone partial indents each line of the partial that starts after a line break
/// by the spaces before the tag.
struct MustacheTree: Sendable {
    var nodes: [MustacheNode]
    /// The source text of the tree: for a section, what lies between its tags (a word
    /// entry's lambda reads its `{{$slot}}` blocks from it).
    let text: String
    /// The `{{$slot}}…{{/slot}}` blocks of `text` (`Words.blocks`), read once, when the template is parsed.
    let blocks: [String: String]

    init(nodes: [MustacheNode], text: String) {
        self.nodes = nodes
        self.text = text
        blocks = Words.blocks(in: text)
    }
}

/// A name in a tag: `title`, `source.href`, `.`, or `uppercased(title)`.
struct MustacheName: Sendable, Equatable {
    /// As written, without its transforms.
    var text: String
    /// Its parts between dots, and their numbers (`TemplateSymbols`).
    var parts: [String]
    var symbols: [Int]
    /// `{{.}}`: the value on top of the stack.
    var isDot: Bool
    /// `{{.name}}`: looked up in the value on top of the stack only.
    var isRelative: Bool
    /// Outermost first: `{{a(b(name))}}` is `["a", "b"]`; applied innermost first.
    var transforms: [String]

    init(_ text: String, transforms: [String]) {
        self.text = text
        self.transforms = transforms
        isDot = text == "."
        isRelative = !isDot && text.first == "."
        parts = Self.parts(of: text)
        symbols = parts.map(TemplateSymbols.number(of:))
    }

    /// `text` cut at its dots, empty parts dropped. ASCII text is cut in its UTF-8 bytes, where
    /// `split` on Characters costs grapheme breaking; other text as Characters, since a "." and a
    /// combining mark after it are one Character, which is not a dot.
    private static func parts(of text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(separator: ".").map(String.init) }
        return text.utf8.split(separator: UInt8(ascii: ".")).map { String(Substring($0)) }
    }
}

indirect enum MustacheNode: Sendable {
    /// Text written as it is: its UTF-8, which the renderer appends to the page's bytes.
    case text([UInt8])
    case variable(MustacheName, escaped: Bool)
    case section(MustacheName, MustacheTree)
    case invertedSection(MustacheName, MustacheTree)
    /// `{{$name}}default{{/name}}` in a template: the override an including `{{<template}}` gives, else the default.
    case block(String, default: MustacheTree, indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<template}}…{{/template}}`: an override.
    case blockDefinition(String, MustacheTree)
    /// `{{> name}}`, or `{{< name}}` with overrides; `indentation` when standalone.
    case partial(String, indentation: String?, overrides: [String: MustacheTree]?)
    /// `{{>*name}}`: the partial the value `name` names.
    case dynamicPartial(MustacheName, indentation: String?, overrides: [String: MustacheTree]?)
    /// `{{% CONTENT_TYPE: HTML }}` (escape) or `TEXT` (do not).
    case escaping(Bool)
}

/// What is wrong with a template's syntax, and where (1-based line and column).
struct MustacheSyntaxError: Error, Sendable {
    enum Problem: Error, Sendable {
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case invalidSetDelimiter
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case textInsideInheritSection
        case invalidConfigVariableSyntax
        case unrecognisedConfigVariable
        /// The template ends inside a tag.
        case overflow
    }
    var problem: Problem
    var line: Int
    var column: Int
}

/// Parses templates (see `MustacheTree`).
struct MustacheParser {
    private let chars: [Character]
    /// The text's UTF-8, and where each of `chars` starts in it (and, last, where the text ends):
    /// the parser reads Characters, as swift-mustache did, but cuts the strings it keeps from
    /// the UTF-8. Building them Character by Character was most of the cost of parsing.
    private let utf8: [UInt8]
    private let offsets: [Int]
    private var position = 0

    private init(_ text: String) {
        chars = Array(text)
        utf8 = Array(text.utf8)
        var offsets: [Int] = []
        offsets.reserveCapacity(chars.count + 1)
        var offset = 0
        for character in chars {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    static func parse(_ text: String) throws(MustacheSyntaxError) -> MustacheTree {
        var parser = MustacheParser(text)
        do {
            return try parser.parse(State())
        } catch {
            let (line, column) = parser.location()
            throw MustacheSyntaxError(problem: error, line: line, column: column)
        }
    }

    private typealias Problem = MustacheSyntaxError.Problem

    private struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isInheritance = false
        var isInheritanceTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        /// How many spaces indent the first line inside `{{<layout}}`: each line's own are less these.
        var inheritanceIndent: Int?

        func section(_ name: String, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = transforms
            state.isInheritanceTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inheritance(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.sectionTransforms = []
            state.newLine = true
            state.isInheritance = true
            state.isInheritanceTopLevel = true
            return state
        }
    }

    // MARK: Reading

    private var atEnd: Bool { position == chars.count }
    private var current: Character { atEnd ? "\0" : chars[position] }

    /// The line and column of the current position, counted as swift-mustache counted them.
    private func location() -> (Int, Int) {
        var column = 0
        var back = position
        while back > 0 {
            back -= 1
            if chars[back] == "\n" { break }
            column += 1
        }
        let line = chars[0..<position].filter(\.isNewline).count
        return (line + 1, column + 1)
    }

    /// The characters read while `test` holds.
    private mutating func skip(while test: (Character) -> Bool) -> Range<Int> {
        let start = position
        while !atEnd, test(chars[position]) { position += 1 }
        return start..<position
    }

    /// The text of the characters at `range`.
    private func text(_ range: Range<Int>) -> String {
        String(decoding: utf8[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
    }

    /// The UTF-8 of the characters at `range`.
    private func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(utf8[offsets[range.lowerBound]..<offsets[range.upperBound]])
    }

    /// The UTF-8 of `first` then `second`: one cut when they are side by side, as they mostly are.
    private func bytes(_ first: Range<Int>, _ second: Range<Int>) -> [UInt8] {
        if first.isEmpty { return bytes(second) }
        if first.upperBound == second.lowerBound { return bytes(first.lowerBound..<second.upperBound) }
        return bytes(first) + bytes(second)
    }

    private static let spaceOrTab: Set<Character> = [" ", "\t"]

    /// Whether the next characters are `string`, reading them if so; at the end of the text, an error.
    private mutating func read(_ string: [Character]) throws(Problem) -> Bool {
        guard !string.isEmpty else { return true }
        guard chars.count - position >= string.count else { throw .overflow }
        guard chars[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    private mutating func read(_ character: Character) throws(Problem) -> Bool {
        guard !atEnd else { throw .overflow }
        guard chars[position] == character else { return false }
        position += 1
        return true
    }

    // MARK: Parsing

    private mutating func parse(_ initial: State) throws(Problem) -> MustacheTree {
        var nodes: [MustacheNode] = []
        var state = initial
        var whiteSpaceBefore = position..<position
        let origin = position
        while !atEnd {
            if state.newLine {
                let whiteSpace = skip { Self.spaceOrTab.contains($0) }
                if state.isInheritance, !state.isInheritanceTopLevel {
                    if let indent = state.inheritanceIndent {
                        whiteSpaceBefore = min(whiteSpace.lowerBound + indent, whiteSpace.upperBound)..<whiteSpace.upperBound
                    } else {
                        state.inheritanceIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                // The text runs up to the line break, which it keeps.
                nodes.append(.text(bytes(whiteSpaceBefore, text.lowerBound..<position + 1)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(bytes(whiteSpaceBefore, text)))
                whiteSpaceBefore = position..<position
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(bytes(whiteSpaceBefore)))
                    whiteSpaceBefore = position..<position
                }
            }
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let tree = try parse(state.section(name, newLine: setNewLine, transforms: transforms))
                let tagName = MustacheName(name, transforms: transforms)
                nodes.append(inverted ? .invertedSection(tagName, tree) : .section(tagName, tree))

            case "/":
                let closeStart = position - 2
                position += 1
                let namePosition = position
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    position = namePosition
                    throw .sectionCloseNameIncorrect
                }
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                return MustacheTree(nodes: nodes, text: self.text(origin..<max(origin, closeStart)))

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName(state)
                guard try read("}") else { throw .unfinishedName }
                nodes.append(.variable(MustacheName(name, transforms: transforms), escaped: false))

            case "&":
                flushWhiteSpace()
                position += 1
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(MustacheName(name, transforms: transforms), escaped: false))

            case ">":
                position += 1
                _ = skip(while: \.isWhitespace)
                var dynamic = false
                if current == "*" {
                    position += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(bytes(whiteSpaceBefore))) }
                let indentation: String?
                if isStandalone(state) {
                    setNewLine = true
                    indentation = self.text(whiteSpaceBefore)
                } else {
                    indentation = nil
                }
                nodes.append(
                    dynamic
                        ? .dynamicPartial(MustacheName(name, transforms: []), indentation: indentation, overrides: nil)
                        : .partial(name, indentation: indentation, overrides: nil))
                whiteSpaceBefore = position..<position

            case "<":
                position += 1
                _ = skip(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let dynamic = sectionName.first == "*"
                let name = dynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(bytes(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                let tree = try parse(state.inheritance(sectionName))
                var overrides: [String: MustacheTree] = [:]
                for node in tree.nodes {
                    switch node {
                    case .blockDefinition(let block, let body): overrides[block] = body
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                let indentation = self.text(whiteSpaceBefore)
                nodes.append(
                    dynamic
                        ? .dynamicPartial(MustacheName(name, transforms: []), indentation: indentation, overrides: overrides)
                        : .partial(name, indentation: indentation, overrides: overrides))
                whiteSpaceBefore = position..<position

            case "$":
                position += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw .transformAppliedToInheritanceSection }
                if state.isInheritanceTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let tree = try parse(state.section(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, tree))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(bytes(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let tree = try parse(state.section(name, newLine: setNewLine))
                    nodes.append(.block(name, default: tree, indentation: self.text(whiteSpaceBefore)))
                    whiteSpaceBefore = position..<position
                }

            case "=":
                position += 1
                state = try setDelimiters(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                nodes.append(try configuration(state))
                setNewLine = isStandalone(state)

            default:
                flushWhiteSpace()
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(MustacheName(name, transforms: transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return MustacheTree(nodes: nodes, text: self.text(origin..<position))
    }

    /// Text up to the start delimiter (read past) or a line break (not read).
    private mutating func readUntilDelimiterOrNewline(_ state: State) throws(Problem) -> Range<Int> {
        let begin = position
        guard let first = state.start.first else { return begin..<begin }
        while !atEnd {
            while !atEnd, chars[position] != "\n", chars[position] != "\r\n", chars[position] != first { position += 1 }
            if current.isNewline { break }
            if current == first {
                if try read(state.start) { return begin..<position - state.start.count }
                position += 1
            }
        }
        return begin..<position
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let nameOrBracketCharacters = nameCharacters.union(["(", ")"])
    private static let partialNameCharacters = nameOrBracketCharacters.union(["/"])

    /// A tag's name and its transforms (`upper(title)`), and the end delimiter after them.
    private mutating func parseName(_ state: State) throws(Problem) -> (String, [String]) {
        _ = skip(while: \.isWhitespace)
        let written = skip { Self.nameOrBracketCharacters.contains($0) }
        _ = skip(while: \.isWhitespace)
        guard try read(state.end) else { throw .unfinishedName }
        guard let open = chars[written].firstIndex(where: { !Self.nameCharacters.contains($0) }) else { return (text(written), []) }
        guard chars[open] == "(" else { throw .unfinishedName }
        var transforms = [text(written.lowerBound..<open)]
        var index = open + 1
        let end = written.upperBound
        while true {
            let start = index
            while index < end, Self.nameCharacters.contains(chars[index]) { index += 1 }
            let name = text(start..<index)
            guard index < end else { throw .unfinishedName }
            if chars[index] == ")" {
                index += 1
                var closing = 1
                while index < end, chars[index] == ")" {
                    closing += 1
                    index += 1
                }
                guard closing == transforms.count, index == end else { throw .unfinishedName }
                return (name, transforms)
            }
            guard chars[index] == "(" else { throw .unfinishedName }
            transforms.append(name)
            index += 1
        }
    }

    private mutating func parsePartialName(_ state: State) throws(Problem) -> String {
        _ = skip(while: \.isWhitespace)
        let name = skip { Self.partialNameCharacters.contains($0) }
        _ = skip(while: \.isWhitespace)
        guard try read(state.end) else { throw .unfinishedName }
        return text(name)
    }

    /// Past the end delimiter that closes a comment.
    private mutating func skipComment(_ state: State) throws(Problem) {
        let end = state.end
        let start = position
        var matched = 0
        while !atEnd {
            if chars[position] == end[matched] {
                matched += 1
                if matched == end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw .overflow
    }

    private mutating func setDelimiters(_ state: State) throws(Problem) -> State {
        _ = skip(while: \.isWhitespace)
        let startAt = position
        let start = Array(chars[skip { !$0.isWhitespace }])
        guard !atEnd else {
            position = startAt
            throw .invalidSetDelimiter
        }
        _ = skip(while: \.isWhitespace)
        let endAt = position
        let end = Array(chars[skip { $0 != "=" && !$0.isWhitespace }])
        guard !atEnd else {
            position = endAt
            throw .invalidSetDelimiter
        }
        _ = skip(while: \.isWhitespace)
        guard try read("=") else { throw .invalidSetDelimiter }
        guard try read(state.end) else { throw .invalidSetDelimiter }
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        var state = state
        state.start = start
        state.end = end
        state.isInheritanceTopLevel = false
        return state
    }

    private mutating func configuration(_ state: State) throws(Problem) -> MustacheNode {
        let variable: Range<Int>
        let value: Range<Int>
        do {
            _ = skip(while: \.isWhitespace)
            variable = skip { Self.nameCharacters.contains($0) }
            _ = skip(while: \.isWhitespace)
            guard try read(":") else { throw Problem.invalidConfigVariableSyntax }
            _ = skip(while: \.isWhitespace)
            value = skip { Self.nameCharacters.contains($0) }
            _ = skip(while: \.isWhitespace)
            guard try read(state.end) else { throw Problem.invalidConfigVariableSyntax }
        } catch {
            throw .invalidConfigVariableSyntax
        }
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        guard text(variable) == "CONTENT_TYPE" else { throw .unrecognisedConfigVariable }
        switch text(value) {
        case "HTML", "PlanSiteHTML": return .escaping(true)
        case "TEXT": return .escaping(false)
        default: throw .unrecognisedConfigVariable
        }
    }

    /// Whether a tag that began a line also ends it; if so, its line break is read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var ahead = position
        while ahead < chars.count, Self.spaceOrTab.contains(chars[ahead]) { ahead += 1 }
        if ahead < chars.count, chars[ahead].isNewline {
            position = ahead + 1
            return true
        }
        return false
    }
}
