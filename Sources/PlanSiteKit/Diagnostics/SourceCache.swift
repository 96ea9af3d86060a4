import Foundation

/// The text of every file read, by the path diagnostics print, so a report can
/// quote the offending line.
public struct SourceCache: Sendable {
    private var texts: [String: [Substring]] = [:]

    public init() {}

    public mutating func record(_ text: String, for path: String) {
        texts[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    public mutating func merge(_ other: SourceCache) {
        texts.merge(other.texts) { _, new in new }
    }

    public func line(_ number: Int, of path: String) -> String? {
        guard let lines = texts[path], number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }
}
