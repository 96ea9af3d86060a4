import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a generated chart with Foundation's XMLParser: parsing it at all proves
/// it is well-formed XML; the reader keeps what the tests check.
final class SVGReader: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        /// Classes of the enclosing groups, innermost last.
        var groups: [String]
    }

    private(set) var elements: [Element] = []
    private var stack: [Element] = []
    private(set) var error: Error?

    static func read(_ svg: String) -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        if !parser.parse() { reader.error = parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let groups = stack.filter { $0.name == "g" }.map { $0.attributes["class"] ?? "" }
        stack.append(Element(name: name, attributes: attributes, groups: groups))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let element = stack.popLast() { elements.append(element) }
    }

    var root: Element? { elements.last { $0.name == "svg" } }

    func all(_ name: String, class cssClass: String? = nil, inGroup group: String? = nil) -> [Element] {
        elements.filter { element in
            element.name == name && (cssClass == nil || element.attributes["class"] == cssClass)
                && (group == nil || element.groups.contains(group!))
        }
    }

    /// Markers of one series, in document order (elements are recorded as they close,
    /// and markers have no children, so that is the order written).
    func points(inGroup group: String) -> [Element] {
        elements.filter { $0.attributes["class"] == "chart-point" && $0.groups.last == group }
    }

    /// (value, y) of each y-axis tick, read from its label, so a test can map values to pixels.
    func ticks() -> [(value: Double, y: Double)] {
        all("text", inGroup: "chart-axis").filter { $0.attributes["text-anchor"] == "end" }.compactMap { text in
            let cleaned = text.text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "−", with: "-")
            guard let value = Double(cleaned), let y = text.attributes["y"].flatMap(Double.init) else { return nil }
            return (value, y)
        }
    }
}

extension SVGReader.Element {
    /// The marker's centre, whatever its shape.
    var centre: (x: Double, y: Double)? {
        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
        switch name {
        case "circle": return number("cx").flatMap { x in number("cy").map { (x, $0) } }
        case "rect": return number("x").flatMap { x in number("y").map { (x + 4.5, $0 + 4.5) } }
        default: return nil
        }
    }
}

extension SVGReader {
    /// Cell texts of each table row, header row included, in document order.
    func rows() -> [[String]] {
        var rows: [[String]] = []
        var cells: [String] = []
        for element in elements {
            if element.name == "th" || element.name == "td" { cells.append(element.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if element.name == "tr" {
                rows.append(cells)
                cells = []
            }
        }
        return rows
    }

    /// The first `<tag class="…">…</tag>` in a page, for parsing on its own.
    static func fragment(_ html: String, open: String, close: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
