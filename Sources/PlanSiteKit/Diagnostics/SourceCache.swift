import Foundation

/// The text of every file read, by the path diagnostics print, so a report can
/// quote the offending line. Files are kept whole and a line is found only when a
/// report asks for it: most builds quote no line at all.
public struct SourceCache: Sendable {
    private var texts: [String: String] = [:]

    public init() {}

    public mutating func record(_ text: String, for path: String) {
        texts[path] = text
    }

    public mutating func merge(_ other: SourceCache) {
        texts.merge(other.texts) { _, new in new }
    }

    /// Line `number` (from 1) of the file, without its line break. Lines end at each
    /// Character "\n", as `split(separator: "\n")` counts them: a CRLF is one Character,
    /// not a line break, so an LF byte ends a line only when no CR comes just before it.
    public func line(_ number: Int, of path: String) -> String? {
        guard let text = texts[path], number >= 1 else { return nil }
        let bytes = text.utf8
        var start = bytes.startIndex
        var line = 1
        var previous: UInt8 = 0
        var index = start
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A && previous != 0x0D {
                if line == number { return String(text[start..<index]) }
                line += 1
                start = bytes.index(after: index)
            }
            previous = byte
            index = bytes.index(after: index)
        }
        return line == number ? String(text[start..<bytes.endIndex]) : nil
    }
}
