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
        let pattern = Patterns.bracketedLink
        var problems: [Diagnostic] = []
        for (index, line) in outline.lines.enumerated() where line.contains("](") {
            let number = outline.firstLine + index
            let text = String(line)
            let parsed = (outline.links + outline.images).filter { $0.location.line == number }.map(\.url)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let whole = Range(match.range, in: text), let target = Range(match.range(at: 3), in: text) else { continue }
                let address = text[target].trimmingCharacters(in: .whitespaces)
                let bare = address.hasPrefix("<") ? String(address.dropFirst().prefix { $0 != ">" }) : address
                if parsed.contains(where: { !$0.isEmpty && bare.hasPrefix($0) }) { continue }
                let column = text.distance(from: text.startIndex, to: whole.lowerBound) + 1
                let what = match.range(at: 1).length > 0 ? "image" : "link"
                problems.append(
                    .error(
                        SourceLocation(path: path, line: number, column: column),
                        Self.unparsedMessage(what: what, address: address)))
            }
        }
        return problems
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
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        let isLetter = { (byte: UInt8) in (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var previous: ArraySlice<UInt8>?
        var gapIsSpace = true
        let bytes = Array(utf8)
        var index = 0
        while index < bytes.count {
            guard isLetter(bytes[index]) else {
                if !isSpace(bytes[index]) { gapIsSpace = false }
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            let run = bytes[start..<index]
            if gapIsSpace, let previous, previous.count == run.count,
                zip(previous, run).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            {
                return true
            }
            previous = run
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
        guard let kind, kind != .sibling, body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return .warning(
            SourceLocation(path: path), "page has no text below its front matter; write what readers should know, or delete the file")
    }
}
