import Foundation

/// The mistakes staff make in page text: headings, repeated words, empty pages,
/// and the wording of links and alt text (`TextRules`).
struct ContentLint {
    var path: String
    var kind: PageKind?
    var body: String
    var outline: MarkdownOutline
    var allowsRawHTML: Bool

    func check() -> [Diagnostic] {
        var problems = headingProblems() + repeatedWords()
        for link in outline.links {
            if let problem = TextRules.linkTextProblem(link.text, url: link.url) { problems.append(.warning(link.location, problem)) }
        }
        for image in outline.images {
            if let (severity, problem) = TextRules.altTextProblem(image.text) {
                problems.append(Diagnostic(severity, image.location, problem))
            }
        }
        if !allowsRawHTML {
            problems += outline.rawHTML.map {
                .warning(
                    $0,
                    "raw HTML is not shown on the site; write it in Markdown (or set `unsafe_html: true` in site.yml for trusted content)")
            }
        }
        if let empty = emptyPageProblem() { problems.append(empty) }
        return problems + unparsedLinks()
    }

    /// `![…](…)` or `[…](…)` that cmark did not read as an image or link (an address with spaces, as phones
    /// name photos), so the page would show the brackets as text.
    private func unparsedLinks() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, line) in outline.lines.enumerated() {
            // Every such line has the bytes "](": most lines are passed over without Foundation's `contains`.
            guard line.hasBytes(UInt8(ascii: "]"), UInt8(ascii: "(")) else { continue }
            let isASCII = line.isASCII
            guard isASCII || line.contains("](") else { continue }
            let number = outline.firstLine + index
            let text = String(line)
            var parsed: [String]?
            for match in isASCII ? Self.asciiBracketedLinks(in: text) : Self.bracketedLinks(in: text) {
                let address =
                    isASCII ? Self.trimmingSpacesAndTabs(text[match.address]) : text[match.address].trimmingCharacters(in: .whitespaces)
                let bare = address.hasPrefix("<") ? String(address.dropFirst().prefix { $0 != ">" }) : address
                if parsed == nil { parsed = (outline.links + outline.images).filter { $0.location.line == number }.map(\.url) }
                if parsed!.contains(where: { !$0.isEmpty && bare.hasPrefix($0) }) { continue }
                let column = text.distance(from: text.startIndex, to: match.start) + 1
                problems.append(
                    .error(
                        SourceLocation(path: path, line: number, column: column),
                        Self.unparsedMessage(what: match.isImage ? "image" : "link", address: address)))
            }
        }
        return problems
    }

    /// A match of `Patterns.bracketedLink`: where it starts, whether it has the image's `!`, and the address's range.
    struct BracketedLink: Equatable {
        var start: String.Index
        var isImage: Bool
        var address: Range<String.Index>
    }

    static func bracketedLinks(in text: String) -> [BracketedLink] {
        Patterns.bracketedLink.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let whole = Range(match.range, in: text), let target = Range(match.range(at: 3), in: text) else { return nil }
            return BracketedLink(start: whole.lowerBound, isImage: match.range(at: 1).length > 0, address: target)
        }
    }

    /// `bracketedLinks(in:)` for ASCII text, read by hand as the expression `(!?)\[([^\]\n]*)\]\(([^)\n]*)\)` reads it:
    /// each class stops at one character, so there is nothing to backtrack into.
    static func asciiBracketedLinks(in text: String) -> [BracketedLink] {
        let bytes = text.utf8Bytes
        let (bang, open, close, parenthesis, closing, newline) = (
            UInt8(ascii: "!"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\n")
        )
        /// The first index at or after `from` holding `wanted`, if no line feed comes first.
        func find(_ wanted: UInt8, from: Int) -> Int? {
            var i = from
            while i < bytes.count, bytes[i] != wanted, bytes[i] != newline { i += 1 }
            return i < bytes.count && bytes[i] == wanted ? i : nil
        }
        let index = { (offset: Int) in text.utf8.index(text.utf8.startIndex, offsetBy: offset) }
        var found: [BracketedLink] = []
        var i = 0
        while i < bytes.count {
            let isImage = bytes[i] == bang
            let bracket = isImage ? i + 1 : i
            guard bracket < bytes.count, bytes[bracket] == open, let textEnd = find(close, from: bracket + 1),
                textEnd + 1 < bytes.count, bytes[textEnd + 1] == parenthesis, let end = find(closing, from: textEnd + 2)
            else {
                i += 1
                continue
            }
            found.append(BracketedLink(start: index(i), isImage: isImage, address: index(textEnd + 2)..<index(end)))
            i = end + 1
        }
        return found
    }

    /// `trimmingCharacters(in: .whitespaces)` for ASCII text, where that set is the space and the tab.
    static func trimmingSpacesAndTabs(_ text: Substring) -> String {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    static func unparsedMessage(what: String, address: String) -> String {
        guard address.contains(" ") else {
            return "this \(what) is not read as one and would show as text with its brackets; check the `[…](…)` around it"
        }
        return "the \(what)'s address \"\(address.prefix(80))\" has spaces, so the page would show the text with its "
            + "brackets instead; rename the file without spaces, or write the address in angle brackets: `(<\(address.prefix(80))>)`"
    }

    /// The page title is the page's only h1, so the text's headings start at `##` and go down one level at a time.
    private func headingProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var previous = 1
        for heading in outline.headings {
            if heading.level == 1 {
                problems.append(
                    .error(
                        heading.location,
                        "`#` heading \"\(heading.text.prefix(60))\": the page title is the only top-level heading; start headings in the text at `##`"
                    ))
            } else if heading.level > previous + 1 {
                problems.append(
                    .warning(
                        heading.location,
                        "heading \"\(heading.text.prefix(60))\" skips a level (h\(previous) to h\(heading.level)); use \(String(repeating: "#", count: previous + 1))"
                    ))
            }
            previous = heading.level
        }
        return problems
    }

    /// More than this many in one stretch of text is not a typo but a pattern; reporting stops there.
    private static let repeatedWordLimit = 10

    /// "reaching reaching": positions are the text node's plus the offset inside it.
    /// False only when `repeatedWord` cannot match: for text in ASCII, when no letter run is
    /// followed, across nothing but white space, by the same letters in any case. (A match
    /// needs exactly that: its word starts and ends a run of letters.) Running the expression
    /// on every text node took 3% of a build; other text is always given to it.
    static func mayRepeatAWord(_ text: String) -> Bool {
        guard text.isASCII else { return true }
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        let bytes = text.utf8Bytes
        var previous: Range<Int>?
        var gapIsSpace = true
        var index = 0
        while index < bytes.count {
            guard isLetter(bytes[index]) else {
                if !isSpace(bytes[index]) { gapIsSpace = false }
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            if gapIsSpace, let previous, previous.count == index - start,
                zip(previous, start..<index).allSatisfy({ bytes[$0] | 0x20 == bytes[$1] | 0x20 })
            {
                return true
            }
            previous = start..<index
            gapIsSpace = true
        }
        return false
    }

    private func repeatedWords() -> [Diagnostic] {
        let regex = Patterns.repeatedWord
        var problems: [Diagnostic] = []
        for (text, location) in outline.plainText where Self.mayRepeatAWord(text) {
            var found = 0
            regex.enumerateMatches(in: text, range: NSRange(text.startIndex..., in: text)) { match, _, stop in
                guard let match, let whole = Range(match.range, in: text), let word = Range(match.range(at: 1), in: text) else { return }
                let hint = location.column + text.distance(from: text.startIndex, to: whole.lowerBound)
                let column = outline.column(of: [String(text[whole])], line: location.line, hint: hint)
                let at = SourceLocation(path: location.path, line: location.line, column: column)
                problems.append(.warning(at, "repeated word \"\(text[whole])\"; delete one \"\(text[word])\""))
                found += 1
                if found == Self.repeatedWordLimit { stop.pointee = true }
            }
        }
        return problems
    }

    private func emptyPageProblem() -> Diagnostic? {
        // Trimmed to nothing exactly when every scalar is in the set; most bodies fail on their first.
        guard let kind, kind != .sibling, body.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) else {
            return nil
        }
        return .warning(
            SourceLocation(path: path), "page has no text below its front matter; write what readers should know, or delete the file")
    }
}
