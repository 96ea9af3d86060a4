import CCmarkGFM
import Foundation

/// What a Markdown body contains that lint cares about, with file positions.
public struct MarkdownOutline: Sendable {
    public struct Heading: Sendable { public var level: Int; public var text: String; public var location: SourceLocation }
    public struct Reference: Sendable { public var url: String; public var text: String; public var location: SourceLocation }
    public var headings: [Heading] = []
    public var links: [Reference] = []
    /// `text` is the alt text.
    public var images: [Reference] = []
    public var rawHTML: [SourceLocation] = []
    public var plainText: [(text: String, location: SourceLocation)] = []
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var outline: MarkdownOutline
}

/// The only file that talks to cmark-gfm: Markdown in, HTML and an outline out.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    /// - Parameters:
    ///   - path, firstLine: where the body sits in its file, for positions.
    ///   - rewriteURL: maps each link and image URL (e.g. root-relative to page-relative).
    public func render(_ markdown: String, path: String = "", firstLine: Int = 1,
                       rewriteURL: (String) -> String = { $0 }) -> RenderedMarkdown {
        cmark_gfm_core_extensions_ensure_registered()
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let outline = walk(document, lines: lines, path: path, firstLine: firstLine, rewriteURL: rewriteURL)
        let htmlPointer = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))!
        defer { free(htmlPointer) }
        return RenderedMarkdown(html: String(cString: htmlPointer), outline: outline)
    }

    private func walk(_ document: OpaquePointer, lines: [Substring], path: String, firstLine: Int,
                      rewriteURL: (String) -> String) -> MarkdownOutline {
        var outline = MarkdownOutline()
        let iterator = cmark_iter_new(document)!
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let location = Self.location(of: node, lines: lines, path: path, firstLine: firstLine)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                outline.headings.append(.init(level: Int(cmark_node_get_heading_level(node)), text: Self.text(of: node), location: location))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let reference = MarkdownOutline.Reference(url: url, text: Self.text(of: node), location: location)
                if cmark_node_get_type(node) == CMARK_NODE_LINK { outline.links.append(reference) } else { outline.images.append(reference) }
                let rewritten = rewriteURL(url)
                if rewritten != url { _ = rewritten.withCString { cmark_node_set_url(node, $0) } }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                outline.rawHTML.append(location)
            case CMARK_NODE_TEXT:
                outline.plainText.append((cmark_node_get_literal(node).map { String(cString: $0) } ?? "", location))
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
    private static func location(of node: OpaquePointer, lines: [Substring], path: String, firstLine: Int) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        var column = byteColumn
        if line >= 1, line <= lines.count {
            let bytes = Array(lines[line - 1].utf8.prefix(max(0, byteColumn - 1)))
            column = (String(decoding: bytes, as: UTF8.self).count) + 1
        }
        return SourceLocation(path: path, line: line + firstLine - 1, column: column)
    }
}
