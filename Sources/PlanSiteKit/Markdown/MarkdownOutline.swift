/// What a Markdown body contains that lint cares about, with file positions.
public struct MarkdownOutline: Sendable {
    public struct Heading: Sendable {
        public var level: Int
        public var text: String
        public var location: SourceLocation
    }
    public struct Reference: Sendable {
        public var url: String
        public var text: String
        public var location: SourceLocation
    }
    public var headings: [Heading] = []
    public var links: [Reference] = []
    /// `text` is the alt text.
    public var images: [Reference] = []
    public var rawHTML: [SourceLocation] = []
    public var plainText: [(text: String, location: SourceLocation)] = []
    /// The body's lines, and the file line of the first, to place inline positions.
    var lines: [Substring] = []
    var firstLine = 1

    /// Where one of `needles` starts on a file line: at `hint` if one is there, else
    /// the first one found on the line, else `hint` kept inside the line. cmark's inline
    /// columns drift on the later lines of a paragraph, so they are checked against the text.
    public func column(of needles: [String], line: Int, hint: Int) -> Int {
        let index = line - firstLine
        guard index >= 0, index < lines.count else { return hint }
        let text = lines[index]
        // Looking along a line costs its length; on a line far longer than any paragraph, cmark's
        // column stands (its drift is on the later lines of a paragraph, not along one line).
        guard text.utf8.count <= Self.longestCheckedLine else { return hint }
        let candidates = needles.filter { !$0.isEmpty }
        return Self.asciiColumn(of: candidates, in: text, hint: hint) ?? Self.characterColumn(of: candidates, in: text, hint: hint)
    }

    static let longestCheckedLine = 10_000

    /// `column(of:line:hint:)` on the line's Characters, for any text.
    static func characterColumn(of candidates: [String], in text: Substring, hint: Int) -> Int {
        if let start = text.index(text.startIndex, offsetBy: hint - 1, limitedBy: text.endIndex),
            candidates.contains(where: { text[start...].hasPrefix($0) })
        {
            return hint
        }
        for needle in candidates {
            if let found = text.range(of: needle) { return text.distance(from: text.startIndex, to: found.lowerBound) + 1 }
        }
        return min(hint, text.count + 1)
    }

    /// `column(of:line:hint:)` on a line and needles in ASCII without CR, where each byte is one
    /// Character: compared on bytes (Foundation's `range(of:)` was half of placing links). nil for other text.
    static func asciiColumn(of needles: [String], in text: Substring, hint: Int) -> Int? {
        guard text.isPlainASCII, needles.allSatisfy(\.isPlainASCII) else { return nil }
        let line = text.utf8Bytes
        let words = needles.map(\.utf8Bytes)
        func occurs(_ word: [UInt8], at offset: Int) -> Bool {
            offset + word.count <= line.count && line[offset..<(offset + word.count)].elementsEqual(word)
        }
        if (0...line.count).contains(hint - 1), words.contains(where: { occurs($0, at: hint - 1) }) { return hint }
        for word in words {
            if let offset = line.indices.first(where: { line[$0] == word.first && occurs(word, at: $0) }) { return offset + 1 }
        }
        return min(hint, line.count + 1)
    }

    mutating func correctInlineColumns() {
        links = links.map { corrected($0, needles: ["<" + $0.url, "[" + $0.text.prefix(40), $0.url, "["]) }
        images = images.map { corrected($0, needles: ["![" + $0.text.prefix(40), "!["]) }
    }

    private func corrected(_ reference: Reference, needles: [String]) -> Reference {
        var reference = reference
        reference.location.column = column(of: needles, line: reference.location.line, hint: reference.location.column)
        return reference
    }
}
