/// Collects diagnostics through a run: folds duplicates, keeps source order, and
/// renders them like a compiler, with the offending line and a caret.
public struct DiagnosticReport: Sendable {
    public static let displayLimit = 50
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init(_ diagnostics: [Diagnostic] = []) {
        append(contentsOf: diagnostics)
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    public mutating func append(contentsOf list: [Diagnostic]) {
        for diagnostic in list { append(diagnostic) }
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Warnings become errors under `--strict`.
    public func escalatingWarnings() -> DiagnosticReport {
        DiagnosticReport(diagnostics.map { Diagnostic(.error, $0.location, $0.message) })
    }

    public var sorted: [Diagnostic] { diagnostics.sorted { $0.location < $1.location } }

    /// Human text: each diagnostic, its source line and a caret; at most 50, then a count of the rest.
    public func rendered(sources: SourceCache) -> String {
        let shown = sorted.prefix(Self.displayLimit)
        var lines: [String] = []
        for diagnostic in shown {
            lines.append(diagnostic.description)
            if let text = sources.line(diagnostic.location.line, of: diagnostic.location.path) {
                let (visible, caretColumn) = Self.window(
                    of: text.replacingOccurrences(of: "\t", with: " "), around: diagnostic.location.column)
                lines.append("    " + visible)
                lines.append("    " + String(repeating: " ", count: caretColumn - 1) + "^")
            }
        }
        if diagnostics.count > shown.count {
            lines.append("… and \(diagnostics.count - shown.count) more problems not shown")
        }
        return lines.joined(separator: "\n")
    }

    static let quotedWidth = 200

    /// At most `quotedWidth` characters of a long line, around the column, with the caret's column in them.
    static func window(of line: String, around column: Int) -> (text: String, caret: Int) {
        let characters = Array(line)
        guard characters.count > quotedWidth else { return (line, min(column, characters.count + 1)) }
        let start = max(0, min(column - quotedWidth / 2, characters.count - quotedWidth))
        let slice = String(characters[start..<min(characters.count, start + quotedWidth)])
        let lead = start > 0 ? "…" : ""
        let tail = start + quotedWidth < characters.count ? "…" : ""
        return (lead + slice + tail, min(column - start, quotedWidth + 1) + lead.count)
    }

    /// GitHub Actions workflow commands, so problems show on the pull request's files.
    public func githubAnnotations() -> String {
        sorted.prefix(Self.displayLimit).map { d in
            let message = d.message
                .replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            // Property values also escape the separators of the command itself.
            let file = d.location.path.replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: ",", with: "%2C").replacingOccurrences(of: ":", with: "%3A")
            guard d.location.hasPosition else { return "::\(d.severity.rawValue)::\(message)" }
            return "::\(d.severity.rawValue) file=\(file),line=\(d.location.line),col=\(d.location.column)::\(message)"
        }.joined(separator: "\n")
    }

    /// "2 errors, 1 warning"
    public var countSummary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors.count, "error")), \(plural(warnings.count, "warning"))"
    }
}
