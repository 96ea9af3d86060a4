import Foundation

/// Plain-language checks of a page's text, as GOV.UK's style guide asks: sentences of at
/// most 30 words, and an acronym written out in full the first time a page uses it. It reads
/// the Markdown source, so every warning has the line and column of the words it is about.
/// A page marked `verbatim: true` (a text published elsewhere that must stay word for word,
/// such as the priority's narrative) is not asked to change.
struct PlainLanguageLint {
    var path: String
    /// The Markdown body's lines, and the file line of the first.
    var lines: [Substring]
    var firstLine: Int
    /// Front-matter text shown on the same page before the body (its summary), where an acronym may already be expanded.
    var precedingText = ""
    /// The file's own line N, when the body is indented in it (indicator notes in a YAML block
    /// scalar): columns then count the file's indentation too. Asked only for a warning, so a
    /// clean build reads no file twice.
    var fileLine: ((Int) -> Substring?)? = nil

    static let maximumWords = 30

    /// Acronyms readers know without help (GOV.UK: "you do not need to explain well-known ones").
    static let wellKnown: Set<String> = [
        "UK", "US", "USA", "EU", "NHS", "GP", "MP", "BBC", "VAT", "TV", "OK",
        "PDF", "CSV", "JSON", "COVID", "AM", "PM",
        // not acronyms: WCAG conformance levels
        "AA", "AAA",
    ]
    /// Words ending in a full stop that do not end a sentence.
    static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "no", "dr", "mr", "mrs", "ms", "st", "vs", "approx", "cf"]

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var expanded = Set<String>()
        var reported = Set<String>()
        for acronym in Self.acronyms(in: precedingText) where Self.isExpanded(acronym.range, in: precedingText) {
            expanded.insert(acronym.word)
        }
        for block in blocks() {
            if !block.isHeading { problems += longSentences(in: block) }
            for acronym in Self.acronyms(in: block.text) where !Self.wellKnown.contains(acronym.word) {
                guard !expanded.contains(acronym.word), !reported.contains(acronym.word) else { continue }
                if Self.isExpanded(acronym.range, in: block.text) {
                    expanded.insert(acronym.word)
                } else {
                    reported.insert(acronym.word)
                    problems.append(
                        .warning(
                            location(block, acronym.range.lowerBound),
                            "acronym \"\(acronym.word)\" is not explained on its first use on this page; write the words in full the first time, then the acronym in brackets: \"… (\(acronym.word))\""
                        ))
                }
            }
        }
        return problems
    }

    private func location(_ block: Block, _ index: String.Index) -> SourceLocation {
        let (line, column) = block.location(at: index)
        return SourceLocation(path: path, line: line, column: column + indentation(ofLine: line))
    }

    /// How much further the file indents a line than the body does.
    private func indentation(ofLine line: Int) -> Int {
        let index = line - firstLine
        guard let fileLine, index >= 0, index < lines.count, let inFileLine = fileLine(line) else { return 0 }
        let inFile = inFileLine.prefix { $0 == " " }.count
        let inBody = lines[index].prefix { $0 == " " }.count
        return max(0, inFile - inBody)
    }

    // MARK: Blocks of running text

    /// A paragraph, list item, table row or heading as plain text, each character with its file position.
    struct Block {
        var text = ""
        /// Runs of characters at consecutive columns of one line, by the Character offset each starts at:
        /// a position per Character took 16 bytes each, 64 MB for a 4 MB paragraph.
        private var runs: [(offset: Int, line: Int, column: Int)] = []
        private var count = 0
        var isHeading = false

        init(isHeading: Bool = false) { self.isHeading = isHeading }

        func location(at index: String.Index) -> (line: Int, column: Int) {
            let offset = text.distance(from: text.startIndex, to: index)
            // The last run starting at or before the offset (binary search: runs are in offset order).
            var low = 0
            var high = runs.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if runs[middle].offset <= offset { low = middle } else { high = middle - 1 }
            }
            guard let run = runs.indices.contains(low) ? runs[low] : nil else { return (1, 1) }
            return (run.line, run.column + min(offset, count - 1) - run.offset)
        }

        mutating func append(_ character: Character, line: Int, column: Int) {
            text.append(character)
            addRun(length: 1, line: line, column: column)
        }

        /// ASCII characters written one after another from `column`: appended in one piece.
        mutating func append(ascii bytes: ArraySlice<UInt8>, line: Int, column: Int) {
            text += String(decoding: bytes, as: UTF8.self)
            addRun(length: bytes.count, line: line, column: column)
        }

        private mutating func addRun(length: Int, line: Int, column: Int) {
            guard length > 0 else { return }
            if let last = runs.last, last.line == line, last.column + (count - last.offset) == column {
                count += length  // continues the run before it
                return
            }
            runs.append((count, line, column))
            count += length
        }
    }

    /// Where `blockStart` ends its match at the start of the line, in Characters; nil when it does not match.
    /// A line in ASCII (each byte one Character) is read by hand, the way the expression reads it:
    /// running the expression on every line of every body was 2% of a 10,000-indicator build.
    static func blockStartEnd(_ line: Substring, asBytes: Bool? = nil) -> Int? {
        guard asBytes ?? line.isPlainASCII else {
            let text = String(line)
            guard let match = Patterns.markdownBlockStart.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range, in: text)
            else { return nil }
            return text.distance(from: text.startIndex, to: range.upperBound)
        }
        return blockStartEnd(bytes: line.utf8Bytes)
    }

    /// `blockStartEnd` on a plain line's bytes.
    private static func blockStartEnd(bytes: [UInt8]) -> Int? {
        // ICU's \s in ASCII: tab, line feed, form feed, carriage return and space; \d: 0 to 9.
        func isSpace(_ i: Int) -> Bool {
            guard i < bytes.count else { return false }
            let byte = bytes[i]
            return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
        }
        func isDigit(_ i: Int) -> Bool { i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        var i = 0
        while i < 3, isSpace(i) { i += 1 }
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "#"):
            var hashes = 0
            while i + hashes < bytes.count, bytes[i + hashes] == UInt8(ascii: "#") { hashes += 1 }
            return hashes <= 6 && isSpace(i + hashes) ? i + hashes + 1 : nil
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            return isSpace(i + 1) ? i + 2 : nil
        case UInt8(ascii: ">"):
            return isSpace(i + 1) ? i + 2 : i + 1
        case UInt8(ascii: "|"):
            return i + 1
        default:
            var digits = 0
            while isDigit(i + digits) { digits += 1 }
            guard (1...9).contains(digits), i + digits < bytes.count,
                bytes[i + digits] == UInt8(ascii: ".") || bytes[i + digits] == UInt8(ascii: ")"), isSpace(i + digits + 1)
            else { return nil }
            return i + digits + 2
        }
    }

    /// - Parameter bytesWhenPlain: test a plain line's shape on its bytes (tests compare both ways).
    func blocks(bytesWhenPlain: Bool = true) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        var fence: String?
        var hardBreak = false
        func finish() {
            if let block = current, !block.text.allSatisfy(\.isWhitespace) { blocks.append(block) }
            current = nil
            hardBreak = false
        }
        for (index, rawLine) in lines.enumerated() {
            let line = firstLine + index
            // A plain line's bytes are its Characters: its tests are made on bytes (Substring's
            // `hasPrefix` compares Characters, and was a fifth of this loop).
            let plain = bytesWhenPlain && rawLine.isPlainASCII
            let bytes = plain ? rawLine.utf8Bytes : []
            let indent = plain ? bytes.prefix { $0 == UInt8(ascii: " ") }.count : 0
            let trimmed = plain ? rawLine.dropFirst(indent) : rawLine.drop { $0 == " " }
            let starts = { (prefix: String) in plain ? bytes[indent...].starts(with: prefix.utf8) : trimmed.hasPrefix(prefix) }
            let ends = { (suffix: String) in plain ? bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) : rawLine.hasSuffix(suffix)
            }
            if let marker = fence {
                if starts(marker) { fence = nil }
                continue
            }
            if starts("```") || starts("~~~") {
                finish()
                fence = String(trimmed.prefix(3))
                continue
            }
            let isRule =
                plain ? bytes[indent...].allSatisfy { "|-: ".utf8.contains($0) } : trimmed.allSatisfy { "|-: ".contains($0) }
            if trimmed.isEmpty || isRule {
                finish()
                continue
            }
            let blockStart = plain ? Self.blockStartEnd(bytes: bytes) : Self.blockStartEnd(rawLine)
            let isHeading = starts("#")
            if blockStart != nil || isHeading { finish() }
            // A hard line break (a trailing backslash or two spaces, as in an address) ends a sentence too.
            if current == nil {
                current = Block(isHeading: isHeading)
            } else {
                current!.append(hardBreak ? "\n" : " ", line: line, column: 1)
            }
            hardBreak = ends("\\") || ends("  ") || ends(":")
            if plain {
                appendInline(bytes: bytes, from: blockStart ?? 0, line: line, to: &current!)
            } else {
                appendInline(rawLine, from: blockStart ?? 0, line: line, to: &current!)
            }
            if isHeading || starts("|") { finish() }
        }
        finish()
        return blocks
    }

    /// Markdown inline syntax reduced to the words a reader sees: link text without its address,
    /// no images, no emphasis marks, code as one word. A line in ASCII is read as bytes (each
    /// byte one Character), by the same steps as any other line.
    /// - Parameter asBytes: read the line as bytes; by default, when it is ASCII (tests compare both ways).
    func appendInline(_ raw: Substring, from skip: Int, line: Int, to block: inout Block, asBytes: Bool? = nil) {
        if asBytes ?? raw.isPlainASCII {
            appendInline(bytes: raw.utf8Bytes, from: skip, line: line, to: &block)
        } else {
            let chars = Array(raw)
            Self.readInline(
                chars, from: skip, isLetter: \.isLetter, unit: { Character($0) },
                keep: { range in
                    for j in range { block.append(chars[j], line: line, column: j + 1) }
                },
                placeholder: { block.append("x", line: line, column: $0 + 1) }
            )
        }
    }

    /// `appendInline` on a plain line's bytes.
    private func appendInline(bytes: [UInt8], from skip: Int, line: Int, to block: inout Block) {
        Self.readInline(
            bytes, from: skip, isLetter: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) },
            unit: { UInt8(ascii: $0) },
            keep: { range in block.append(ascii: bytes[range], line: line, column: range.lowerBound + 1) },
            placeholder: { block.append("x", line: line, column: $0 + 1) }
        )
    }

    /// The steps of `appendInline` on a line's characters (`Unit`: Character, or a byte of ASCII).
    /// - Parameters:
    ///   - keep: characters to append, each at its own column (index + 1).
    ///   - placeholder: one word ("x") at this index's column, for an autolink or code.
    private static func readInline<Unit: Equatable>(
        _ chars: [Unit], from skip: Int, isLetter: (Unit) -> Bool,
        unit: (Unicode.Scalar) -> Unit,
        keep: (Range<Int>) -> Void, placeholder: (Int) -> Void
    ) {
        let bang = unit("!")
        let open = unit("[")
        let less = unit("<")
        let greater = unit(">")
        let colon = unit(":")
        let at = unit("@")
        let tick = unit("`")
        let star = unit("*")
        let backslash = unit("\\")
        let underscore = unit("_")
        // Compared one by one, which is cheaper for each character than `contains` on an array of the seven.
        let isMark = { (c: Unit) in c == bang || c == open || c == less || c == tick || c == star || c == backslash || c == underscore }
        var i = skip
        while i < chars.count {
            let c = chars[i]
            if c == bang, i + 1 < chars.count, chars[i + 1] == open, let end = linkEnd(chars, from: i + 1, unit: unit) {
                i = end.after
                continue
            }
            if c == open, let end = linkEnd(chars, from: i, unit: unit) {
                var run = i + 1
                for j in (i + 1)..<end.textEnd where chars[j] == star || chars[j] == tick {
                    if j > run { keep(run..<j) }
                    run = j + 1
                }
                if end.textEnd > run { keep(run..<end.textEnd) }
                i = end.after
                continue
            }
            if c == less, let close = chars[i...].firstIndex(of: greater),
                chars[(i + 1)..<close].contains(colon) || chars[(i + 1)..<close].contains(at)
            {
                placeholder(i)  // an autolink: one word
                i = close + 1
                continue
            }
            if c == tick, let close = chars[(i + 1)...].firstIndex(of: tick) {
                placeholder(i)
                i = close + 1
                continue
            }
            if c == star || (c == backslash && i == chars.count - 1)
                || (c == underscore && (i == 0 || !isLetter(chars[i - 1]) || i + 1 == chars.count || !isLetter(chars[i + 1])))
            {
                i += 1
                continue
            }
            if c == backslash, i + 1 < chars.count {
                keep((i + 1)..<(i + 2))
                i += 2
                continue
            }
            // A run of ordinary characters, appended in one piece.
            var end = i + 1
            while end < chars.count, !isMark(chars[end]) { end += 1 }
            keep(i..<end)
            i = end
        }
    }

    /// `[text](url)` starting at `open`: where the text ends and where the link ends.
    private static func linkEnd<Unit: Equatable>(_ chars: [Unit], from open: Int, unit: (Unicode.Scalar) -> Unit) -> (
        textEnd: Int, after: Int
    )? {
        let opening = unit("[")
        let closing = unit("]")
        let parenthesis = unit("(")
        let closingParenthesis = unit(")")
        var depth = 0
        var j = open
        while j < chars.count {
            if chars[j] == opening {
                depth += 1
            } else if chars[j] == closing {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j + 1 < chars.count, chars[j + 1] == parenthesis, let close = chars[(j + 1)...].firstIndex(of: closingParenthesis) else {
            return nil
        }
        return (j, close + 1)
    }

    // MARK: Sentences

    private func longSentences(in block: Block) -> [Diagnostic] {
        // No sentence can be longer than its block: most blocks are too short to split at all.
        guard Self.mayHaveMoreWords(block.text[...], than: Self.maximumWords) else { return [] }
        var problems: [Diagnostic] = []
        for sentence in Self.sentences(in: block.text) where Self.mayHaveMoreWords(sentence, than: Self.maximumWords) {
            let (wordCount, openingWords) = Self.countWords(in: sentence)
            guard wordCount > Self.maximumWords,
                let first = sentence.firstIndex(where: { !$0.isWhitespace })
            else { continue }
            let opening = openingWords.joined(separator: " ")
            problems.append(
                .warning(
                    location(block, first),
                    "sentence \"\(opening) …\" has \(wordCount) words; split it into shorter sentences of at most \(Self.maximumWords) words (for example where it says \"and\", \"which\" or after a comma), so it is easier to read"
                ))
        }
        return problems
    }

    /// How many words (runs with a letter or digit) a sentence has, and its first six, without
    /// making a list of every word: a megabyte with no full stop is one "sentence".
    static func countWords(in sentence: Substring) -> (count: Int, opening: [Substring]) {
        var count = 0
        var opening: [Substring] = []
        var start: Substring.Index?
        var hasLetter = false
        func finish(at end: Substring.Index) {
            if let from = start, hasLetter {
                count += 1
                if opening.count < 6 { opening.append(sentence[from..<end]) }
            }
            (start, hasLetter) = (nil, false)
        }
        var index = sentence.startIndex
        while index < sentence.endIndex {
            let character = sentence[index]
            if character.isWhitespace {
                finish(at: index)
            } else {
                if start == nil { start = index }
                if character.isLetter || character.isNumber { hasLetter = true }
            }
            index = sentence.index(after: index)
        }
        finish(at: sentence.endIndex)
        return (count, opening)
    }

    /// False when the sentence has too few places a word can end to hold more than `limit`
    /// words: an ASCII space, tab or line break, or any non-ASCII character (which may be a
    /// space too). Most sentences are short, and the exact count looks at every Character.
    static func mayHaveMoreWords(_ sentence: Substring, than limit: Int) -> Bool {
        var separators = 0
        return !sentence.allBytes { byte in
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte >= 0xC0 { separators += 1 }
            return separators < limit
        }
    }

    /// The block's sentences: split after `.`, `!` or `?` followed by a space (or the end),
    /// except after an abbreviation ("e.g.", "No. 2") or a single initial.
    static func sentences(in text: String) -> [Substring] {
        // In ASCII without CR every byte is one Character, so the bytes can be read instead.
        text.isPlainASCII ? asciiSentences(in: text) : characterSentences(in: text)
    }

    /// `sentences(in:)` for ASCII text without CR, byte by byte: the same splits (`PlainLanguageLintTests`).
    static func asciiSentences(in text: String) -> [Substring] {
        let bytes = text.utf8Bytes
        let utf8 = text.utf8
        let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        // Character.isWhitespace in ASCII: tab, line feed, vertical tab, form feed and space (CR is excluded).
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0C).contains(byte) }
        var sentences: [Substring] = []
        var start = 0
        for i in bytes.indices {
            if bytes[i] == UInt8(ascii: "\n") {
                sentences.append(text[index(start)..<index(i)])
                start = i + 1
                continue
            }
            guard bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "?") else { continue }
            if i + 1 < bytes.count, !isSpace(bytes[i + 1]), bytes[i + 1] != UInt8(ascii: ")"), bytes[i + 1] != UInt8(ascii: "\"") {
                continue
            }
            // The word before the mark, found by stepping back (splitting the sentence so far at every mark was quadratic).
            var wordStart = i
            while wordStart > start, !isSpace(bytes[wordStart - 1]) { wordStart -= 1 }
            if bytes[i] != UInt8(ascii: ".") || !isASCIIAbbreviation(bytes[wordStart..<i]) {
                sentences.append(text[index(start)..<index(i + 1)])
                start = i + 1
            }
        }
        if start < bytes.count { sentences.append(text[index(start)...]) }
        return sentences
    }

    /// `isAbbreviation` for an ASCII word before a full stop.
    private static func isASCIIAbbreviation(_ word: ArraySlice<UInt8>) -> Bool {
        let isTrimmed = { (byte: UInt8) in byte == UInt8(ascii: "(") || byte == UInt8(ascii: "\"") }
        guard let first = word.firstIndex(where: { !isTrimmed($0) }), let last = word.lastIndex(where: { !isTrimmed($0) }) else {
            return false  // "" is neither an abbreviation nor an initial
        }
        let lowered = word[first...last].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        return abbreviations.contains(String(decoding: lowered, as: UTF8.self))
            || (lowered.count == 1 && (0x61...0x7A).contains(lowered[0]))
    }

    /// `sentences(in:)` Character by Character, for any text.
    static func characterSentences(in text: String) -> [Substring] {
        split(
            text, text, isNewline: { $0 == "\n" }, isSpace: \.isWhitespace, isMark: { ".!?".contains($0) },
            closes: { $0 == ")" || $0 == "\u{201D}" || $0 == "\"" }, character: { $0 })
    }

    /// The splitting itself, on a view of the text whose indices are the text's (its Characters).
    private static func split<View: BidirectionalCollection>(
        _ text: String, _ view: View, isNewline: (View.Element) -> Bool,
        isSpace: (View.Element) -> Bool, isMark: (View.Element) -> Bool,
        closes: (View.Element) -> Bool, character: (View.Element) -> Character
    )
        -> [Substring] where View.Index == String.Index
    {
        var sentences: [Substring] = []
        var start = view.startIndex
        var i = view.startIndex
        while i < view.endIndex {
            let next = view.index(after: i)
            if isNewline(view[i]) {
                sentences.append(text[start..<i])
                start = next
            } else if isMark(view[i]), next == view.endIndex || isSpace(view[next]) || closes(view[next]) {
                // The word before the mark, found by stepping back (splitting the sentence so far at every mark was quadratic).
                var wordStart = i
                while wordStart > start, !isSpace(view[view.index(before: wordStart)]) { wordStart = view.index(before: wordStart) }
                if !isAbbreviation(text[wordStart..<i], mark: character(view[i])) {
                    sentences.append(text[start...i])
                    start = next
                }
            }
            i = next
        }
        if start < view.endIndex { sentences.append(text[start...]) }
        return sentences
    }

    private static let openings = CharacterSet(charactersIn: "(\"\u{201C}")

    /// Whether `word`, just before a full stop, is an abbreviation or an initial rather than a sentence's end.
    private static func isAbbreviation(_ word: Substring, mark: Character) -> Bool {
        guard mark == "." else { return false }
        let word = word.trimmingCharacters(in: openings).lowercased()
        return abbreviations.contains(word) || (word.count == 1 && word.first!.isLetter)
    }

    // MARK: Acronyms

    static func acronyms(in text: String) -> [(word: String, range: Range<String.Index>)] {
        text.isPlainASCII ? asciiAcronyms(in: text) : matchedAcronyms(in: text)
    }

    /// `acronyms(in:)` for any text, by the expression.
    static func matchedAcronyms(in text: String) -> [(word: String, range: Range<String.Index>)] {
        let regex = Patterns.acronym
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range(at: 1), in: text) else { return nil }
            return (String(text[range]), range)
        }.filter { !isShouting($0.range, in: text) && !isQuoted($0.range, in: text) }
    }

    /// `acronyms(in:)` for plain text (ASCII without CR), on its bytes: the expression, the quotes
    /// counted before each match and the words around it were 1.7% of a build.
    ///
    /// `Patterns.acronym` read by hand: a run of capitals matches from its start (when no letter,
    /// digit, `-`, `.`, `/` or `@` comes before it) as a whole, with a plural "s" if one follows,
    /// when what comes after is no letter, digit or `-`, nor a `.` before a letter. (A shorter run
    /// would be followed by a capital, a letter, so the expression never matches less.)
    static func asciiAcronyms(in text: String) -> [(word: String, range: Range<String.Index>)] {
        let bytes = text.utf8Bytes
        let isUpper = { (i: Int) in i >= 0 && i < bytes.count && (0x41...0x5A).contains(bytes[i]) }
        let isLetter = { (i: Int) in i >= 0 && i < bytes.count && ((0x41...0x5A).contains(bytes[i]) || (0x61...0x7A).contains(bytes[i])) }
        let isDigit = { (i: Int) in i >= 0 && i < bytes.count && (0x30...0x39).contains(bytes[i]) }
        let isByte = { (i: Int, byte: Unicode.Scalar) in i >= 0 && i < bytes.count && bytes[i] == UInt8(ascii: byte) }
        // Character.isWhitespace in ASCII without CR: tab, line feed, vertical tab, form feed and space.
        let isSpace = { (i: Int) in bytes[i] == 0x20 || (0x09...0x0C).contains(bytes[i]) }
        let endsFree = { (i: Int) in !(isLetter(i) || isDigit(i) || isByte(i, "-")) && !(isByte(i, ".") && isLetter(i + 1)) }
        /// Capitals and no lower-case letter, more than one character with a letter: emphasis ("SUPPORT AVAILABLE NOW").
        let isCapitals = { (word: Range<Int>) in
            word.count > 1 && word.allSatisfy { !(0x61...0x7A).contains(bytes[$0]) } && word.contains { isLetter($0) }
        }
        var found: [(word: String, range: Range<String.Index>)] = []
        var quotes = 0
        var counted = 0
        var i = 0
        while i < bytes.count {
            let after = { (byte: Unicode.Scalar) in isByte(i - 1, byte) }
            guard isUpper(i), !(isLetter(i - 1) || isDigit(i - 1) || after("-") || after(".") || after("/") || after("@")) else {
                i += 1
                continue
            }
            var end = i
            while isUpper(end) { end += 1 }
            let matchEnd = end - i < 2 ? nil : isByte(end, "s") && endsFree(end + 1) ? end + 1 : endsFree(end) ? end : nil
            guard let matchEnd else {
                i = end  // no later start inside the run: a capital comes before each
                continue
            }
            // The words either side, split at white space, as `isShouting` reads them.
            var wordEnd = i
            while wordEnd > 0, isSpace(wordEnd - 1) { wordEnd -= 1 }
            var wordStart = wordEnd
            while wordStart > 0, !isSpace(wordStart - 1) { wordStart -= 1 }
            var nextStart = end
            while nextStart < bytes.count, isSpace(nextStart) { nextStart += 1 }
            var nextEnd = nextStart
            while nextEnd < bytes.count, !isSpace(nextEnd) { nextEnd += 1 }
            while counted < i {
                if bytes[counted] == UInt8(ascii: "\"") { quotes += 1 }
                counted += 1
            }
            if !isCapitals(wordStart..<wordEnd), !isCapitals(nextStart..<nextEnd), quotes % 2 == 0 {
                let utf8 = text.utf8
                let range = utf8.index(utf8.startIndex, offsetBy: i)..<utf8.index(utf8.startIndex, offsetBy: end)
                found.append((String(decoding: bytes[i..<end], as: UTF8.self), range))
            }
            i = matchEnd
        }
        return found
    }

    /// Inside quotation marks (a quoted title or statement), which must stay as written: the
    /// first use outside quotes is the one that needs the words in full.
    private static func isQuoted(_ range: Range<String.Index>, in text: String) -> Bool {
        var straight = 0
        var opened = 0
        var closed = 0
        for character in text[..<range.lowerBound] {
            if character == "\"" {
                straight += 1
            } else if character == "\u{201C}" {
                opened += 1
            } else if character == "\u{201D}" {
                closed += 1
            }
        }
        return straight % 2 == 1 || opened > closed
    }

    /// A run of capitals ("SUPPORT AVAILABLE NOW") is emphasis, not acronyms.
    private static func isShouting(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = lastWord(of: text[..<range.lowerBound])
        let after = firstWord(of: text[range.upperBound...])
        let caps = { (word: Substring?) in
            word.map { w in w.count > 1 && w.allSatisfy { $0.isUppercase || !$0.isLetter } && w.contains { $0.isLetter } } ?? false
        }
        return caps(before) || caps(after)
    }

    /// The last word of `text`: `text.split(whereSeparator: \.isWhitespace).last`, without making every word.
    private static func lastWord(of text: Substring) -> Substring? {
        var last: Substring?
        var start: Substring.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index].isWhitespace {
                if let wordStart = start { last = text[wordStart..<index] }
                start = nil
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let wordStart = start { last = text[wordStart...] }
        return last
    }

    /// The first word of `text`: `text.split(whereSeparator: \.isWhitespace).first`, without making every word.
    private static func firstWord(of text: Substring) -> Substring? {
        guard let start = text.firstIndex(where: { !$0.isWhitespace }) else { return nil }
        let rest = text[start...]
        return rest[..<(rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex)]
    }

    /// "Words in Full (ACR)" or "ACR (words in full)".
    static func isExpanded(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = text[..<range.lowerBound]
        let after = text[range.upperBound...]
        if before.hasSuffix("("), after.hasPrefix(")") || after.hasPrefix("s)") {
            let words = before.dropLast().split(whereSeparator: \.isWhitespace)
            return words.count >= 2
        }
        let rest = after.drop { $0 == "s" }.drop { $0 == " " }
        if rest.hasPrefix("("), let close = rest.firstIndex(of: ")") {
            return rest[rest.index(after: rest.startIndex)..<close].split(whereSeparator: \.isWhitespace).count >= 2
        }
        return false
    }
}
