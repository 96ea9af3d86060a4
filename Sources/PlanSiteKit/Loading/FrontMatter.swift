import Foundation

/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String?
    /// Lines before the YAML (the opening `---`), to map YAML lines to file lines.
    var yamlLineOffset: Int
    var body: String
    /// File line on which the body starts.
    var bodyFirstLine: Int

    /// Returns nil when a `---` block is opened but never closed.
    ///
    /// Lines are found on the UTF-8 bytes: splitting the whole file into Characters and
    /// trimming each line through NSString cost over a million instructions a file. A line ends
    /// at a line feed that does not follow a carriage return (CR LF is one Character, which a
    /// Character split on "\n" does not break), so lines and line numbers stay as they were.
    static func split(_ text: String) -> FrontMatter? {
        let bytes = text.utf8
        let firstEnd = lineEnd(in: bytes, from: bytes.startIndex)
        guard isFence(text[bytes.startIndex..<firstEnd], orDots: false) else {
            return FrontMatter(yaml: nil, yamlLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        guard firstEnd < bytes.endIndex else { return nil }
        let yamlStart = bytes.index(after: firstEnd)
        var lineStart = yamlStart
        var lineIndex = 1
        while true {
            let end = lineEnd(in: bytes, from: lineStart)
            if isFence(text[lineStart..<end], orDots: true) {
                // The YAML runs up to the line feed before the closing line (none when it is empty).
                let yaml = lineStart == yamlStart ? "" : String(text[yamlStart..<bytes.index(before: lineStart)])
                let body = end == bytes.endIndex ? "" : String(text[bytes.index(after: end)...])
                return FrontMatter(yaml: yaml, yamlLineOffset: 1, body: body, bodyFirstLine: lineIndex + 2)
            }
            guard end < bytes.endIndex else { return nil }
            lineStart = bytes.index(after: end)
            lineIndex += 1
        }
    }

    /// The index of the line feed ending the line that starts at `start`, or the end of the text.
    private static func lineEnd(in bytes: String.UTF8View, from start: String.Index) -> String.Index {
        var index = start
        var previous: UInt8 = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A && previous != 0x0D { return index }
            previous = byte
            bytes.formIndex(after: &index)
        }
        return index
    }

    /// Whether the line, trimmed of `.whitespaces`, is `---` (or `...` when `orDots`). Lines of
    /// ASCII are trimmed of spaces and tabs (the ASCII members of `.whitespaces`) byte by byte;
    /// only a line with other bytes is trimmed by Foundation, which knows the other blanks.
    private static func isFence(_ line: Substring, orDots: Bool) -> Bool {
        let bytes = line.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed == "---" || (orDots && trimmed == "...")
        }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return false
        }
        let core = bytes[first...last]
        return core.elementsEqual("---".utf8) || (orDots && core.elementsEqual("...".utf8))
    }
}
