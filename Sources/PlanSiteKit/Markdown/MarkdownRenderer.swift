import CCmarkGFM
import Foundation

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var outline: MarkdownOutline
}

/// The only file that talks to cmark-gfm: Markdown in, HTML and an outline out.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool
    /// The label (`aria-label`) of each footnote's link back to where it is cited, in the site's
    /// words; nil keeps cmark-gfm's own English.
    public var footnoteBackLabel: String?

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// - Parameters:
    ///   - path, firstLine: where the body sits in its file, for positions.
    ///   - rewriteURL: maps each link and image URL (e.g. root-relative to page-relative).
    ///   - rewriteText: maps each run of plain text (figure references to figures); the outline keeps it as written.
    public func render(
        _ markdown: String, path: String = "", firstLine: Int = 1,
        rewriteURL: (String) -> String = { $0 },
        rewriteText: (String) -> String = { $0 }
    ) -> RenderedMarkdown {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        // cmark-gfm keeps the inline parser's special characters in one global table that each
        // parser with extensions edits (`~` for strikethrough), so two parses at once can lose
        // `~~text~~` on one of them: parsing, and freeing a parser, happen one at a time.
        // Walking the tree and writing HTML do not touch that table, so they run in parallel.
        Self.parsing.lock()
        let parser = cmark_parser_new(options)!
        for extensionHandle in Self.extensions.handles {
            cmark_parser_attach_syntax_extension(parser, extensionHandle)
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let document = cmark_parser_finish(parser)!
        Self.parsing.unlock()
        defer {
            Self.parsing.lock()
            cmark_parser_free(parser)
            Self.parsing.unlock()
        }
        defer { cmark_node_free(document) }
        let lines = Self.lines(of: markdown)
        var outline = walk(
            document, columns: ColumnMap(lines), path: path, firstLine: firstLine,
            rewriteURL: rewriteURL, rewriteText: rewriteText)
        outline.lines = lines
        outline.firstLine = firstLine
        outline.correctInlineColumns()
        let htmlPointer = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))!
        defer { free(htmlPointer) }
        var html = String(cString: htmlPointer)
        // Searched in cmark's C string (`strstr`): Foundation's `contains` on every body was 1% of a build.
        if let footnoteBackLabel, strstr(htmlPointer, Self.backLabel) != nil {
            html = html.replacingOccurrences(of: Self.backLabel, with: "aria-label=\"\(Markup.escape(footnoteBackLabel))\"")
        }
        return RenderedMarkdown(html: html, outline: outline)
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, found on bytes: splitting on
    /// Characters was a third of rendering Markdown. A line feed is a Character of its own unless a
    /// carriage return comes before it ("\r\n" is one Character, which the split does not split at).
    static func lines(of text: String) -> [Substring] {
        let bytes = text.utf8Bytes
        let utf8 = text.utf8
        let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
        var lines: [Substring] = []
        var start = 0
        for (offset, byte) in bytes.enumerated()
        where byte == UInt8(ascii: "\n") && (offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r")) {
            lines.append(text[index(start)..<index(offset)])
            start = offset + 1
        }
        lines.append(text[index(start)...])
        return lines
    }

    /// What cmark-gfm writes on each footnote's back link.
    static let backLabel = "aria-label=\"Back to content\""

    private static let parsing = NSLock()

    /// cmark-gfm registers its extensions in a global list without a lock: done once
    /// (a Swift static is initialised exactly once).
    private static let extensions = Extensions(
        handles: {
            cmark_gfm_core_extensions_ensure_registered()
            let names: [String] = ["table", "strikethrough", "autolink", "tagfilter"]
            return names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
        }())

    private struct Extensions: @unchecked Sendable {
        let handles: [OpaquePointer]
    }

    private func walk(
        _ document: OpaquePointer, columns: ColumnMap, path: String, firstLine: Int,
        rewriteURL: (String) -> String, rewriteText: (String) -> String
    ) -> MarkdownOutline {
        var outline = MarkdownOutline()
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            // Only the nodes lint reports on need a position; computing it for every node is slow on huge lines.
            var location: SourceLocation { Self.location(of: node, columns: columns, path: path, firstLine: firstLine) }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                outline.headings.append(
                    .init(level: Int(cmark_node_get_heading_level(node)), text: Self.text(of: node), location: location))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let reference = MarkdownOutline.Reference(url: url, text: Self.text(of: node), location: location)
                if cmark_node_get_type(node) == CMARK_NODE_LINK {
                    outline.links.append(reference)
                } else {
                    outline.images.append(reference)
                }
                let rewritten = rewriteURL(url)
                if rewritten != url { _ = rewritten.withCString { cmark_node_set_url(node, $0) } }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                outline.rawHTML.append(location)
            case CMARK_NODE_TEXT:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                outline.plainText.append((literal, location))
                let rewritten = rewriteText(literal)
                if rewritten != literal { _ = rewritten.withCString { cmark_node_set_literal(node, $0) } }
            default:
                break
            }
        }
        return outline
    }

    /// The text a reader sees inside a node (a link's words, an image's alt text).
    private static func text(of node: OpaquePointer) -> String {
        var result = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                result += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                result += " "
            } else {
                result += text(of: current)
            }
            child = cmark_node_next(current)
        }
        return result
    }

    /// cmark counts columns in bytes; diagnostics count characters.
    private static func location(of node: OpaquePointer, columns: ColumnMap, path: String, firstLine: Int) -> SourceLocation {
        // Nodes made by extensions (bare www. autolinks) have no position: use the nearest enclosing one.
        var positioned = node
        while cmark_node_get_start_line(positioned) == 0, let parent = cmark_node_parent(positioned) { positioned = parent }
        let line = max(1, Int(cmark_node_get_start_line(positioned)))
        let column = columns.characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(positioned)))
        return SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }
}

/// cmark counts columns in bytes; diagnostics count characters. Each line's
/// byte-to-character table is built once, and only for lines that are not ASCII.
final class ColumnMap {
    private let lines: [Substring]
    /// Per line (index 0 is line 1): nil until asked, then whether each byte is one character.
    private var ascii: [Bool?]
    private var tables: [Int: [Int]] = [:]

    init(_ lines: [Substring]) {
        self.lines = lines
        ascii = Array(repeating: nil, count: lines.count)
    }

    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lines.count, byteColumn > 1 else { return max(1, byteColumn) }
        let text = lines[line - 1]
        let isASCII = ascii[line - 1] ?? text.isASCII
        ascii[line - 1] = isASCII
        if isASCII { return byteColumn }
        let table = tables[line] ?? buildTable(text)
        tables[line] = table
        return (byteColumn - 1 < table.count ? table[byteColumn - 1] : table.last ?? 0) + 1
    }

    /// Character index of each byte offset of the line.
    private func buildTable(_ text: Substring) -> [Int] {
        var table: [Int] = []
        table.reserveCapacity(text.utf8.count + 1)
        for (index, character) in text.enumerated() {
            table += Array(repeating: index, count: character.utf8.count)
        }
        table.append(text.count)
        return table
    }
}
