/// Reports each `{{indicator-id.field}}` in a body that names no indicator or no field,
/// at the reference's own line and column.
struct ReferenceCheck {
    var outline: MarkdownOutline
    var resolver: FigureResolver

    func check() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (text, location) in outline.plainText {
            // A reference to a file that could not be read is not a second error: that file's is enough.
            for reference in FigureReference.scan(text) where !resolver.site.unreadableIndicatorIDs.contains(reference.id) {
                guard case .failure(let problem) = resolver.resolve(reference) else { continue }
                let written = String(text[reference.range])
                problems.append(
                    .error(
                        outline.location(of: written, in: text, at: reference.range.lowerBound, node: location),
                        "`\(written)`: \(problem.message)"))
            }
        }
        return problems
    }
}

extension MarkdownOutline {
    /// Where a piece of a text node starts in the file: the node's position plus the offset
    /// inside it, checked against the line (cmark's inline columns drift on later lines).
    func location(of needle: String, in text: String, at index: String.Index, node: SourceLocation) -> SourceLocation {
        let hint = node.column + text.distance(from: text.startIndex, to: index)
        return SourceLocation(path: node.path, line: node.line, column: column(of: [needle], line: node.line, hint: hint))
    }
}
